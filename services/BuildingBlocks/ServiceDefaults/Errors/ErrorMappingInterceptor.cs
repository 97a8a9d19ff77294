using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// The one place where failures become gRPC statuses, so that every service answers alike:
/// validation → InvalidArgument (with google.rpc.BadRequest field violations), missing → NotFound,
/// duplicate → AlreadyExists, stale etag or lost race → Aborted. Anything else is a bug: Internal, logged.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context.Method);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context.Method);
        }
    }

    private RpcException Map(Exception exception, string method)
    {
        switch (exception)
        {
            case RequestValidationException invalid:
                var badRequest = new BadRequest();
                // The first violations only: a repeated field of a thousand bad items must not make a header block no proxy passes.
                badRequest.FieldViolations.AddRange(invalid.Violations.Take(MaxViolations).Select(v =>
                    new BadRequest.Types.FieldViolation { Field = Bounded(v.Field), Description = Bounded(v.Description) }));
                return Status(Code.InvalidArgument, invalid.Message, badRequest);
            case ResourceNotFoundException:
                return Status(Code.NotFound, exception.Message);
            case ResourceAlreadyExistsException:
                return Status(Code.AlreadyExists, exception.Message);
            case ConcurrencyConflictException:
                return Status(Code.Aborted, exception.Message);
            case DbUpdateConcurrencyException:
                return Status(Code.Aborted, "The resource was changed concurrently; read it again and retry.");
            case PreconditionFailedException:
                return Status(Code.FailedPrecondition, exception.Message);
            case DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }:
                return Status(Code.AlreadyExists, "A resource with the same identity already exists.");
            case OperationCanceledException:
                return Status(Code.Cancelled, "The request was cancelled.");
            default:
                logger.LogError(exception, "Unhandled failure in {Method}", method);
                return Status(Code.Internal, "An internal error occurred.");
        }
    }

    private static RpcException Status(Code code, string message, params Google.Protobuf.IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = Bounded(message) };
        status.Details.AddRange(details.Select(Any.Pack));
        return status.ToRpcException();
    }

    /// <summary>Most field violations returned at once.</summary>
    internal const int MaxViolations = 20;

    /// <summary>Longest text of a status message or a field violation, in characters.</summary>
    internal const int MaxTextLength = 500;

    /// <summary>
    /// Messages quote the offending value, which may be as long as the request allows. The status travels in HTTP/2
    /// headers (grpc-message, grpc-status-details-bin), and a header block past a proxy's limit (64 KB for YARP's
    /// client) fails the whole response there: the caller would get a 502 instead of our InvalidArgument. So quotes are cut.
    /// </summary>
    private static string Bounded(string text) => text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength), "…");
}
