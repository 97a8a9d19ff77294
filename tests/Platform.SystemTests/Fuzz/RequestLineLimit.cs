using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Platform.SystemTests.Fuzz;

/// <summary>
/// The one refusal that HTTP/1.1 cannot always deliver. A request line longer than Kestrel's limit (8 KB, the gateway
/// keeps the default) is answered 414 and the connection closed at once, the rest of the request unread; the kernel
/// then resets the connection, so a client still writing its long URL sees a broken pipe or a reset instead of the
/// 414, and which of the two it sees is a race. Such a request counts as refused. Any other request must be answered:
/// the gateway never closes a kept-alive connection without saying so (found while chasing a broken pipe in this
/// fuzzer: every one was the over-long request itself, not an earlier one that had spoilt the connection).
/// </summary>
public static class RequestLineLimit
{
    private static readonly int Bytes = new KestrelServerLimits().MaxRequestLineSize;

    public static bool IsExceededBy(string verb, string pathAndQuery) =>
        Encoding.UTF8.GetByteCount($"{verb} {pathAndQuery} HTTP/1.1\r\n") > Bytes;

    /// <summary>A send that failed on the connection itself (no answer), for a request over the limit: refused, as documented.</summary>
    public static bool RefusedByClosing(Exception exception, string verb, string pathAndQuery) =>
        exception is HttpRequestException { InnerException: IOException } && IsExceededBy(verb, pathAndQuery);
}
