using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// The one place where failures become gRPC statuses, so that every service answers alike:
/// validation → InvalidArgument (with google.rpc.BadRequest field violations), missing → NotFound,
/// duplicate → AlreadyExists, stale etag or lost race → Aborted, the database out of reach → Unavailable. Anything
/// else is a bug: Internal, logged.
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
            throw Map(exception, context);
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
            throw Map(exception, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        if (IsDatabaseUnreachable(exception))
        {
            // After a restart of PostgreSQL every idle connection of the pool is dead, and each would fail one more
            // call on its first use: the pool is emptied at the first, and the next calls open new connections.
            context.GetHttpContext().RequestServices.GetService<NpgsqlDataSource>()?.Clear();
            logger.LogWarning(exception, "The database could not be reached in {Method}", context.Method);
            return Status(Code.Unavailable, "The database cannot be reached just now; try again shortly.");
        }
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
                logger.LogError(exception, "Unhandled failure in {Method}", context.Method);
                return Status(Code.Internal, "An internal error occurred.");
        }
    }

    private static RpcException Status(Code code, string message, params Google.Protobuf.IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = Bounded(message) };
        status.Details.AddRange(details.Select(Any.Pack));
        return status.ToRpcException();
    }

    /// <summary>
    /// The database is down, restarting or refusing connections, or a pooled connection died with its server (an I/O
    /// failure, PostgreSQL's shutdown codes 57P01–57P03, a connection exception of class 08), anywhere in the chain of
    /// causes (EF wraps them): nothing the caller did, and worth trying again.
    /// </summary>
    public static bool IsDatabaseUnreachable(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case PostgresException postgres when postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                    or PostgresErrorCodes.CannotConnectNow || postgres.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false; // the server answered: a statement's own error
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }
        return false;
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
