using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// The suite's real parts for the vetting benchmark, started by the one <see cref="PlatformLauncher"/> under
/// .state/bench/vetting: a private PostgreSQL 15 with fsync on, a private RabbitMQ node, the three services as Release
/// processes (each migrated by its own `migrate` command first, as the system tests do), and the gateway in
/// Development as the token issuer everyone trusts. The personnel files are loaded with binary COPY before the
/// services start. Whatever an earlier, killed run left behind is stopped first.
/// </summary>
public sealed class VettingSuite : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly PlatformLauncher _platform;
    private readonly int[] _retries = new int[1];
    private TokenSource? _tokens;

    public VettingSuite()
    {
        _platform = PlatformLauncher.Create(new PlatformOptions
        {
            Name = "vetting",
            StateFolder = Path.Combine(RepositoryPaths.Root, ".state", "bench", "vetting"),
            Fsync = true,
            ReadyTimeout = StartTimeout,
            // The deadline sweep must not pass a slow answer off as vetted: the benchmark waits for real answers.
            ServiceSettings = new Dictionary<string, string> { ["Vetting__AnswerWithin"] = "03:00:00" },
            // MassTransit's retries, counted from the services' "R-RETRY" warnings.
            Started = process => process.LineWritten += line =>
            {
                if (line.Contains("R-RETRY", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _retries[0]);
                }
            },
        });
    }

    public IReadOnlyDictionary<string, PlatformProcess> Services => _platform.Services;
    public Dictionary<string, string> Databases => _platform.Databases;
    public GrpcChannel DelegateAffairs { get; private set; } = null!;
    /// <summary>What the start-up did and how long it took, for the report.</summary>
    public List<string> Setup { get; } = [];

    public string ConnectionString(string service) => Databases[service];

    public async Task StartAsync(VettingPopulation population)
    {
        await Step("PostgreSQL 15 (fsync on) and RabbitMQ started", _platform.StartServersAsync);
        await Step("three databases created and migrated by each service's `migrate`", _platform.MigrateAsync);
        DelegateAffairs = Channel(_platform.ServiceGrpcUrl("delegate-affairs"));

        await Step($"{population.Cadres:N0} cadre records (Organization) loaded with binary COPY and indexed",
            () => population.LoadCadreRecordsAsync(Databases["organization"]));
        await Step($"{population.Officials:N0} official records (Home Affairs) loaded with binary COPY and indexed",
            () => population.LoadOfficialRecordsAsync(Databases["home-affairs"]));

        await Step("services started, the 63 provinces seeded at Home Affairs and copied to Delegate Affairs, gateway started", async () =>
        {
            await _platform.StartServicesAsync();
            await Services["home-affairs"].RunCommandAsync("seed", TimeSpan.FromMinutes(5));
            var provinces = await ScalarAsync<long>("home-affairs", "SELECT count(*) FROM administrative_units WHERE parent_code IS NULL");
            await Poll.UntilAsync(async () => await ScalarAsync<long>("delegate-affairs",
                "SELECT count(*) FROM administrative_unit_copies WHERE parent_code IS NULL") >= provinces, "Delegate Affairs' copy of the provinces", StartTimeout);
            await _platform.StartGatewaysAsync();
            _tokens = new TokenSource(_platform.GatewayUrl, "delegate-affairs-editor");
            await _tokens.GetAsync();
        });
    }

    /// <summary>The province codes Delegate Affairs knows (its copy of Home Affairs' units).</summary>
    public async Task<IReadOnlyList<string>> ProvincesAsync()
    {
        await using var connection = new NpgsqlConnection(Databases["delegate-affairs"]);
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

    public async Task<T> ScalarAsync<T>(string service, string sql, params object[] parameters) =>
        (await PostgresServer.ScalarAsync<T>(Databases[service], sql, parameters))!;

    /// <summary>
    /// CPU seconds used so far by each process of the suite (PostgreSQL with all its backends), by this benchmark, and
    /// by the whole machine ("machine"), so that other work on it during a run shows.
    /// </summary>
    public Dictionary<string, double> CpuSeconds()
    {
        var cpu = Services.ToDictionary(s => s.Key, s => ProcFs.CpuSeconds(s.Value.Pid, withReapedChildren: false));
        cpu["postgres"] = ProcFs.TreeCpuSeconds(_platform.PostgresPid);
        cpu["rabbitmq"] = ProcFs.TreeCpuSeconds(_platform.BrokerPid);
        cpu["bench client"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        cpu["gateway"] = _platform.Gateways.Sum(g => ProcFs.CpuSeconds(g.Pid, withReapedChildren: false));
        cpu["machine"] = ProcFs.MachineBusySeconds();
        return cpu;
    }

    /// <summary>PostgreSQL's write-ahead log position, in bytes: the difference of two is what was written (and fsynced) between.</summary>
    public Task<decimal> WalPositionAsync() => ScalarAsync<decimal>("delegate-affairs", "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')");

    /// <summary>The largest tables of each service's database: rows (as last counted by the statistics) and size with indexes and TOAST.</summary>
    public async Task<IReadOnlyList<(string Service, string Table, long Rows, double MiB)>> LargestTablesAsync()
    {
        var tables = new List<(string, string, long, double)>();
        foreach (var (service, connectionString) in Databases)
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

    /// <summary>Messages waiting in the broker's queues, and those in error queues (consumers that gave up).</summary>
    public async Task<(long Waiting, long Failed, string FailedQueues)> QueuesAsync()
    {
        var depths = await _platform.Broker.QueueDepthsAsync();
        var failed = depths.Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal)).ToList();
        return (depths.Except(failed).Sum(q => q.Value), failed.Sum(q => q.Value),
            string.Join(", ", failed.Where(q => q.Value > 0).Select(q => $"{q.Key} ({q.Value})")));
    }

    /// <summary>Consumer retries so far, all services together.</summary>
    public int Retries => Volatile.Read(ref _retries[0]);

    /// <summary>Every process's recent output, for a failure.</summary>
    public string Diagnostics() => _platform.Diagnostics();

    private GrpcChannel Channel(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor(async (_, metadata) =>
            metadata.Add("Authorization", $"Bearer {await _tokens!.GetAsync()}"))),
        UnsafeUseInsecureChannelCallCredentials = true,
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    });

    private async Task Step(string what, Func<Task> step)
    {
        Console.WriteLine($"{what}…");
        var watch = Stopwatch.StartNew();
        await step();
        var line = $"{what}: {watch.Elapsed.TotalSeconds:F0} s";
        Console.WriteLine(line);
        Setup.Add(line);
    }


    public async ValueTask DisposeAsync()
    {
        DelegateAffairs?.Dispose();
        await _platform.DisposeAsync();
    }

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
