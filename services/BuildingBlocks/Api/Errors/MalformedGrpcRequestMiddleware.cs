using System.Buffers.Binary;
using Google.Protobuf;
using Google.Rpc;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;

namespace Platform.Api.Errors;

/// <summary>
/// Answers a gRPC request whose bytes are not a valid message (a string that is not UTF-8, a nested message cut
/// short) with InvalidArgument naming the field, like every other bad input. Grpc.AspNetCore parses the request
/// before any interceptor runs and answers a parse failure with the status Unknown ("Exception was thrown by
/// handler"), which tells the caller nothing and looks like a bug of ours; so the request is checked here first.
/// Only for authenticated callers (the others are refused by the access rules anyway) and uncompressed messages
/// within the size limit (larger ones the framework refuses with ResourceExhausted).
/// </summary>
public sealed class MalformedGrpcRequestMiddleware(RequestDelegate next)
{
    private const int HeaderLength = 5;
    private const int MaxMessageBytes = 4 * 1024 * 1024; // Grpc.AspNetCore's default MaxReceiveMessageSize

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true
            || context.User.Identity?.IsAuthenticated != true
            || AccessRules.ByPath.GetValueOrDefault(context.Request.Path.Value ?? "").Method is not { } method)
        {
            await next(context);
            return;
        }
        // Buffered (in memory, or a temporary file past 30 KB) so that the framework reads the same bytes again.
        context.Request.EnableBuffering();
        var message = await ReadFirstMessageAsync(context.Request.Body, context.RequestAborted);
        context.Request.Body.Position = 0;
        if (message is not null && WireProblems.Find(method.InputType, message) is { } violation)
        {
            // Read what the caller still sends before answering: a response that ends while the request body is
            // still arriving makes Kestrel reset the stream, and a proxy in front (YARP) then answers 502, not our status.
            await DrainAsync(context.Request.Body, context.RequestAborted);
            RespondInvalidArgument(context, violation);
            return;
        }
        await next(context);
    }

    /// <summary>The first length-prefixed message of the body, or null when it is compressed, too large or incomplete (the framework's to judge).</summary>
    private static async Task<byte[]?> ReadFirstMessageAsync(Stream body, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        if (await body.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken) < HeaderLength || header[0] != 0)
        {
            return null;
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        if (length > MaxMessageBytes)
        {
            return null;
        }
        var message = new byte[length];
        return await body.ReadAtLeastAsync(message, (int)length, throwOnEndOfStream: false, cancellationToken) == length ? message : null;
    }

    /// <summary>Reads and drops the rest of the body, up to the size limit (beyond it the reset is deserved).</summary>
    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        long drained = 0;
        int read;
        while (drained < MaxMessageBytes && (read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            drained += read;
        }
    }

    /// <summary>A trailers-only gRPC response: the status in the headers, no message.</summary>
    private static void RespondInvalidArgument(HttpContext context, FieldViolation violation)
    {
        var domain = context.RequestServices.GetRequiredService<ServiceIdentity>().Body;
        Refusals.WriteTrailersOnly(context, ErrorMappingInterceptor.Invalid(domain, new RequestValidationException([violation])));
    }
}
