using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// The vetting benchmark's view of a running <see cref="LoadSuite"/>: Delegate Affairs' own gRPC port with a
/// `delegate-affairs-editor` token of the gateway's development issuer, and what the report reads (the provinces, each
/// process's CPU, PostgreSQL's WAL, the largest tables, the error queues). <see cref="Options"/> is what the suite must
/// have for it: the personnel files loaded with binary COPY before the services start, and the gateway.
/// </summary>
public sealed class VettingSuite : IDisposable
{
    private readonly LoadSuite _suite;
    private readonly TokenSource _tokens;

    public VettingSuite(LoadSuite suite)
    {
        _suite = suite;
        _tokens = new TokenSource(suite.GatewayHttp, "delegate-affairs-editor");
        DelegateAffairs = GrpcChannel.ForAddress(suite.GrpcAddress("delegate-affairs"), new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor(async (_, metadata) =>
                metadata.Add("Authorization", $"Bearer {await _tokens.GetAsync()}"))),
            UnsafeUseInsecureChannelCallCredentials = true,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
    }

    /// <summary>
    /// What the benchmark needs of the suite: the people's files at the Organization and Home Affairs (loaded before the
    /// services start, as production holds them), the gateway as the token issuer, and an answer deadline (3 hours) that
    /// the deadline sweep cannot reach: the benchmark waits for real answers, not for a slow one passed off as vetted.
    /// </summary>
    public static LoadSuiteOptions Options(VettingPopulation population) => new(
        WithGateway: true,
        Services: new Dictionary<string, string> { ["Vetting__AnswerWithin"] = "03:00:00" },
        LoadData: async suite =>
        {
            await suite.StepAsync($"{population.Cadres:N0} cadre records (Organization) loaded with binary COPY and indexed",
                () => population.LoadCadreRecordsAsync(suite.Databases["organization"]));
            await suite.StepAsync($"{population.Officials:N0} official records (Home Affairs) loaded with binary COPY and indexed",
                () => population.LoadOfficialRecordsAsync(suite.Databases["home-affairs"]));
        });

    public IReadOnlyDictionary<string, PlatformProcess> Services => _suite.Services;
    public GrpcChannel DelegateAffairs { get; }
    /// <summary>What the start-up did and how long it took, for the report.</summary>
    public List<string> Setup => _suite.Setup;

    public string ConnectionString(string service) => _suite.Databases[service];

    /// <summary>The province codes Delegate Affairs knows (its copy of Home Affairs' units).</summary>
    public async Task<IReadOnlyList<string>> ProvincesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString("delegate-affairs"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT code FROM administrative_unit_copies WHERE parent_code IS NULL ORDER BY code", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new List<string>();
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }
        return codes;
    }

    public Task<T> ScalarAsync<T>(string service, string sql, params object[] parameters) => _suite.ScalarAsync<T>(service, sql, parameters);

    /// <summary>CPU seconds so far of each process, this benchmark ("bench") and the whole machine ("machine"): <see cref="LoadSuite.CpuSeconds"/>.</summary>
    public Dictionary<string, double> CpuSeconds() => _suite.CpuSeconds();

    /// <summary>PostgreSQL's write-ahead log position, in bytes: the difference of two is what was written (and fsynced) between.</summary>
    public Task<decimal> WalPositionAsync() => ScalarAsync<decimal>("delegate-affairs", "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')");

    /// <summary>The largest tables of each service's database: rows (as last counted by the statistics) and size with indexes and TOAST.</summary>
    public async Task<IReadOnlyList<(string Service, string Table, long Rows, double MiB)>> LargestTablesAsync()
    {
        var tables = new List<(string, string, long, double)>();
        foreach (var (service, connectionString) in _suite.Databases)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
            {
                await analyze.ExecuteNonQueryAsync();
            }
            await using var command = new NpgsqlCommand("""
                SELECT relname, greatest(reltuples, 0)::bigint, pg_total_relation_size(oid) / 1048576.0
                FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
                ORDER BY pg_total_relation_size(oid) DESC LIMIT 5
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add((service, reader.GetString(0), reader.GetInt64(1), (double)reader.GetDecimal(2)));
            }
        }
        return tables;
    }

    /// <summary>Messages waiting in the broker's queues, and those in error queues (consumers that gave up), with their names.</summary>
    public Task<(long Waiting, long Failed, string FailedQueues)> QueuesAsync() => _suite.QueuesAsync();

    /// <summary>Consumer retries so far, all services together.</summary>
    public int Retries => _suite.Retries;

    /// <summary>Every process's recent output, for a failure.</summary>
    public string Diagnostics() => _suite.Diagnostics();

    public void Dispose() => DelegateAffairs.Dispose();

    /// <summary>Client-credential tokens from the gateway's development issuer, fetched again before they expire.</summary>
    private sealed class TokenSource(string issuerUrl, string clientId)
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private string _token = "";
        private DateTime _fetched;

        public async Task<string> GetAsync()
        {
            await _lock.WaitAsync();
            try
            {
                if (_token.Length == 0 || DateTime.UtcNow - _fetched > TimeSpan.FromMinutes(20))
                {
                    _token = await PlatformLauncher.TokenAsync(issuerUrl, clientId);
                    _fetched = DateTime.UtcNow;
                }
                return _token;
            }
            finally
            {
                _lock.Release();
            }
        }
    }
}
