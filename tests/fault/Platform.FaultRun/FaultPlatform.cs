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
/// each over its own database, and the gateway with its development issuer. Each service's consumer fault switch
/// is a file under the run's folder.
/// </summary>
public sealed class FaultPlatform : IAsyncDisposable
{
    public static readonly (string Name, string Folder, string Assembly)[] ServiceDefinitions =
    [
        ("organization", "services/Organization", "Platform.Organization"),
        ("home-affairs", "services/HomeAffairs", "Platform.HomeAffairs"),
        ("delegate-affairs", "services/DelegateAffairs", "Platform.DelegateAffairs"),
    ];

    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, PlatformProcess> _definitions = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PlatformProcess> _services = new();
    private readonly Dictionary<string, int> _httpPorts = new();
    private readonly string _state;
    private PlatformProcess? _gateway;
    private int _postgresPort;
    private long _duplicatesSuppressed;

    private FaultPlatform(string state) => _state = state;

    public RabbitMqNode Broker { get; private set; } = null!;
    public Dictionary<string, string> Databases { get; } = new();
    public Dictionary<string, string> FaultSwitchFiles { get; } = new();
    public string GatewayUrl { get; private set; } = "";
    public string GatewayGrpcUrl { get; private set; } = "";
    public IReadOnlyCollection<string> Services => [.. _services.Keys];

    /// <summary>Redeliveries the inboxes stopped, counted from the services' log lines ("was already applied").</summary>
    public long DuplicatesSuppressed => Interlocked.Read(ref _duplicatesSuppressed);

    public string PostgresDir => Path.Combine(_state, "postgres");

    public static async Task<FaultPlatform> StartAsync(TextWriter log)
    {
        // Under .state/test-<pid>/, where test.sh and the test fixtures sweep what a dead run left behind.
        var state = Path.Combine(RepositoryPaths.Root, ".state", $"test-{Environment.ProcessId}");
        Directory.CreateDirectory(state);
        var platform = new FaultPlatform(state);
        try
        {
            await platform.InitializeAsync(log);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(TextWriter log)
    {
        _postgresPort = FreePort.Next();
        await Script("postgres.sh", "start", PostgresDir, _postgresPort.ToString(CultureInfo.InvariantCulture), "--fast");
        Broker = await RabbitMqNode.StartPrivateAsync("rabbitmq");
        log.WriteLine($"PostgreSQL on {_postgresPort}, RabbitMQ on {Broker.AmqpPort}");
        var rabbitMq = $"amqp://guest:guest@127.0.0.1:{Broker.AmqpPort}/";
        int gatewayHttp = FreePort.Next(), gatewayGrpc = FreePort.Next();
        GatewayUrl = $"http://127.0.0.1:{gatewayHttp}/";
        GatewayGrpcUrl = $"http://127.0.0.1:{gatewayGrpc}";
        var gatewaySettings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Identity__Issuer"] = GatewayUrl,
            ["Authentication__Authority"] = GatewayUrl,
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{gatewayHttp}",
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{gatewayGrpc}",
            // The workload is several clients of one principal each; the per-client limit is not under test here.
            ["Gateway__RateLimit__PermitLimit"] = "1000000",
        };
        foreach (var (name, folder, assembly) in ServiceDefinitions)
        {
            var database = name.Replace('-', '_');
            await ExecuteAsync(ConnectionString("postgres"), $"CREATE DATABASE \"{database}\"");
            int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
            FaultSwitchFiles[name] = Path.Combine(_state, $"fault-switch-{name}");
            var service = new PlatformProcess(name, RepositoryPaths.Dll(folder, assembly), new Dictionary<string, string>
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
            });
            log.WriteLine($"migrating {name}");
            await service.RunCommandAsync("migrate");
            Databases[name] = ConnectionString(database);
            _definitions[name] = service;
            _httpPorts[name] = httpPort;
            gatewaySettings[$"ReverseProxy__Clusters__{name}__Destinations__primary__Address"] = $"http://127.0.0.1:{grpcPort}";
        }
        foreach (var name in _definitions.Keys)
        {
            Launch(name, _definitions[name]);
        }
        foreach (var name in _definitions.Keys)
        {
            await WaitUntilReadyAsync(name);
        }
        _gateway = new PlatformProcess("gateway", RepositoryPaths.Dll("gateway/Platform.Gateway", "Platform.Gateway"), gatewaySettings);
        _gateway.Start();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Poll.UntilAsync(async () => (await http.GetAsync(GatewayUrl + "healthz")).IsSuccessStatusCode, "the gateway", Ready);
        log.WriteLine("platform ready");
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

    /// <summary>SIGKILL: no shutdown code runs, as when a machine or container dies.</summary>
    public Task KillAsync(string name) => _services[name].KillAsync();

    public async Task StartAsync(string name)
    {
        Launch(name, _definitions[name].With());
        await WaitUntilReadyAsync(name);
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

    public GrpcChannel ChannelWith(string token) =>
        GrpcChannel.ForAddress(GatewayGrpcUrl, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("Authorization", $"Bearer {token}"); return Task.CompletedTask; })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });

    public string Diagnostics() =>
        string.Join("\n\n", _services.Values.Append(_gateway).OfType<PlatformProcess>().Select(p => $"--- {p.Name} ---\n{p.RecentOutput}"));

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
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
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
