using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Platform.Testing;

namespace Platform.FaultRun;

/// <summary>
/// Every process of the platform, started as in production but on free ports and in Development: a PostgreSQL
/// server and a RabbitMQ node of this run's own (so that it may stop, restart and kill them), the three services
/// each over its own database, and the gateway with its development issuer. With several replicas, each service runs
/// as that many processes over the same database and broker (each on its own ports), and as many gateways list every
/// replica of each service in their clusters; the first gateway is the issuer all of them and the services trust.
/// Each service's consumer fault switch is a file under the run's folder, shared by its replicas.
/// </summary>
public sealed class FaultPlatform : IAsyncDisposable
{
    public static readonly (string Name, string Folder, string Assembly)[] ServiceDefinitions =
    [
        ("organization", "services/Organization", "Platform.Organization"),
        ("home-affairs", "services/HomeAffairs", "Platform.HomeAffairs"),
        ("delegate-affairs", "services/DelegateAffairs", "Platform.DelegateAffairs"),
    ];

    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(300); // a busy 2-core machine starting eight processes

    /// <summary>
    /// How long a replica stopped with SIGTERM keeps serving as not ready: more than the gateways' active health checks
    /// (every two seconds, two failures, each allowed two seconds) take to take it out of their clusters.
    /// </summary>
    private const string DrainDelay = "00:00:08";

    private readonly Dictionary<string, PlatformProcess> _definitions = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PlatformProcess> _services = new();
    private readonly Dictionary<string, int> _httpPorts = new();
    private readonly Dictionary<string, List<string>> _replicas = new();
    private readonly List<PlatformProcess> _gateways = [];
    private readonly string _state;
    private int _postgresPort;
    private long _duplicatesSuppressed;

    private FaultPlatform(string state) => _state = state;

    public RabbitMqNode Broker { get; private set; } = null!;
    public Dictionary<string, string> Databases { get; } = new();
    public Dictionary<string, string> FaultSwitchFiles { get; } = new();
    /// <summary>The first gateway's HTTP address: the issuer of every token.</summary>
    public string GatewayUrl { get; private set; } = "";
    public string GatewayGrpcUrl => GatewayGrpcUrls[0];
    /// <summary>Every gateway's HTTP address (JSON, the joint-planning reads); the workload takes them in turn.</summary>
    public List<string> GatewayUrls { get; } = [];
    /// <summary>Every gateway's gRPC address; the workload takes them in turn.</summary>
    public List<string> GatewayGrpcUrls { get; } = [];

    /// <summary>The replicas (processes) of a service, by name: the service's own name when it runs alone.</summary>
    public IReadOnlyList<string> ReplicasOf(string service) => _replicas[service];

    /// <summary>Redeliveries the inboxes stopped, counted from the services' log lines ("was already applied").</summary>
    public long DuplicatesSuppressed => Interlocked.Read(ref _duplicatesSuppressed);

    public string PostgresDir => Path.Combine(_state, "postgres");

    public static async Task<FaultPlatform> StartAsync(TextWriter log, int replicas)
    {
        // Under .state/test-<pid>/, where test.sh and the test fixtures sweep what a dead run left behind.
        var state = Path.Combine(RepositoryPaths.Root, ".state", $"test-{Environment.ProcessId}");
        Directory.CreateDirectory(state);
        var platform = new FaultPlatform(state);
        try
        {
            await platform.InitializeAsync(log, replicas);
            return platform;
        }
        catch
        {
            log.WriteLine(platform.Diagnostics());
            await platform.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(TextWriter log, int replicas)
    {
        _postgresPort = FreePort.Next();
        await Script("postgres.sh", "start", PostgresDir, _postgresPort.ToString(CultureInfo.InvariantCulture), "--fast");
        Broker = await RabbitMqNode.StartPrivateAsync("rabbitmq");
        log.WriteLine($"PostgreSQL on {_postgresPort}, RabbitMQ on {Broker.AmqpPort}");
        var rabbitMq = $"amqp://guest:guest@127.0.0.1:{Broker.AmqpPort}/";
        var gatewayPorts = Enumerable.Range(0, replicas).Select(_ => (Http: FreePort.Next(), Grpc: FreePort.Next())).ToList();
        GatewayUrl = $"http://127.0.0.1:{gatewayPorts[0].Http}/";
        var gatewaySettings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Identity__Issuer"] = GatewayUrl,
            ["Authentication__Authority"] = GatewayUrl,
            // The workload is several clients of one principal each; the per-client limit is not under test here.
            ["Gateway__RateLimit__PermitLimit"] = "1000000",
        };
        foreach (var (name, folder, assembly) in ServiceDefinitions)
        {
            var database = name.Replace('-', '_');
            await ExecuteAsync(ConnectionString("postgres"), $"CREATE DATABASE \"{database}\"");
            FaultSwitchFiles[name] = Path.Combine(_state, $"fault-switch-{name}");
            Databases[name] = ConnectionString(database);
            _replicas[name] = [];
            for (var replica = 1; replica <= replicas; replica++)
            {
                var replicaName = replicas == 1 ? name : $"{name}-{replica}";
                int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
                var service = new PlatformProcess(replicaName, RepositoryPaths.Dll(folder, assembly), new Dictionary<string, string>
                {
                    ["ConnectionStrings__Database"] = ConnectionString(database),
                    ["ConnectionStrings__RabbitMq"] = rabbitMq,
                    ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
                    ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["Authentication__Authority"] = GatewayUrl,
                    ["Messaging__FaultSwitch__File"] = FaultSwitchFiles[name],
                    // Retries outlast a short database or broker outage; what still fails waits in the error queue for the operator.
                    ["Messaging__Retry__Limit"] = "8",
                    ["Messaging__Retry__MaxInterval"] = "00:00:05",
                    // A body that never answers must show as Pending at the end, not be swept to Needs review.
                    ["Vetting__AnswerWithin"] = "06:00:00",
                    ["JointPlanning__SweepInterval"] = "00:00:05",
                    ["Shutdown__DrainDelay"] = DrainDelay,
                });
                if (replica == 1)
                {
                    log.WriteLine($"migrating {name}");
                    await service.RunCommandAsync("migrate");
                }
                _definitions[replicaName] = service;
                _httpPorts[replicaName] = httpPort;
                _replicas[name].Add(replicaName);
                // Replica 1 takes the place of appsettings.json's one destination; the others are added beside it.
                var destination = replica == 1 ? "primary" : $"replica-{replica}";
                gatewaySettings[$"ReverseProxy__Clusters__{name}__Destinations__{destination}__Address"] = $"http://127.0.0.1:{grpcPort}";
            }
            // A dead or stopping replica leaves the cluster within about six seconds (two failed probes).
            gatewaySettings[$"ReverseProxy__Clusters__{name}__HealthCheck__Active__Interval"] = "00:00:02";
            gatewaySettings[$"ReverseProxy__Clusters__{name}__HealthCheck__Active__Timeout"] = "00:00:02";
        }
        // Replica by replica (the first of each service, then the second…): fewer processes starting at once on a
        // busy machine.
        for (var replica = 0; replica < replicas; replica++)
        {
            var wave = _replicas.Values.Select(r => r[replica]).ToList();
            foreach (var name in wave)
            {
                Launch(name, _definitions[name]);
            }
            foreach (var name in wave)
            {
                await WaitUntilReadyAsync(name);
            }
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        foreach (var (index, (httpPort, grpcPort)) in gatewayPorts.Index())
        {
            var settings = new Dictionary<string, string>(gatewaySettings)
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            };
            var gateway = new PlatformProcess(replicas == 1 ? "gateway" : $"gateway-{index + 1}", RepositoryPaths.Dll("gateway/Platform.Gateway", "Platform.Gateway"), settings);
            gateway.Start();
            _gateways.Add(gateway);
            GatewayGrpcUrls.Add($"http://127.0.0.1:{grpcPort}");
            GatewayUrls.Add($"http://127.0.0.1:{httpPort}/");
            await Poll.UntilAsync(async () => (await http.GetAsync($"http://127.0.0.1:{httpPort}/healthz")).IsSuccessStatusCode, gateway.Name, Ready);
        }
        log.WriteLine($"platform ready: {replicas} replica(s) of each service, {replicas} gateway(s)");
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Database={database};Timeout=5;Command Timeout=30";

    private void Launch(string name, PlatformProcess process)
    {
        process.LineWritten += line =>
        {
            if (line.Contains("was already applied by", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _duplicatesSuppressed);
            }
        };
        _services[name] = process;
        process.Start();
    }

    /// <summary>SIGKILL of one replica: no shutdown code runs, as when a machine or container dies.</summary>
    public Task KillAsync(string replica) => _services[replica].KillAsync();

    /// <summary>SIGTERM of one replica, as a rolling restart stops a pod: it drains and exits by itself.</summary>
    public Task StopAsync(string replica) => _services[replica].StopAsync(TimeSpan.FromSeconds(60));

    public async Task StartAsync(string replica)
    {
        Launch(replica, _definitions[replica].With());
        await WaitUntilReadyAsync(replica);
    }

    public Task StopBrokerAsync() => Broker.StopAsync();

    /// <summary>
    /// Starts the node again on its ports (read from the node.env the script keeps), allowing it longer than the test
    /// fixtures do: after a kill -9 it recovers its message store first, and on a busy machine that takes minutes.
    /// </summary>
    public async Task StartBrokerAsync()
    {
        var settings = File.ReadAllLines(Path.Combine(Broker.Dir, "node.env"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        // The script gives a booting node a minute and then stops it; a busy machine may need another try.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, "rabbitmq.sh"),
                    ["start", Broker.Dir, settings["AMQP_PORT"], settings["DIST_PORT"], settings["EPMD_PORT"]], timeout: TimeSpan.FromMinutes(3));
                return;
            }
            catch (Exception failure) when (attempt < 3 && failure is InvalidOperationException or TimeoutException)
            {
                Console.WriteLine($"the broker did not start (attempt {attempt}): {failure.Message.Split('\n')[0]}; again");
                await Script("rabbitmq.sh", "stop", Broker.Dir);
            }
        }
    }

    /// <summary>
    /// kill -9 of the broker's Erlang VM: what it had delivered and not yet seen acknowledged, and what it had
    /// received and not yet confirmed, is in doubt. Then the node is cleaned up (epmd) so that it can start again.
    /// </summary>
    public async Task KillBrokerAsync()
    {
        foreach (var file in new[] { "rabbit.pid", "launcher.pid" })
        {
            var path = Path.Combine(Broker.Dir, file);
            if (File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out var pid))
            {
                try
                {
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill();
                    await process.WaitForExitAsync();
                }
                catch (ArgumentException)
                {
                    // already gone
                }
            }
        }
        await Broker.StopAsync();
    }

    /// <summary>A fast shutdown of the one PostgreSQL server under all three services (their databases are on it).</summary>
    public Task StopPostgresAsync() => Script("postgres.sh", "stop", PostgresDir);

    public Task StartPostgresAsync() =>
        Script("postgres.sh", "start", PostgresDir, _postgresPort.ToString(CultureInfo.InvariantCulture), "--fast");

    public async Task WaitUntilReadyAsync(string name)
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
        }, $"{name} to be ready", Ready);
    }

    public async Task<string> TokenAsync(string clientId)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var response = await http.PostAsync(GatewayUrl + "connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = "dev-secret",
        }));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>One channel per gateway, each call carrying the token.</summary>
    public IReadOnlyList<GrpcChannel> ChannelsWith(string token) =>
        [.. GatewayGrpcUrls.Select(url => GrpcChannel.ForAddress(url, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("Authorization", $"Bearer {token}"); return Task.CompletedTask; })),
            UnsafeUseInsecureChannelCallCredentials = true,
        }))];

    public string Diagnostics() =>
        string.Join("\n\n", _services.Values.Concat(_gateways).Select(p => $"--- {p.Name} ---\n{p.RecentOutput}"));

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task<string> Script(string script, params string[] arguments) =>
        Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, script), arguments, timeout: TimeSpan.FromMinutes(2));

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }
        if (Broker is not null)
        {
            await Broker.StopAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await Script("postgres.sh", "stop", PostgresDir);
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // a server's last file still being written: test.sh sweeps it next time
        }
    }
}
