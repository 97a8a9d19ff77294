using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Errors;
using Platform.Api.Security;

namespace Platform.Api.Errors;

/// <summary>
/// Gives an ErrorInfo to the JSON errors the transcoder answers on its own, before any of our code runs: a body that
/// is not JSON, a number where a string goes, an enum name it does not know. Those arrive as a google.rpc.Status with
/// no details, so a caller would find no reason to branch on. Only error answers (4xx, 5xx) of the JSON routes are
/// held back and read; every other answer streams through untouched.
/// </summary>
public sealed class TranscodedErrorInfo(RequestDelegate next)
{
    private const int MaxErrorBody = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api")
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            await next(context);
            return;
        }
        var original = context.Response.Body;
        var capture = new ErrorBodyCapture(original, context.Response);
        context.Response.Body = capture;
        try
        {
            await next(context);
            if (capture.Held is { } held)
            {
                var body = WithErrorInfo(held.ToArray(), context.RequestServices.GetRequiredService<ServiceIdentity>().Body);
                if (!context.Response.HasStarted)
                {
                    context.Response.ContentLength = body.Length;
                }
                await original.WriteAsync(body, context.RequestAborted);
            }
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    /// <summary>The google.rpc.Status JSON with an ErrorInfo added when it has none; anything else as it was.</summary>
    public static byte[] WithErrorInfo(byte[] body, string domain)
    {
        JsonObject? status;
        try
        {
            status = JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
        if (status?["code"] is not JsonValue codeValue || !codeValue.TryGetValue<int>(out var code))
        {
            return body;
        }
        if (status["details"] is not JsonArray details)
        {
            status["details"] = details = [];
        }
        if (details.OfType<JsonObject>().Any(d => d["@type"]?.GetValue<string>() == "type.googleapis.com/google.rpc.ErrorInfo"))
        {
            return body;
        }
        details.Insert(0, new JsonObject
        {
            ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
            ["reason"] = ReasonOf(code),
            ["domain"] = domain,
        });
        return System.Text.Encoding.UTF8.GetBytes(status.ToJsonString());
    }

    private static string ReasonOf(int code) => (Google.Rpc.Code)code switch
    {
        Google.Rpc.Code.InvalidArgument or Google.Rpc.Code.OutOfRange => ErrorReasons.MalformedRequest,
        Google.Rpc.Code.NotFound or Google.Rpc.Code.Unimplemented => ErrorReasons.RouteNotFound,
        Google.Rpc.Code.ResourceExhausted => ErrorReasons.RequestTooLarge,
        Google.Rpc.Code.Unauthenticated => ErrorReasons.AccessTokenRequired,
        Google.Rpc.Code.PermissionDenied => ErrorReasons.TokenNotAllowed,
        Google.Rpc.Code.Cancelled or Google.Rpc.Code.DeadlineExceeded => ErrorReasons.RequestCancelled,
        Google.Rpc.Code.Unavailable => ErrorReasons.ServiceUnavailable,
        _ => ErrorReasons.InternalError,
    };

    /// <summary>
    /// Decides at the first write: an answer under 400 goes straight through; an error is held (up to
    /// <see cref="MaxErrorBody"/>, past which it goes through as it is) for <see cref="WithErrorInfo"/>.
    /// </summary>
    private sealed class ErrorBodyCapture(Stream inner, HttpResponse response) : Stream
    {
        private bool? _holding;

        public MemoryStream? Held => _holding == true ? _held : null;

        private readonly MemoryStream _held = new();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _holding ??= response.StatusCode >= 400;
            if (_holding == true && _held.Length + buffer.Length > MaxErrorBody)
            {
                _holding = false;
                await inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
            }
            if (_holding == true)
            {
                _held.Write(buffer.Span);
                return;
            }
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, default).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => _holding == true ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override void Flush() => FlushAsync(default).GetAwaiter().GetResult();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
