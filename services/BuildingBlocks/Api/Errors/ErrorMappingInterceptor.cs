using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Contracts.Errors;
using Platform.Api.Security;

namespace Platform.Api.Errors;

/// <summary>
/// The one place where failures become gRPC statuses, so that every service answers alike:
/// validation → InvalidArgument (with google.rpc.BadRequest field violations), missing → NotFound,
/// duplicate → AlreadyExists, stale etag or lost race → Aborted, the database out of reach → Unavailable. Anything
/// else is a bug: Internal, logged. Each status carries a google.rpc.ErrorInfo with its stable reason (Refusals).
/// </summary>
public sealed class ErrorMappingInterceptor(ServiceIdentity service, ILogger<ErrorMappingInterceptor> logger) : Interceptor
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
        var status = StatusOf(exception, service.Body);
        switch ((Code)status.Code)
        {
            case Code.Unavailable:
                // After a restart of PostgreSQL every idle connection of the pool is dead, and each would fail one more
                // call on its first use: the pool is emptied at the first, and the next calls open new connections.
                context.GetHttpContext().RequestServices.GetService<NpgsqlDataSource>()?.Clear();
                logger.LogWarning(exception, "The database could not be reached in {Method}", context.Method);
                break;
            case Code.Internal:
                logger.LogError(exception, "Unhandled failure in {Method}", context.Method);
                break;
        }
        return status.ToRpcException();
    }

    /// <summary>The status a failure is answered with, its ErrorInfo's domain being <paramref name="domain"/> (the service).</summary>
    public static Google.Rpc.Status StatusOf(Exception exception, string domain)
    {
        if (IsDatabaseUnreachable(exception))
        {
            return Refusals.Status(Code.Unavailable, domain, ErrorReasons.DatabaseUnavailable, "The database cannot be reached just now; try again shortly.");
        }
        if (IsTransactionConflict(exception))
        {
            return Refusals.Status(Code.Aborted, domain, ErrorReasons.ConcurrentModification,
                "Another change to the same data won the race (the database rolled this one back whole); read again and retry.");
        }
        return exception switch
        {
            RequestValidationException invalid => Invalid(domain, invalid),
            ResourceNotFoundException missing =>
                Refusals.Status(Code.NotFound, domain, ErrorReasons.ResourceNotFound, exception.Message, Named(missing.ResourceType, missing.Id)),
            ResourceAlreadyExistsException existing =>
                Refusals.Status(Code.AlreadyExists, domain, ErrorReasons.ResourceAlreadyExists, exception.Message, Named(existing.ResourceType, existing.Id)),
            ConcurrencyConflictException conflict =>
                Refusals.Status(Code.Aborted, domain, ErrorReasons.ConcurrentModification, exception.Message, Named(conflict.ResourceType, conflict.Id)),
            DbUpdateConcurrencyException =>
                Refusals.Status(Code.Aborted, domain, ErrorReasons.ConcurrentModification, "The resource was changed concurrently; read it again and retry."),
            PreconditionFailedException precondition =>
                Refusals.Status(Code.FailedPrecondition, domain, precondition.Reason, exception.Message, precondition.Metadata),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                Refusals.Status(Code.AlreadyExists, domain, ErrorReasons.ResourceAlreadyExists, "A resource with the same identity already exists."),
            OperationCanceledException => Refusals.Status(Code.Cancelled, domain, ErrorReasons.RequestCancelled, "The request was cancelled."),
            _ => Refusals.Status(Code.Internal, domain, ErrorReasons.InternalError, "An internal error occurred."),
        };
    }

    /// <summary>
    /// InvalidArgument: a BadRequest naming each field with its reason, and an ErrorInfo whose metadata carries the
    /// values each violation's message names, as "violation{index}{Name}" (e.g. violation0Max = 300).
    /// </summary>
    public static Google.Rpc.Status Invalid(string domain, RequestValidationException invalid)
    {
        var badRequest = new BadRequest();
        var metadata = new List<(string, string)>();
        // The first violations only: a repeated field of a thousand bad items must not make a header block no proxy passes.
        foreach (var (violation, index) in invalid.Violations.Take(MaxViolations).Select((v, i) => (v, i)))
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = Refusals.Bounded(violation.Field),
                Description = Refusals.Bounded(violation.Description),
                Reason = violation.Violation.Reason,
            });
            metadata.AddRange(violation.Violation.Args.Select(a => ($"violation{index}{a.Name}", a.Value)));
        }
        return Refusals.Status(Code.InvalidArgument, domain, ErrorReasons.InvalidFields, invalid.Message, metadata, badRequest);
    }

    private static (string, string)[] Named(string resourceType, string id) => [("resourceType", resourceType), ("resourceId", id)];

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

    /// <summary>
    /// PostgreSQL rolled the transaction back to let a concurrent one through: a deadlock (40P01) or a serialization
    /// failure (40001). Nothing of it was written, and the same request may well succeed when tried again: a
    /// concurrency conflict (Aborted), as a stale etag is, not a defect.
    /// </summary>
    public static bool IsTransactionConflict(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Most field violations returned at once.</summary>
    internal const int MaxViolations = 20;
}
