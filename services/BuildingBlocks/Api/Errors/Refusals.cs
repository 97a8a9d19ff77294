using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Platform.Api.Errors;

/// <summary>
/// Builds every error status the platform answers (AIP-193): a code, an English message for developers, and a
/// google.rpc.ErrorInfo whose stable reason (Platform.Contracts.Errors.ErrorReasons) and domain (the answering
/// service) callers branch on, plus any further details (BadRequest). The status travels in the trailers
/// (grpc-status-details-bin) and, over JSON, as the google.rpc.Status body.
/// </summary>
public static class Refusals
{
    /// <summary>Longest text of a status message or a field violation, in characters.</summary>
    public const int MaxTextLength = 500;

    public static Google.Rpc.Status Status(Code code, string domain, string reason, string message,
        IEnumerable<(string Key, string Value)>? metadata = null, params IMessage[] details)
    {
        var info = new ErrorInfo { Reason = reason, Domain = domain };
        foreach (var (key, value) in metadata ?? [])
        {
            info.Metadata[key] = Bounded(value);
        }
        var status = new Google.Rpc.Status { Code = (int)code, Message = Bounded(message) };
        status.Details.Add(Any.Pack(info));
        status.Details.AddRange(details.Select(Any.Pack));
        return status;
    }

    public static RpcException Exception(Code code, string domain, string reason, string message,
        IEnumerable<(string Key, string Value)>? metadata = null, params IMessage[] details) =>
        Status(code, domain, reason, message, metadata, details).ToRpcException();

    /// <summary>
    /// Answers with <paramref name="status"/> as a trailers-only gRPC response (HTTP 200, application/grpc, the status in
    /// the only headers, its details in grpc-status-details-bin as Grpc.StatusProto reads them): for refusals made
    /// before any gRPC handler runs (malformed bytes at a service, no token or over a limit at the gateway).
    /// </summary>
    public static void WriteTrailersOnly(HttpContext context, Google.Rpc.Status status)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
    }

    /// <summary>
    /// Messages quote the offending value, which may be as long as the request allows. The status travels in HTTP/2
    /// headers (grpc-message, grpc-status-details-bin), and a header block past a proxy's limit (64 KB for YARP's
    /// client) fails the whole response there: the caller would get a 502 instead of our InvalidArgument. So quotes are cut.
    /// </summary>
    public static string Bounded(string text) => text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength), "…");
}
