using System.Globalization;
using Npgsql;

namespace Platform.SystemTests.Fuzz;

/// <summary>
/// How many cases, from which seed: PLATFORM_FUZZ_CASES (per transport, default short enough for ./test.sh),
/// PLATFORM_FUZZ_SEED (default fixed, so that every run of ./test.sh sends the same requests) and
/// PLATFORM_FUZZ_RPC (only the RPCs whose path contains it, to replay a failure).
/// </summary>
public sealed record FuzzSettings(int Cases, int Seed, string? Only)
{
    public const int DefaultCases = 1500;
    public const int DefaultSeed = 20_260_709;

    public static FuzzSettings FromEnvironment() => new(
        int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_FUZZ_CASES"), CultureInfo.InvariantCulture, out var cases) ? cases : DefaultCases,
        int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed,
        Environment.GetEnvironmentVariable("PLATFORM_FUZZ_RPC") is { Length: > 0 } only ? only : null);

    /// <summary>Case <paramref name="index"/> of a body's run draws from its own Random: PLATFORM_FUZZ_SEED=seed replays the run.</summary>
    public Random RandomFor(string body, int index) =>
        new(unchecked(Seed * 1_000_003 + index * 7919 + body.Length * 104_729 + body[0]));

    public string Replay => $"PLATFORM_FUZZ_SEED={Seed} PLATFORM_FUZZ_CASES={Cases}{(Only is null ? "" : $" PLATFORM_FUZZ_RPC={Only}")}";
}

/// <summary>
/// Counts the audit entries of one caller in a service's database. Every write to audited data adds one in the same
/// transaction, so a rejected write that left the count where it was wrote nothing there. Vetting records are left
/// out: the Organization's and Home Affairs' answers come back to Delegate Affairs later under the name of the editor
/// who created the candidate (an effect of an earlier accepted write, not of the request being judged).
/// </summary>
public sealed class AuditCounter(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task<long> CountAsync(string subject)
    {
        await using var command = _source.CreateCommand(
            "SELECT count(*) FROM audit_entries WHERE subject = $1 AND resource NOT LIKE '%/vetting'");
        command.Parameters.AddWithValue(subject);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}

/// <summary>A broken promise, with what it takes to replay it.</summary>
public sealed record FuzzFinding(string Rpc, int Case, string Problem, string Request)
{
    public override string ToString() => $"{Rpc} case {Case}: {Problem}\n  request: {Request}";
}
