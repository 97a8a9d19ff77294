using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Answers a gRPC request whose bytes are not a valid message (a string that is not UTF-8, a nested message cut
/// short) with InvalidArgument naming the field, like every other bad input. Grpc.AspNetCore parses the request
/// before any interceptor runs and answers a parse failure with the status Unknown ("Exception was thrown by
/// handler"), which tells the caller nothing and looks like a bug of ours; so the request is checked here first.
/// Only for authenticated callers (the others are refused by the access rules anyway) and uncompressed messages
/// of up to 256 KB (see <see cref="PeekFirstMessageAsync"/>).
/// </summary>
public sealed class MalformedGrpcRequestMiddleware(RequestDelegate next)
{
    private const int HeaderLength = 5;
    private const int MaxPeekBytes = 256 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true
            || context.User.Identity?.IsAuthenticated != true
            || AccessRules.ByPath.GetValueOrDefault(context.Request.Path.Value ?? "").Method is not { } method)
        {
            await next(context);
            return;
        }
        var message = await PeekFirstMessageAsync(context.Request.BodyReader, context.RequestAborted);
        if (message is not null && WireProblems.Find(method.InputType, message) is { } violation)
        {
            RespondInvalidArgument(context, violation);
            return;
        }
        await next(context);
    }

    /// <summary>
    /// The first length-prefixed message of the body, read without consuming it (the framework reads it again), or
    /// null when it is compressed, incomplete or larger than <see cref="MaxPeekBytes"/>: HTTP/2 flow control only
    /// lets the client send more once the server consumes, so a larger message is left to the framework alone.
    /// </summary>
    private static async Task<byte[]?> PeekFirstMessageAsync(PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            byte[]? message = null;
            var complete = false;
            if (buffer.Length >= HeaderLength)
            {
                var header = buffer.Slice(0, HeaderLength).ToArray();
                var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
                if (header[0] != 0 || length > MaxPeekBytes)
                {
                    complete = true;
                }
                else if (buffer.Length >= HeaderLength + length)
                {
                    message = buffer.Slice(HeaderLength, length).ToArray();
                    complete = true;
                }
            }
            if (complete || read.IsCompleted || read.IsCanceled)
            {
                body.AdvanceTo(buffer.Start); // nothing consumed, nothing examined: the framework's first read sees it all at once
                return message;
            }
            body.AdvanceTo(buffer.Start, buffer.End); // examined, not consumed: wait for more of it
        }
    }

    /// <summary>A trailers-only gRPC response: the status in the headers, no message.</summary>
    private static void RespondInvalidArgument(HttpContext context, FieldViolation violation)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description });
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The request is invalid: {violation.Field}: {violation.Description}",
            Details = { Any.Pack(badRequest) },
        };
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)Code.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
    }
}
