using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;

namespace Platform.Testing;

/// <summary>
/// How <see cref="PlatformLauncher"/> starts the platform. The defaults are the system tests': one process of each
/// service over the shared test PostgreSQL (connecting as deployed: a data-access role, `migrate` as the owner), a
/// RabbitMQ node of the run's own, one gateway in Development that is also the token issuer everyone trusts, and the
/// screens behind the gateways.
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

    internal bool OwnPostgres => PrivatePostgres || StateFolder is not null;

    /// <summary>
    /// A folder of the run's own for its servers, process logs and pids (the benchmarks: .state/bench/&lt;name&gt;),
    /// implying <see cref="PrivatePostgres"/>; what a killed earlier run left there is stopped first. Without it, the
    /// run's servers live under .state/test-&lt;pid&gt;/, where test.sh and the fixtures sweep them.
    /// </summary>
    public string? StateFolder { get; init; }

    /// <summary>The private PostgreSQL server writes durably (fsync on), as production does: for measurements.</summary>
    public bool Fsync { get; init; }

    /// <summary>
    /// The services give up on the private server after 5 s of connecting and 30 s of a command: for a run that stops
    /// and starts the server under them (the fault run), so that calls fail fast and are retried.
    /// </summary>
    public bool ShortDatabaseTimeouts { get; init; }

    /// <summary>The private server records commit times (pg_xact_commit_timestamp), for the event latency benchmark.</summary>
    public bool TrackCommitTimestamps { get; init; }

    /// <summary>The private server counts every statement it runs (pg_stat_statements), for profiling a benchmark.</summary>
    public bool StatementStatistics { get; init; }

    /// <summary>Settings every service process gets, over the launcher's own (ports, databases, broker, issuer).</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings { get; init; } = None;

    /// <summary>Settings of one service (by name: "home-affairs"), for all its replicas.</summary>
    public Func<string, IReadOnlyDictionary<string, string>> SettingsOfService { get; init; } = _ => None;

    /// <summary>Settings every gateway gets, over the launcher's own (ports, clusters, issuer).</summary>
    public IReadOnlyDictionary<string, string> GatewaySettings { get; init; } = None;

    /// <summary>Settings the screens get, over the launcher's own (port, services, issuer).</summary>
    public IReadOnlyDictionary<string, string> ScreensSettings { get; init; } = None;

    /// <summary>How long a process may take to be ready (a busy 2-core machine starting many processes needs minutes).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Each service process as it is started (again), e.g. to watch its output.</summary>
    public Action<PlatformProcess>? Started { get; init; }
}

/// <summary>
/// The one place that starts the whole platform as separate processes on free ports, for the system tests, the fault
/// run and the benchmarks: PostgreSQL and RabbitMQ, each service's database migrated by its own `migrate` (which also
/// declares its queues), N replicas of each service, and M gateways in front with every replica in their clusters;
/// with the gateways, one screens process (gateway/Platform.Screens) that every gateway routes the pages to, so that a
/// person's session is good through any of them. The first gateway is the development token issuer everyone trusts.
/// Tests may kill, stop and start any process, the broker and a private PostgreSQL server. <see cref="StartAsync"/> does it all; a benchmark that loads data
/// between the stages calls them one by one (<see cref="Create"/>, then StartServers, Migrate, StartServices,
/// StartGateways).
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

    public static string ScreensDll => RepositoryPaths.Dll("gateway/Platform.Screens", "Platform.Screens");

    private readonly PlatformOptions _options;
    private readonly Dictionary<string, PlatformProcess> _definitions = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PlatformProcess> _services = new();
    private readonly Dictionary<string, (int Grpc, int Http)> _ports = new();
    private readonly Dictionary<string, List<string>> _replicas = new();
    private readonly List<PlatformProcess> _gateways = [];
    private readonly List<PlatformProcess> _extra = [];
    private readonly List<(int Http, int Grpc)> _gatewayPorts;
    private readonly Dictionary<string, string> _gatewaySettings;
    private readonly Dictionary<string, string> _screensSettings;
    private readonly int _screensPort = FreePort.Next();
    private PlatformProcess? _screens;
    private int _postgresPort;
    private bool _postgresStarted;

    private PlatformLauncher(PlatformOptions options)
    {
        _options = options;
        _gatewayPorts = Enumerable.Range(0, Math.Max(options.Gateways, 1)).Select(_ => (Http: FreePort.Next(), Grpc: FreePort.Next())).ToList();
        GatewayUrls.AddRange(_gatewayPorts.Select(p => $"http://127.0.0.1:{p.Http}/"));
        GatewayGrpcUrls.AddRange(_gatewayPorts.Select(p => $"http://127.0.0.1:{p.Grpc}"));
        // A development deployment: the first gateway hosts the token issuer and everyone trusts it.
        _gatewaySettings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Identity__Issuer"] = GatewayUrl,
            ["Identity__ScreensRedirectUris__0"] = GatewayUrl + "signin-callback",
            // The same gateway by name as well as by address, as a person may type either (appsettings.Development.json).
            ["Identity__ScreensRedirectUris__1"] = GatewayUrl.Replace("127.0.0.1", "localhost") + "signin-callback",
            ["Authentication__Authority"] = GatewayUrl,
            // Every gateway sends the pages to the one screens process.
            ["ReverseProxy__Clusters__screens__Destinations__primary__Address"] = ScreensUrl,
        };
        // The screens sign people in at the first gateway's issuer, and trust the gateways' X-Forwarded-* (loopback).
        _screensSettings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__Http__Url"] = ScreensUrl.TrimEnd('/'),
            ["Authentication__Authority"] = GatewayUrl,
            ["Screens__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        };
    }

    /// <summary>A launcher that has started nothing yet, for a caller that runs the stages itself.</summary>
    public static PlatformLauncher Create(PlatformOptions options) => new(options);

    /// <summary>Starts everything: servers, migrated databases, the services, the gateways.</summary>
    public static async Task<PlatformLauncher> StartAsync(PlatformOptions options)
    {
        var launcher = new PlatformLauncher(options);
        try
        {
            await launcher.StartServersAsync();
            await launcher.MigrateAsync();
            await launcher.StartServicesAsync();
            await launcher.StartGatewaysAsync();
            return launcher;
        }
        catch
        {
            Console.Error.WriteLine(launcher.Diagnostics());
            await launcher.DisposeAsync();
            throw;
        }
    }

    public RabbitMqNode Broker { get; private set; } = null!;

    /// <summary>Each service's database (the connection string its processes use).</summary>
    public Dictionary<string, string> Databases { get; } = new();

    /// <summary>The first gateway's HTTP address: the issuer of every token (known before any gateway starts).</summary>
    public string GatewayUrl => GatewayUrls[0];

    /// <summary>Every gateway's HTTP address (JSON, screens, tokens).</summary>
    public List<string> GatewayUrls { get; } = [];

    /// <summary>Every gateway's h2c address for gRPC.</summary>
    public List<string> GatewayGrpcUrls { get; } = [];

    /// <summary>The settings the first gateway runs with, for a test that starts another one beside it (on ports of its own).</summary>
    public IReadOnlyDictionary<string, string> GatewaySettings { get; private set; } = null!;

    /// <summary>The running gateways.</summary>
    public IReadOnlyList<PlatformProcess> Gateways => _gateways;

    /// <summary>The screens' own address (the gateways' screens cluster); people reach them through a gateway.</summary>
    public string ScreensUrl => $"http://127.0.0.1:{_screensPort}/";

    /// <summary>The settings the screens run with, for a test that starts other screens beside them (on a port of its own).</summary>
    public IReadOnlyDictionary<string, string> ScreensSettings => _screensSettings;

    /// <summary>The running process of each replica, by name.</summary>
    public IReadOnlyDictionary<string, PlatformProcess> Services => _services;

    /// <summary>Where the run's own servers, logs and pids are (the state folder, or .state/test-&lt;pid&gt;/).</summary>
    private string Folder(string server) => _options.StateFolder is { } state
        ? Path.Combine(state, server)
        : StaleServers.DirectoryFor($"{_options.Name}-{server}");

    /// <summary>The private PostgreSQL server's folder.</summary>
    public string PostgresDir => Folder("postgres");

    /// <summary>The folder of every process's whole output, one file each (their last lines are also in <see cref="Diagnostics"/>).</summary>
    public string Logs => Folder("logs");

    private string? PidFile => _options.StateFolder is { } state ? Path.Combine(state, "pids") : null;

    /// <summary>The private server's port.</summary>
    public int PostgresPort => _postgresPort;

    /// <summary>The private server as its superuser, without a database (append ";Database=…").</summary>
    public string ServerConnectionString => $"Host=127.0.0.1;Port={_postgresPort};Username=postgres";

    /// <summary>The private server's and the broker's process ids, for memory and CPU sampling.</summary>
    public int PostgresPid => ProcFs.ReadPid(Path.Combine(PostgresDir, "data", "postmaster.pid"));

    public int BrokerPid => ProcFs.ReadPid(Path.Combine(Broker.Dir, "rabbit.pid"));

    /// <summary>The replicas (processes) of a service: the service's own name when it runs alone, else "name-1", "name-2"…</summary>
    public IReadOnlyList<string> ReplicasOf(string service) => _replicas[service];

    /// <summary>A service process's HTTP/1.1 address (its probes and /metrics).</summary>
    public Uri ServiceHttpUrl(string replica) => new($"http://127.0.0.1:{_ports[replica].Http}/");

    /// <summary>A service process's own h2c address (not through a gateway).</summary>
    public string ServiceGrpcUrl(string replica) => $"http://127.0.0.1:{_ports[replica].Grpc}";

    /// <summary>PostgreSQL (unless the shared test server is used) and RabbitMQ; what a killed earlier run left is stopped first.</summary>
    public async Task StartServersAsync()
    {
        if (_options.StateFolder is { } state)
        {
            Directory.CreateDirectory(state);
            await StopLeftoversAsync();
        }
        Directory.CreateDirectory(Logs);
        if (_options.OwnPostgres)
        {
            _postgresPort = FreePort.Next();
            if (Directory.Exists(PostgresDir))
            {
                Directory.Delete(PostgresDir, recursive: true); // a fresh cluster: same settings, same size, every run
            }
            await StartPostgresAsync();
            _postgresStarted = true;
            // Server settings that take a restart: commit times of both ends of an event, read back from the same server
            // clock; the statements' counts and times (the extension's view is created in the postgres database).
            var restartSettings = new List<string>();
            if (_options.TrackCommitTimestamps)
            {
                restartSettings.Add("ALTER SYSTEM SET track_commit_timestamp = on");
            }
            if (_options.StatementStatistics)
            {
                restartSettings.Add("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
            }
            if (restartSettings.Count > 0)
            {
                foreach (var setting in restartSettings)
                {
                    await ExecuteAsync(ServerConnectionString + ";Database=postgres", setting);
                }
                NpgsqlConnection.ClearAllPools();
                await StopPostgresAsync();
                await StartPostgresAsync();
            }
            if (_options.StatementStatistics)
            {
                await ExecuteAsync(ServerConnectionString + ";Database=postgres", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
        }
        Broker = await RabbitMqNode.StartInAsync(Folder("rabbitmq"));
    }

    /// <summary>Each service's database, migrated by the service's own `migrate` (tables, and its queues on the broker).</summary>
    public async Task MigrateAsync()
    {
        var rabbitMq = $"amqp://guest:guest@127.0.0.1:{Broker.AmqpPort}/";
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
                    ["Authentication__Authority"] = GatewayUrl,
                };
                Overlay(settings, _options.ServiceSettings);
                Overlay(settings, _options.SettingsOfService(name));
                var process = new PlatformProcess(replicaName, RepositoryPaths.Dll(folder, assembly), settings, LogOf(replicaName));
                if (replica == 1)
                {
                    await process.RunCommandAsync("migrate");
                }
                _definitions[replicaName] = process;
                _services[replicaName] = process;
                _ports[replicaName] = (grpcPort, httpPort);
                _replicas[name].Add(replicaName);
                // Replica 1 takes the place of appsettings.json's one destination; the others are added beside it.
                var destination = replica == 1 ? "primary" : $"replica-{replica}";
                _gatewaySettings[$"ReverseProxy__Clusters__{name}__Destinations__{destination}__Address"] = $"http://127.0.0.1:{grpcPort}";
                _screensSettings[$"Services__{name}__Destinations__{destination}__Address"] = $"http://127.0.0.1:{grpcPort}";
            }
            if (_options.Replicas > 1)
            {
                // A dead or stopping replica leaves the cluster within about six seconds (two failed probes).
                _gatewaySettings[$"ReverseProxy__Clusters__{name}__HealthCheck__Active__Interval"] = "00:00:02";
                _gatewaySettings[$"ReverseProxy__Clusters__{name}__HealthCheck__Active__Timeout"] = "00:00:02";
            }
        }
    }

    /// <summary>
    /// Every replica, replica by replica (the first of each service, then the second…): fewer processes starting at
    /// once on a busy machine. Returns when all are ready.
    /// </summary>
    public async Task StartServicesAsync()
    {
        for (var replica = 0; replica < _options.Replicas; replica++)
        {
            var wave = _replicas.Values.Select(r => r[replica]).ToList();
            foreach (var name in wave)
            {
                LaunchReplica(name, _definitions[name]);
            }
            foreach (var name in wave)
            {
                await WaitUntilReadyAsync(name);
            }
        }
    }

    /// <summary>
    /// The screens, then the gateways (neither when <see cref="PlatformOptions.Gateways"/> is 0), each listing every
    /// replica.
    /// </summary>
    public async Task StartGatewaysAsync()
    {
        Overlay(_gatewaySettings, _options.GatewaySettings);
        Overlay(_screensSettings, _options.ScreensSettings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        if (_options.Gateways > 0)
        {
            _screens = new PlatformProcess("screens", ScreensDll, _screensSettings, LogOf("screens"));
            _screens.Start();
            RecordPid(_screens);
            await UntilHealthyAsync(http, _screens, ScreensUrl + "healthz");
        }
        foreach (var (index, (httpPort, grpcPort)) in _gatewayPorts.Take(_options.Gateways).Index())
        {
            var settings = new Dictionary<string, string>(_gatewaySettings)
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            };
            GatewaySettings = index == 0 ? settings : GatewaySettings;
            var name = _options.Gateways == 1 ? "gateway" : $"gateway-{index + 1}";
            var gateway = new PlatformProcess(name, GatewayDll, settings, LogOf(name));
            gateway.Start();
            RecordPid(gateway);
            _gateways.Add(gateway);
            await UntilHealthyAsync(http, gateway, $"http://127.0.0.1:{httpPort}/healthz");
        }
    }

    private Task UntilHealthyAsync(HttpClient http, PlatformProcess process, string healthz) => Poll.UntilAsync(async () =>
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{process.Name} exited:\n{process.RecentOutput}");
        }
        try
        {
            return (await http.GetAsync(healthz)).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }, process.Name, _options.ReadyTimeout);

    /// <summary>A new database and the connection strings its service runs and migrates with.</summary>
    private async Task<(string Database, string Migrations)> CreateDatabaseAsync(string name)
    {
        if (!_options.OwnPostgres)
        {
            // As deployed: the server connects as a role with data access only, `migrate` as the tables' owner.
            var database = await PostgresServer.Instance.CreateEmptyDatabaseAsync(name);
            return (database, PostgresServer.AsOwner(database));
        }
        await ExecuteAsync(ConnectionString("postgres"), $"CREATE DATABASE \"{name}\"");
        return (ConnectionString(name), ConnectionString(name));
    }

    /// <summary>A database on the private server, as its superuser.</summary>
    public string ConnectionString(string database) => $"{ServerConnectionString};Database={database}"
        + (_options.ShortDatabaseTimeouts ? ";Timeout=5;Command Timeout=30" : "");

    private string LogOf(string process) => Path.Combine(Logs, process + ".log");

    private void LaunchReplica(string name, PlatformProcess process)
    {
        _services[name] = process;
        _options.Started?.Invoke(process);
        process.Start();
        RecordPid(process);
    }

    /// <summary>
    /// Starts a process of the caller's beside the platform (a benchmark's measured gateway), stopped with it, and
    /// stopped by the next run if this one is killed.
    /// </summary>
    public void Launch(PlatformProcess process)
    {
        process.Start();
        RecordPid(process);
        _extra.Add(process);
    }

    /// <summary>Stops a process started with <see cref="Launch"/> before the end.</summary>
    public async Task StopAsync(PlatformProcess process)
    {
        await process.DisposeAsync();
        _extra.Remove(process);
    }

    /// <summary>A new process of the run's own (logged in its state folder), not yet started.</summary>
    public PlatformProcess NewProcess(string name, string dll, IReadOnlyDictionary<string, string> settings) => new(name, dll, settings, LogOf(name));

    /// <summary>Notes a started process's pid in the state folder, so that the next run stops it if this one is killed.</summary>
    private void RecordPid(PlatformProcess process)
    {
        if (PidFile is { } pids)
        {
            File.AppendAllLines(pids, [$"{process.Pid} {process.Dll}"]);
        }
    }

    /// <summary>SIGKILL, as a crash: no shutdown code runs.</summary>
    public Task KillAsync(string replica) => _services[replica].KillAsync();

    /// <summary>SIGTERM, as a rolling restart stops a pod: it drains and exits by itself.</summary>
    public Task StopAsync(string replica) => _services[replica].StopAsync(TimeSpan.FromSeconds(60));

    /// <summary>Starts the process again, with its usual settings but for those given, and waits until it is ready.</summary>
    public async Task StartAsync(string replica, params (string Key, string Value)[] settings)
    {
        LaunchReplica(replica, _definitions[replica].With(settings));
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
            try
            {
                return (await http.GetAsync($"http://127.0.0.1:{_ports[replica].Http}/health/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }, $"{replica} to be ready", _options.ReadyTimeout);
    }

    /// <summary>A fast shutdown of the private PostgreSQL server under all three services.</summary>
    public Task StopPostgresAsync() => Script("postgres.sh", "stop", PostgresDir);

    public Task StartPostgresAsync() => _options.Fsync
        ? Script("postgres.sh", "start", PostgresDir, _postgresPort.ToString(CultureInfo.InvariantCulture))
        : Script("postgres.sh", "start", PostgresDir, _postgresPort.ToString(CultureInfo.InvariantCulture), "--fast");

    /// <summary>An access token from the development issuer for the client "&lt;body&gt;-&lt;role&gt;".</summary>
    public Task<string> TokenAsync(string clientId) => TokenAsync(GatewayUrl, clientId);

    /// <summary>A client-credentials access token from the development issuer at <paramref name="issuerUrl"/> (a gateway).</summary>
    public static async Task<string> TokenAsync(string issuerUrl, string clientId)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var response = await http.PostAsync(issuerUrl.TrimEnd('/') + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
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
    public GrpcChannel ChannelWith(string token, int gateway = 0) => ChannelWith(GatewayGrpcUrls[gateway], token);

    /// <summary>A gRPC channel to <paramref name="address"/> whose calls carry <paramref name="token"/>.</summary>
    public static GrpcChannel ChannelWith(string address, string token) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("Authorization", $"Bearer {token}"); return Task.CompletedTask; })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });

    /// <summary>The processes that are no longer running (a crash, unless a test killed them).</summary>
    public IEnumerable<string> ExitedProcesses => _services.Values.Concat(_gateways).Concat(Screens).Where(p => p.HasExited).Select(p => p.Name);

    private IEnumerable<PlatformProcess> Screens => _screens is null ? [] : [_screens];

    /// <summary>Every process's recent output, for a failure message.</summary>
    public string Diagnostics() =>
        string.Join("\n\n", _services.Values.Concat(_gateways).Concat(Screens).Concat(_extra).Select(p =>
            $"--- {p.Name} (log: {LogOf(p.Name)}) ---\n{p.RecentOutput}"));

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What a killed earlier run left in the state folder: its processes (by the pids it wrote), PostgreSQL, RabbitMQ.</summary>
    private async Task StopLeftoversAsync()
    {
        if (PidFile is { } pids && File.Exists(pids))
        {
            foreach (var line in await File.ReadAllLinesAsync(pids))
            {
                var parts = line.Split(' ', 2);
                if (parts.Length == 2 && int.TryParse(parts[0], out var pid) && ProcFs.IsRunning(pid, parts[1]))
                {
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            File.Delete(pids);
        }
        await Script("postgres.sh", "stop", PostgresDir);
        await Script("rabbitmq.sh", "stop", Folder("rabbitmq"));
        if (Directory.Exists(Folder("rabbitmq")))
        {
            Directory.Delete(Folder("rabbitmq"), recursive: true); // a fresh broker: no queues or messages of an earlier run
        }
        if (Directory.Exists(Logs))
        {
            Directory.Delete(Logs, recursive: true);
        }
    }

    private static void Overlay(Dictionary<string, string> settings, IReadOnlyDictionary<string, string> over)
    {
        foreach (var (key, value) in over)
        {
            settings[key] = value;
        }
    }

    private static Task<string> Script(string script, params string[] arguments) =>
        Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, script), arguments, timeout: TimeSpan.FromMinutes(3));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_extra).ToList())
        {
            await process.DisposeAsync();
        }
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }
        if (_screens is not null)
        {
            await _screens.DisposeAsync();
        }
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }
        if (PidFile is { } pids && File.Exists(pids))
        {
            File.Delete(pids);
        }
        NpgsqlConnection.ClearAllPools();
        if (Broker is not null)
        {
            await Broker.StopAsync();
        }
        if (_postgresStarted)
        {
            await StopPostgresAsync();
        }
        if (_options.StateFolder is null && _postgresStarted)
        {
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
