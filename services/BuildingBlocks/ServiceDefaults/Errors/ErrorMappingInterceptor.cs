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
                badRequest.FieldViolations.AddRange(invalid.Violations.Select(v =>
                    new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
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
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.AddRange(details.Select(Any.Pack));
        return status.ToRpcException();
    }
}
