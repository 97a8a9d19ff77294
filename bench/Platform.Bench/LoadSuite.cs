using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// The whole suite as processes, for the benchmarks that put load on it (`events`, `load`), under
/// .state/bench/&lt;name&gt;: a private PostgreSQL 15 with fsync on (scripts/postgres.sh), a private RabbitMQ node
/// (scripts/rabbitmq.sh), the three services in Production (each migrated by its own `migrate` command first, all three before
/// any starts, as run.sh does), the 63 provinces seeded at Home Affairs and replicated to both copies, and, when
/// asked for, the other seeds and the gateway in Development as the token issuer. The executables are those of
/// the bench's own build configuration (Release for `dotnet run -c Release`). Whatever an earlier, killed run
/// left in the same folder is stopped first.
/// </summary>
public sealed class LoadSuite(string name, LoadSuiteOptions options) : IAsyncDisposable
{
    public static readonly (string Name, string Folder, string Assembly)[] ServiceDefinitions =
    [
        ("organization", "services/Organization", "Platform.Organization"),
        ("home-affairs", "services/HomeAffairs", "Platform.HomeAffairs"),
        ("delegate-affairs", "services/DelegateAffairs", "Platform.DelegateAffairs"),
    ];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _state = Path.Combine(RepositoryPaths.Root, ".state", "bench", name);
    private readonly Dictionary<string, BenchProcess> _services = new();
    private readonly Dictionary<string, int> _httpPorts = new();
    private readonly Dictionary<string, int> _grpcPorts = new();
    private readonly List<BenchProcess> _started = [];
    private bool _postgresStarted, _rabbitMqStarted;
    private string[] _rabbitMqPorts = [];

    public IReadOnlyDictionary<string, BenchProcess> Services => _services;
    public BenchProcess? Gateway { get; private set; }
    /// <summary>The gateway's HTTP/1.1 (JSON, token issuer) and h2c (gRPC) addresses, when it runs.</summary>
    public string GatewayHttp { get; private set; } = "";
    public string GatewayGrpc { get; private set; } = "";
    public int PostgresPort { get; private set; }
    public Dictionary<string, string> Databases { get; } = new();
    /// <summary>What the start-up did and how long it took, for the report.</summary>
    public List<string> Setup { get; } = [];

    private string PostgresDir => Path.Combine(_state, "postgres");
    private string RabbitMqDir => Path.Combine(_state, "rabbitmq");
    public string Logs => Path.Combine(_state, "logs");
    private string PidFile => Path.Combine(_state, "pids");
    public string Server => $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Timeout=60;Command Timeout=0";

    public string GrpcAddress(string service) => $"http://127.0.0.1:{_grpcPorts[service]}";

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_state);
        await StopLeftoversAsync();
        Directory.CreateDirectory(Logs);

        await Step("PostgreSQL 15 (fsync on) and RabbitMQ started", async () =>
        {
            PostgresPort = FreePort.Next();
            if (Directory.Exists(PostgresDir))
            {
                Directory.Delete(PostgresDir, recursive: true); // a fresh cluster: same settings, same size, every run
            }
            await Script("postgres.sh", "start", PostgresDir, Port(PostgresPort));
            _postgresStarted = true;
            if (options.TrackCommitTimestamps)
            {
                // Commit times of both ends of an event, read back from the same server clock (pg_xact_commit_timestamp).
                // A server setting: it takes a restart.
                await using (var admin = new NpgsqlConnection(Server + ";Database=postgres"))
                {
                    await admin.OpenAsync();
                    await using var set = new NpgsqlCommand("ALTER SYSTEM SET track_commit_timestamp = on", admin);
                    await set.ExecuteNonQueryAsync();
                }
                NpgsqlConnection.ClearAllPools();
                await Script("postgres.sh", "stop", PostgresDir);
                await Script("postgres.sh", "start", PostgresDir, Port(PostgresPort));
            }
            _rabbitMqPorts = [Port(FreePort.Next()), Port(FreePort.Next()), Port(FreePort.Next())];
            await Script("rabbitmq.sh", ["start", RabbitMqDir, .. _rabbitMqPorts]);
            _rabbitMqStarted = true;
        });

        GatewayHttp = $"http://127.0.0.1:{FreePort.Next()}/";
        var rabbitMq = $"amqp://guest:guest@127.0.0.1:{_rabbitMqPorts[0]}/";
        await Step("three databases created and migrated by each service's `migrate` (queues declared)", async () =>
        {
            foreach (var (service, folder, assembly) in ServiceDefinitions)
            {
                var database = $"bench_{name}_{service.Replace('-', '_')}".Replace('-', '_');
                await using (var admin = new NpgsqlConnection(Server + ";Database=postgres"))
                {
                    await admin.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                    await create.ExecuteNonQueryAsync();
                }
                Databases[service] = $"Host=127.0.0.1;Port={PostgresPort};Database={database};Username=postgres";
                int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
                var environment = new Dictionary<string, string>
                {
                    ["ConnectionStrings__Database"] = Databases[service],
                    ["ConnectionStrings__RabbitMq"] = rabbitMq,
                    ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
                    ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
                    // As deployed (Production: no development-time checks such as DI scope validation), trusting the
                    // gateway's development issuer over plain HTTP on loopback.
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Authentication__Authority"] = GatewayHttp,
                    ["Authentication__RequireHttpsMetadata"] = "false",
                };
                foreach (var (key, value) in options.ServiceSettings)
                {
                    environment[key] = value;
                }
                _services[service] = new BenchProcess(service, RepositoryPaths.Dll(folder, assembly), environment, Path.Combine(Logs, service + ".log"));
                _httpPorts[service] = httpPort;
                _grpcPorts[service] = grpcPort;
            }
            // Each service's own migrations and queues; independent of one another, so all three at once.
            await Task.WhenAll(_services.Values.Select(s => s.RunCommandAsync("migrate", TimeSpan.FromMinutes(5))));
        });

        await Step("services started, the 63 provinces seeded at Home Affairs and replicated to both copies", async () =>
        {
            foreach (var service in _services.Values)
            {
                Launch(service);
            }
            await Task.WhenAll(_services.Keys.Select(WaitUntilReadyAsync));
            await _services["home-affairs"].RunCommandAsync("seed", TimeSpan.FromMinutes(5));
            var provinces = await ScalarAsync<long>("home-affairs", "SELECT count(*) FROM administrative_units WHERE parent_code IS NULL");
            foreach (var copy in new[] { "organization", "delegate-affairs" })
            {
                await Poll.UntilAsync(async () => await ScalarAsync<long>(copy,
                    "SELECT count(*) FROM administrative_unit_copies WHERE parent_code IS NULL") >= provinces, $"{copy}'s copy of the provinces", StartTimeout);
            }
        });

        if (options.SeedAll)
        {
            await Step("Organization's and Delegate Affairs' seeds (Party committees and congresses; the 2021 election, its constituencies and candidates)",
                () => Task.WhenAll(new[] { "organization", "delegate-affairs" }.Select(s => _services[s].RunCommandAsync("seed", TimeSpan.FromMinutes(5)))));
        }

        if (options.WithGateway)
        {
            await Step("gateway started (Development: the token issuer)", async () =>
            {
                var gatewayGrpcPort = FreePort.Next();
                GatewayGrpc = $"http://127.0.0.1:{gatewayGrpcPort}";
                var settings = new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["Identity__Issuer"] = GatewayHttp,
                    ["Identity__ScreensRedirectUris__0"] = GatewayHttp + "signin-callback",
                    ["Authentication__Authority"] = GatewayHttp,
                    ["Kestrel__Endpoints__Http__Url"] = GatewayHttp.TrimEnd('/'),
                    ["Kestrel__Endpoints__Grpc__Url"] = GatewayGrpc,
                };
                // The gateway's destinations: the clusters of appsettings.json, pointed at this run's ports.
                foreach (var (service, _, _) in ServiceDefinitions)
                {
                    settings[$"ReverseProxy__Clusters__{service}__Destinations__primary__Address"] = GrpcAddress(service);
                }
                foreach (var (key, value) in options.GatewaySettings)
                {
                    settings[key] = value;
                }
                Gateway = new BenchProcess("gateway", RepositoryPaths.Dll("gateway/Platform.Gateway", "Platform.Gateway"), settings, Path.Combine(Logs, "gateway.log"));
                Launch(Gateway);
                using var http = new HttpClient { BaseAddress = new Uri(GatewayHttp), Timeout = TimeSpan.FromSeconds(30) };
                await Poll.UntilAsync(async () =>
                {
                    if (Gateway.HasExited)
                    {
                        throw new InvalidOperationException($"the gateway exited:\n{Gateway.RecentOutput}");
                    }
                    return (await http.GetAsync("/healthz")).IsSuccessStatusCode;
                }, "the gateway", StartTimeout);
            });
        }
    }

    /// <summary>An access token of the gateway's development issuer for a `&lt;body&gt;-&lt;role&gt;` client.</summary>
    public async Task<string> TokenAsync(string clientId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(GatewayHttp), Timeout = TimeSpan.FromSeconds(30) };
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = "dev-secret",
        }));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<T> ScalarAsync<T>(string service, string sql, params object[] parameters) =>
        (await PostgresServer.ScalarAsync<T>(Databases[service], sql, parameters))!;

    /// <summary>The suite's processes by name, with PostgreSQL's postmaster and RabbitMQ's server (their pids), for memory and CPU sampling.</summary>
    public IReadOnlyList<(string Name, int Pid)> Processes()
    {
        var processes = _started.Select(p => (p.Name, p.Pid)).ToList();
        processes.Add(("postgres", ProcFs.ReadPid(Path.Combine(PostgresDir, "data", "postmaster.pid"))));
        processes.Add(("rabbitmq", ProcFs.ReadPid(Path.Combine(RabbitMqDir, "rabbit.pid"))));
        return processes;
    }

    /// <summary>Messages waiting in the broker's queues, and those in error queues (consumers that gave up).</summary>
    public async Task<(long Waiting, long Failed)> QueuesAsync()
    {
        var output = await Script("rabbitmq.sh", "ctl", RabbitMqDir, "list_queues", "-q", "name", "messages");
        long waiting = 0, failed = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var count))
            {
                if (parts[0].EndsWith("_error", StringComparison.Ordinal))
                {
                    failed += count;
                }
                else
                {
                    waiting += count;
                }
            }
        }
        return (waiting, failed);
    }

    /// <summary>Every process's recent output, for a failure.</summary>
    public string Diagnostics() => string.Join("\n\n", _started.Select(p => $"--- {p.Name} (log: {Path.Combine(Logs, p.Name + ".log")}) ---\n{p.RecentOutput}"));

    private void Launch(BenchProcess process)
    {
        process.Start();
        _started.Add(process);
        File.AppendAllLines(PidFile, [$"{process.Pid} {process.Dll}"]);
    }

    private async Task WaitUntilReadyAsync(string service)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var process = _services[service];
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{service} exited:\n{process.RecentOutput}");
            }
            try
            {
                return (await http.GetAsync($"http://127.0.0.1:{_httpPorts[service]}/health/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }, $"{service} to be ready", StartTimeout);
    }

    /// <summary>Processes and servers a killed earlier run left: its service processes (by the pids it wrote), PostgreSQL, RabbitMQ.</summary>
    private Task StopLeftoversAsync() => BenchLeftovers.StopAsync(PidFile, PostgresDir, RabbitMqDir);



    private async Task Step(string what, Func<Task> step)
    {
        Console.Error.WriteLine($"{what}…");
        var watch = Stopwatch.StartNew();
        await step();
        var line = $"{what}: {watch.Elapsed.TotalSeconds:F0} s";
        Console.Error.WriteLine(line);
        Setup.Add(line);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static Task<string> Script(string script, params string[] arguments) =>
        Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, script), arguments, timeout: TimeSpan.FromMinutes(3));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_started))
        {
            await process.DisposeAsync();
        }
        if (File.Exists(PidFile))
        {
            File.Delete(PidFile);
        }
        NpgsqlConnection.ClearAllPools();
        if (_rabbitMqStarted)
        {
            await Script("rabbitmq.sh", "stop", RabbitMqDir);
        }
        if (_postgresStarted)
        {
            await Script("postgres.sh", "stop", PostgresDir);
        }
    }
}

/// <summary>
/// What a <see cref="LoadSuite"/> starts: commit timestamps tracked (the event benchmark), all seeds (the load test's
/// lists), the gateway, and settings (environment variables) added to the services' and the gateway's.
/// </summary>
public sealed record LoadSuiteOptions(
    bool TrackCommitTimestamps = false,
    bool SeedAll = false,
    bool WithGateway = false,
    IReadOnlyDictionary<string, string>? Services = null,
    IReadOnlyDictionary<string, string>? Gateway = null)
{
    public IReadOnlyDictionary<string, string> ServiceSettings => Services ?? new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> GatewaySettings => Gateway ?? new Dictionary<string, string>();
}
