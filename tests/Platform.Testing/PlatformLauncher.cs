using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;

namespace Platform.Testing;

/// <summary>
/// How <see cref="PlatformLauncher"/> starts the platform. The defaults are the system tests': one process of each
/// service over the shared test PostgreSQL (connecting as deployed: a data-access role, `migrate` as the owner), a
/// RabbitMQ node of the run's own, one gateway in Development that is also the token issuer everyone trusts.
/// </summary>
public sealed record PlatformOptions
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Names the run's private broker ("&lt;name&gt;-rabbitmq") and, with <see cref="PrivatePostgres"/>, server ("&lt;name&gt;-postgres").</summary>
    public string Name { get; init; } = "platform";

    /// <summary>Processes of each service, over the same database and broker; each gateway lists all of them.</summary>
    public int Replicas { get; init; } = 1;

    public int Gateways { get; init; } = 1;

    /// <summary>
    /// A PostgreSQL server of the run's own (which it may stop and start), under .state/test-&lt;pid&gt;/, fsync off; the services connect as its superuser. Otherwise the shared test server (<see cref="PostgresServer"/>).
    /// </summary>
    public bool PrivatePostgres { get; init; }

    /// <summary>Settings every service process gets, over the launcher's own (ports, databases, broker, issuer).</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings { get; init; } = None;

    /// <summary>Settings of one service (by name: "home-affairs"), for all its replicas.</summary>
    public Func<string, IReadOnlyDictionary<string, string>> SettingsOfService { get; init; } = _ => None;

    /// <summary>Settings every gateway gets, over the launcher's own (ports, clusters, issuer).</summary>
    public IReadOnlyDictionary<string, string> GatewaySettings { get; init; } = None;

    /// <summary>How long a process may take to be ready (a busy 2-core machine starting many processes needs minutes).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Each service process as it is started (again), e.g. to watch its output.</summary>
    public Action<PlatformProcess>? Started { get; init; }
}

/// <summary>
/// The one place that starts the whole platform as separate processes on free ports, for the system tests and the
/// fault run: PostgreSQL and RabbitMQ, each service's database migrated by its own `migrate` (which also declares its
/// queues), N replicas of each service, and M gateways in front with every replica in their clusters. The first
/// gateway is the development token issuer. Tests may kill, stop and start any process, the broker and a private
/// PostgreSQL server.
/// </summary>
public sealed class PlatformLauncher : IAsyncDisposable
{
    public static readonly (string Name, string Folder, string Assembly)[] ServiceDefinitions =
    [
        ("organization", "services/Organization", "Platform.Organization"),
        ("home-affairs", "services/HomeAffairs", "Platform.HomeAffairs"),
        ("delegate-affairs", "services/DelegateAffairs", "Platform.DelegateAffairs"),
    ];

    public static string GatewayDll => RepositoryPaths.Dll("gateway/Platform.Gateway", "Platform.Gateway");

    private readonly PlatformOptions _options;
    private readonly Dictionary<string, PlatformProcess> _definitions = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PlatformProcess> _services = new();
    private readonly Dictionary<string, int> _httpPorts = new();
    private readonly Dictionary<string, List<string>> _replicas = new();
    private readonly List<PlatformProcess> _gateways = [];
    private int _postgresPort;

    private PlatformLauncher(PlatformOptions options) => _options = options;

    public RabbitMqNode Broker { get; private set; } = null!;

    /// <summary>Each service's database (the connection string its processes use).</summary>
    public Dictionary<string, string> Databases { get; } = new();

    /// <summary>The first gateway's HTTP address: the issuer of every token.</summary>
    public string GatewayUrl => GatewayUrls[0];

    /// <summary>Every gateway's HTTP address (JSON, screens, tokens).</summary>
    public List<string> GatewayUrls { get; } = [];

    /// <summary>Every gateway's h2c address for gRPC.</summary>
    public List<string> GatewayGrpcUrls { get; } = [];

    /// <summary>The settings the first gateway runs with, for a test that starts another one beside it (on ports of its own).</summary>
    public IReadOnlyDictionary<string, string> GatewaySettings { get; private set; } = null!;

    /// <summary>
    /// The private PostgreSQL server's folder (with <see cref="PlatformOptions.PrivatePostgres"/>), under
    /// .state/test-&lt;pid&gt;/, where test.sh and the test fixtures stop and sweep what a dead run left behind.
    /// </summary>
    public string PostgresDir => StaleServers.DirectoryFor(_options.Name + "-postgres");

    /// <summary>The replicas (processes) of a service: the service's own name when it runs alone, else "name-1", "name-2"…</summary>
    public IReadOnlyList<string> ReplicasOf(string service) => _replicas[service];

    /// <summary>A service process's HTTP/1.1 address (its probes and /metrics).</summary>
    public Uri ServiceHttpUrl(string replica) => new($"http://127.0.0.1:{_httpPorts[replica]}/");

    public static async Task<PlatformLauncher> StartAsync(PlatformOptions options)
    {
        var launcher = new PlatformLauncher(options);
        try
        {
            await launcher.InitializeAsync();
            return launcher;
        }
        catch
        {
            Console.Error.WriteLine(launcher.Diagnostics());
            await launcher.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        if (_options.PrivatePostgres)
        {
            _postgresPort = FreePort.Next();
            await StartPostgresAsync();
        }
        Broker = await RabbitMqNode.StartPrivateAsync(_options.Name + "-rabbitmq");
        var rabbitMq = $"amqp://guest:guest@127.0.0.1:{Broker.AmqpPort}/";
        var gatewayPorts = Enumerable.Range(0, _options.Gateways).Select(_ => (Http: FreePort.Next(), Grpc: FreePort.Next())).ToList();
        var issuer = $"http://127.0.0.1:{gatewayPorts[0].Http}/";
        // A development deployment: the first gateway hosts the token issuer and everyone trusts it.
        var gatewaySettings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Identity__Issuer"] = issuer,
            ["Identity__ScreensRedirectUris__0"] = issuer + "signin-callback",
            ["Authentication__Authority"] = issuer,
        };

        foreach (var (name, folder, assembly) in ServiceDefinitions)
        {
            var (database, migrations) = await CreateDatabaseAsync(name.Replace('-', '_'));
            Databases[name] = database;
            _replicas[name] = [];
            for (var replica = 1; replica <= _options.Replicas; replica++)
            {
                var replicaName = _options.Replicas == 1 ? name : $"{name}-{replica}";
                int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
                var settings = new Dictionary<string, string>
                {
                    ["ConnectionStrings__Database"] = database,
                    ["ConnectionStrings__Migrations"] = migrations,
                    ["ConnectionStrings__RabbitMq"] = rabbitMq,
                    ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
                    ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["Authentication__Authority"] = issuer,
                };
                Overlay(settings, _options.ServiceSettings);
                Overlay(settings, _options.SettingsOfService(name));
                var process = new PlatformProcess(replicaName, RepositoryPaths.Dll(folder, assembly), settings);
                if (replica == 1)
                {
                    await process.RunCommandAsync("migrate");
                }
                _definitions[replicaName] = process;
                _httpPorts[replicaName] = httpPort;
                _replicas[name].Add(replicaName);
                // Replica 1 takes the place of appsettings.json's one destination; the others are added beside it.
                var destination = replica == 1 ? "primary" : $"replica-{replica}";
                gatewaySettings[$"ReverseProxy__Clusters__{name}__Destinations__{destination}__Address"] = $"http://127.0.0.1:{grpcPort}";
            }
            if (_options.Replicas > 1)
            {
                // A dead or stopping replica leaves the cluster within about six seconds (two failed probes).
                gatewaySettings[$"ReverseProxy__Clusters__{name}__HealthCheck__Active__Interval"] = "00:00:02";
                gatewaySettings[$"ReverseProxy__Clusters__{name}__HealthCheck__Active__Timeout"] = "00:00:02";
            }
        }
        // Replica by replica (the first of each service, then the second…): fewer processes starting at once on a
        // busy machine.
        for (var replica = 0; replica < _options.Replicas; replica++)
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

        Overlay(gatewaySettings, _options.GatewaySettings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        foreach (var (index, (httpPort, grpcPort)) in gatewayPorts.Index())
        {
            var settings = new Dictionary<string, string>(gatewaySettings)
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            };
            GatewaySettings = index == 0 ? settings : GatewaySettings;
            var gateway = new PlatformProcess(_options.Gateways == 1 ? "gateway" : $"gateway-{index + 1}", GatewayDll, settings);
            gateway.Start();
            _gateways.Add(gateway);
            GatewayUrls.Add($"http://127.0.0.1:{httpPort}/");
            GatewayGrpcUrls.Add($"http://127.0.0.1:{grpcPort}");
            await Poll.UntilAsync(async () =>
            {
                if (gateway.HasExited)
                {
                    throw new InvalidOperationException($"{gateway.Name} exited:\n{gateway.RecentOutput}");
                }
                return (await http.GetAsync($"http://127.0.0.1:{httpPort}/healthz")).IsSuccessStatusCode;
            }, gateway.Name, _options.ReadyTimeout);
        }
    }

    /// <summary>A new database and the connection strings its service runs and migrates with.</summary>
    private async Task<(string Database, string Migrations)> CreateDatabaseAsync(string name)
    {
        if (!_options.PrivatePostgres)
        {
            // As deployed: the server connects as a role with data access only, `migrate` as the tables' owner.
            var database = await PostgresServer.Instance.CreateEmptyDatabaseAsync(name);
            return (database, PostgresServer.AsOwner(database));
        }
        await ExecuteAsync(ConnectionString("postgres"), $"CREATE DATABASE \"{name}\"");
        return (ConnectionString(name), ConnectionString(name));
    }

    /// <summary>A database on the private server, as its superuser, with short timeouts (the server may be down).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Database={database};Timeout=5;Command Timeout=30";

    private void Launch(string name, PlatformProcess process)
    {
        _services[name] = process;
        _options.Started?.Invoke(process);
        process.Start();
    }

    /// <summary>SIGKILL, as a crash: no shutdown code runs.</summary>
    public Task KillAsync(string replica) => _services[replica].KillAsync();

    /// <summary>SIGTERM, as a rolling restart stops a pod: it drains and exits by itself.</summary>
    public Task StopAsync(string replica) => _services[replica].StopAsync(TimeSpan.FromSeconds(60));

    /// <summary>Starts the process again, with its usual settings but for those given, and waits until it is ready.</summary>
    public async Task StartAsync(string replica, params (string Key, string Value)[] settings)
    {
        Launch(replica, _definitions[replica].With(settings));
        await WaitUntilReadyAsync(replica);
    }

    public async Task WaitUntilReadyAsync(string replica)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var service = _services[replica];
        await Poll.UntilAsync(async () =>
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException($"{replica} exited:\n{service.RecentOutput}");
            }
            return (await http.GetAsync($"http://127.0.0.1:{_httpPorts[replica]}/health/ready")).IsSuccessStatusCode;
        }, $"{replica} to be ready", _options.ReadyTimeout);
    }

    /// <summary>A fast shutdown of the private PostgreSQL server under all three services.</summary>
    public Task StopPostgresAsync() => Script("postgres.sh", "stop", PostgresDir);

    public Task StartPostgresAsync() =>
        Script("postgres.sh", "start", PostgresDir, _postgresPort.ToString(CultureInfo.InvariantCulture), "--fast");

    /// <summary>An access token from the development issuer for the client "&lt;body&gt;-&lt;role&gt;".</summary>
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
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A gRPC channel to a gateway whose calls carry <paramref name="token"/>.</summary>
    public GrpcChannel ChannelWith(string token, int gateway = 0) =>
        GrpcChannel.ForAddress(GatewayGrpcUrls[gateway], new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("Authorization", $"Bearer {token}"); return Task.CompletedTask; })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });

    /// <summary>The processes that are no longer running (a crash, unless a test killed them).</summary>
    public IEnumerable<string> ExitedProcesses => _services.Values.Concat(_gateways).Where(p => p.HasExited).Select(p => p.Name);

    /// <summary>Every process's recent output, for a failure message.</summary>
    public string Diagnostics() =>
        string.Join("\n\n", _services.Values.Concat(_gateways).Select(p => $"--- {p.Name} ---\n{p.RecentOutput}"));

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Overlay(Dictionary<string, string> settings, IReadOnlyDictionary<string, string> over)
    {
        foreach (var (key, value) in over)
        {
            settings[key] = value;
        }
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
        if (_options.PrivatePostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await StopPostgresAsync();
            try
            {
                Directory.Delete(PostgresDir, recursive: true);
            }
            catch (IOException)
            {
                // a server's last file still being written: test.sh sweeps it next time
            }
        }
    }
}
