using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// The suite's real parts for the vetting benchmark, all under .state/bench/vetting: a private PostgreSQL 15 with
/// fsync on (scripts/postgres.sh), a private RabbitMQ node (scripts/rabbitmq.sh), the three services as Release
/// processes (each migrated by its own `migrate` command first, as the system tests do), and the gateway in
/// Development as the token issuer everyone trusts. The personnel files are loaded with binary COPY before the
/// services start. Whatever an earlier, killed run left behind is stopped first.
/// </summary>
public sealed class VettingSuite : IAsyncDisposable
{
    private static readonly (string Name, string Folder, string Assembly, string Database)[] ServiceDefinitions =
    [
        ("organization", "services/Organization", "Platform.Organization", "bench_vetting_organization"),
        ("home-affairs", "services/HomeAffairs", "Platform.HomeAffairs", "bench_vetting_home_affairs"),
        ("delegate-affairs", "services/DelegateAffairs", "Platform.DelegateAffairs", "bench_vetting_delegate_affairs"),
    ];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _state = Path.Combine(RepositoryPaths.Root, ".state", "bench", "vetting");
    private readonly Dictionary<string, BenchProcess> _services = new();
    private readonly Dictionary<string, int> _httpPorts = new();
    private readonly List<BenchProcess> _started = [];
    private bool _postgresStarted, _rabbitMqStarted;
    private int _postgresPort;
    private string[] _rabbitMqPorts = [];
    private string _gatewayUrl = "";
    private HttpClient? _gateway;
    private TokenSource? _tokens;

    public IReadOnlyDictionary<string, BenchProcess> Services => _services;
    public Dictionary<string, string> Databases { get; } = new();
    public GrpcChannel DelegateAffairs { get; private set; } = null!;
    /// <summary>What the start-up did and how long it took, for the report.</summary>
    public List<string> Setup { get; } = [];

    private string PostgresDir => Path.Combine(_state, "postgres");
    private string RabbitMqDir => Path.Combine(_state, "rabbitmq");
    private string Logs => Path.Combine(_state, "logs");
    private string PidFile => Path.Combine(_state, "pids");
    private string Server => $"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Timeout=60;Command Timeout=0";

    public string ConnectionString(string service) => Databases[service];

    public async Task StartAsync(VettingPopulation population)
    {
        Directory.CreateDirectory(_state);
        await StopLeftoversAsync();
        Directory.CreateDirectory(Logs);

        await Step("PostgreSQL 15 (fsync on) and RabbitMQ started", async () =>
        {
            _postgresPort = FreePort.Next();
            await Script("postgres.sh", "start", PostgresDir, Port(_postgresPort));
            _postgresStarted = true;
            _rabbitMqPorts = [Port(FreePort.Next()), Port(FreePort.Next()), Port(FreePort.Next())];
            await Script("rabbitmq.sh", ["start", RabbitMqDir, .. _rabbitMqPorts]);
            _rabbitMqStarted = true;
        });

        _gatewayUrl = $"http://127.0.0.1:{FreePort.Next()}/";
        var rabbitMq = $"amqp://guest:guest@127.0.0.1:{_rabbitMqPorts[0]}/";
        await Step("three databases created and migrated by each service's `migrate`", async () =>
        {
            foreach (var (name, folder, assembly, database) in ServiceDefinitions)
            {
                await using (var admin = new NpgsqlConnection(Server + ";Database=postgres"))
                {
                    await admin.OpenAsync();
                    await using var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE); CREATE DATABASE {database}", admin);
                    await create.ExecuteNonQueryAsync();
                }
                Databases[name] = $"Host=127.0.0.1;Port={_postgresPort};Database={database};Username=postgres";
                int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
                var service = new BenchProcess(name, RepositoryPaths.Dll(folder, assembly), new Dictionary<string, string>
                {
                    ["ConnectionStrings__Database"] = Databases[name],
                    ["ConnectionStrings__RabbitMq"] = rabbitMq,
                    ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
                    ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["Authentication__Authority"] = _gatewayUrl,
                    // The deadline sweep must not pass a slow answer off as vetted: the benchmark waits for real answers.
                    ["Vetting__AnswerWithin"] = "03:00:00",
                }, Path.Combine(Logs, name + ".log"));
                await service.RunCommandAsync("migrate", TimeSpan.FromMinutes(5));
                _services[name] = service;
                _httpPorts[name] = httpPort;
                if (name == "delegate-affairs")
                {
                    DelegateAffairs = Channel($"http://127.0.0.1:{grpcPort}");
                }
            }
        });

        await Step($"{population.Cadres:N0} cadre records (Organization) loaded with binary COPY and indexed",
            () => population.LoadCadreRecordsAsync(Databases["organization"]));
        await Step($"{population.Officials:N0} official records (Home Affairs) loaded with binary COPY and indexed",
            () => population.LoadOfficialRecordsAsync(Databases["home-affairs"]));

        await Step("services started, the 63 provinces seeded at Home Affairs and copied to Delegate Affairs, gateway started", async () =>
        {
            foreach (var service in _services.Values)
            {
                Launch(service);
            }
            foreach (var name in _services.Keys)
            {
                await WaitUntilReadyAsync(name);
            }
            await _services["home-affairs"].RunCommandAsync("seed", TimeSpan.FromMinutes(5));
            var provinces = await ScalarAsync<long>("home-affairs", "SELECT count(*) FROM administrative_units WHERE parent_code IS NULL");
            await Poll.UntilAsync(async () => await ScalarAsync<long>("delegate-affairs",
                "SELECT count(*) FROM administrative_unit_copies WHERE parent_code IS NULL") >= provinces, "Delegate Affairs' copy of the provinces", StartTimeout);

            var gatewayGrpc = FreePort.Next();
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Identity__Issuer"] = _gatewayUrl,
                ["Identity__ScreensRedirectUris__0"] = _gatewayUrl + "signin-callback",
                ["Authentication__Authority"] = _gatewayUrl,
                ["Kestrel__Endpoints__Http__Url"] = _gatewayUrl.TrimEnd('/'),
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{gatewayGrpc}",
            };
            var gateway = new BenchProcess("gateway", RepositoryPaths.Dll("gateway/Platform.Gateway", "Platform.Gateway"), settings, Path.Combine(Logs, "gateway.log"));
            Launch(gateway);
            _gateway = new HttpClient { BaseAddress = new Uri(_gatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
            await Poll.UntilAsync(async () =>
            {
                if (gateway.HasExited)
                {
                    throw new InvalidOperationException($"the gateway exited:\n{gateway.RecentOutput}");
                }
                return (await _gateway.GetAsync("/healthz")).IsSuccessStatusCode;
            }, "the gateway", StartTimeout);
            _tokens = new TokenSource(_gateway, "delegate-affairs-editor");
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
        var cpu = _services.ToDictionary(s => s.Key, s => s.Value.CpuSeconds);
        cpu["postgres"] = ProcFs.TreeCpuSeconds(ProcFs.ReadPid(Path.Combine(PostgresDir, "data", "postmaster.pid")));
        cpu["rabbitmq"] = ProcFs.TreeCpuSeconds(ProcFs.ReadPid(Path.Combine(RabbitMqDir, "rabbit.pid")));
        cpu["bench client"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        cpu["gateway"] = _started.FirstOrDefault(p => p.Name == "gateway")?.CpuSeconds ?? 0;
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
        var output = await Script("rabbitmq.sh", "ctl", RabbitMqDir, "list_queues", "-q", "name", "messages");
        long waiting = 0, failed = 0;
        var failedQueues = new List<string>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var count))
            {
                continue;
            }
            if (parts[0].EndsWith("_error", StringComparison.Ordinal))
            {
                failed += count;
                if (count > 0)
                {
                    failedQueues.Add($"{parts[0]} ({count})");
                }
            }
            else
            {
                waiting += count;
            }
        }
        return (waiting, failed, string.Join(", ", failedQueues));
    }

    /// <summary>Consumer retries so far, all services together.</summary>
    public int Retries => _services.Values.Sum(s => s.Retries);

    /// <summary>Every process's recent output, for a failure.</summary>
    public string Diagnostics() => string.Join("\n\n", _started.Select(p => $"--- {p.Name} (log: {Path.Combine(Logs, p.Name + ".log")}) ---\n{p.RecentOutput}"));

    private GrpcChannel Channel(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor(async (_, metadata) =>
            metadata.Add("Authorization", $"Bearer {await _tokens!.GetAsync()}"))),
        UnsafeUseInsecureChannelCallCredentials = true,
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    });

    private void Launch(BenchProcess process)
    {
        process.Start();
        _started.Add(process);
        File.AppendAllLines(PidFile, [$"{process.Pid} {process.Dll}"]);
    }

    private async Task WaitUntilReadyAsync(string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var service = _services[name];
        await Poll.UntilAsync(async () =>
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException($"{name} exited:\n{service.RecentOutput}");
            }
            return (await http.GetAsync($"http://127.0.0.1:{_httpPorts[name]}/health/ready")).IsSuccessStatusCode;
        }, $"{name} to be ready", StartTimeout);
    }

    /// <summary>Processes and servers a killed earlier run left: its service processes (by the pids it wrote), PostgreSQL, RabbitMQ.</summary>
    private Task StopLeftoversAsync() => BenchLeftovers.StopAsync(PidFile, PostgresDir, RabbitMqDir);



    private async Task Step(string what, Func<Task> step)
    {
        Console.WriteLine($"{what}…");
        var watch = Stopwatch.StartNew();
        await step();
        var line = $"{what}: {watch.Elapsed.TotalSeconds:F0} s";
        Console.WriteLine(line);
        Setup.Add(line);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static Task<string> Script(string script, params string[] arguments) =>
        Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, script), arguments, timeout: TimeSpan.FromMinutes(3));

    public async ValueTask DisposeAsync()
    {
        DelegateAffairs?.Dispose();
        _gateway?.Dispose();
        foreach (var process in Enumerable.Reverse(_started))
        {
            await process.DisposeAsync();
        }
        if (File.Exists(PidFile))
        {
            File.Delete(PidFile);
        }
        if (_rabbitMqStarted)
        {
            await Script("rabbitmq.sh", "stop", RabbitMqDir);
        }
        if (_postgresStarted)
        {
            await Script("postgres.sh", "stop", PostgresDir);
        }
    }

    /// <summary>Client-credential tokens from the gateway's development issuer, fetched again before they expire.</summary>
    private sealed class TokenSource(HttpClient gateway, string clientId)
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
                    var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "client_credentials",
                        ["client_id"] = clientId,
                        ["client_secret"] = "dev-secret",
                    }));
                    response.EnsureSuccessStatusCode();
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    _token = body.RootElement.GetProperty("access_token").GetString()!;
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
