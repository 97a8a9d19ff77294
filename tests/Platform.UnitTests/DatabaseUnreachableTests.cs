using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Api.Errors;

namespace Platform.UnitTests;

/// <summary>Which failures are the database out of reach (Unavailable, try again) and which are a statement's own.</summary>
public sealed class DatabaseUnreachableTests
{
    public static TheoryData<string, Exception, bool> Failures() => new()
    {
        { "a pooled connection whose server restarted", new NpgsqlException("Exception while writing to stream", new IOException("Broken pipe")), true },
        { "no server listening", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "the server shutting down (57P01)", Postgres(PostgresErrorCodes.AdminShutdown), true },
        { "the server starting (57P03)", Postgres(PostgresErrorCodes.CannotConnectNow), true },
        { "a connection failure (08006)", Postgres(PostgresErrorCodes.ConnectionFailure), true },
        { "wrapped by EF on SaveChanges", new DbUpdateException("saving", new NpgsqlException("Exception while reading from stream", new EndOfStreamException())), true },
        { "a unique violation", new DbUpdateException("saving", Postgres(PostgresErrorCodes.UniqueViolation)), false },
        { "no permission", Postgres(PostgresErrorCodes.InsufficientPrivilege), false },
        { "a bug of ours", new InvalidOperationException("Sequence contains no elements"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void The_database_out_of_reach_is_told_from_a_statement_s_own_failure(string what, Exception failure, bool unreachable) =>
        Assert.True(ErrorMappingInterceptor.IsDatabaseUnreachable(failure) == unreachable, $"{what}: want unreachable = {unreachable}");

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);
}
