using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// The suite's real parts for the gateway and footprint benchmarks, under .state/bench/&lt;name&gt;: a private PostgreSQL 15
/// with fsync on, a private RabbitMQ node, services as Release processes (each migrated by its own `migrate` first),
/// and a gateway in Development as the token issuer the measured processes trust (it is never the one measured: that
/// one runs in Production, as it would in front of the ministries' identity provider). Whatever a killed earlier run
/// left there is stopped first.
/// </summary>
public sealed class BenchPlatform(string name) : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, (string Folder, string Assembly)> Executables = new Dictionary<string, (string, string)>
    {
        ["organization"] = ("services/Organization", "Platform.Organization"),
        ["home-affairs"] = ("services/HomeAffairs", "Platform.HomeAffairs"),
        ["delegate-affairs"] = ("services/DelegateAffairs", "Platform.DelegateAffairs"),
        ["gateway"] = ("gateway/Platform.Gateway", "Platform.Gateway"),
    };

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _state = Path.Combine(RepositoryPaths.Root, ".state", "bench", name);
    private readonly List<BenchProcess> _started = [];
    private bool _postgresStarted, _rabbitMqStarted;
    private int _postgresPort;
    private string _rabbitMq = "";
    private HttpClient? _issuerClient;

    public string IssuerUrl { get; private set; } = "";
    public string Logs => Path.Combine(_state, "logs");
    public string State => _state;
    public int PostgresPid => ProcFs.ReadPid(Path.Combine(PostgresDir, "data", "postmaster.pid"));
    public int RabbitMqPid => ProcFs.ReadPid(Path.Combine(RabbitMqDir, "rabbit.pid"));
    private string PostgresDir => Path.Combine(_state, "postgres");
    private string RabbitMqDir => Path.Combine(_state, "rabbitmq");
    private string PidFile => Path.Combine(_state, "pids");

    /// <summary>Starts PostgreSQL (fsync on) and RabbitMQ, then the issuer.</summary>
    public async Task StartAsync()
    {
        Directory.CreateDirectory(_state);
        await StopLeftoversAsync();
        Directory.CreateDirectory(Logs);
        _postgresPort = FreePort.Next();
        await Script("postgres.sh", "start", PostgresDir, Port(_postgresPort));
        _postgresStarted = true;
        string[] rabbitMqPorts = [Port(FreePort.Next()), Port(FreePort.Next()), Port(FreePort.Next())];
        await Script("rabbitmq.sh", ["start", RabbitMqDir, .. rabbitMqPorts]);
        _rabbitMqStarted = true;
        _rabbitMq = $"amqp://guest:guest@127.0.0.1:{rabbitMqPorts[0]}/";

        IssuerUrl = $"http://127.0.0.1:{FreePort.Next()}/";
        var issuer = NewProcess("issuer", "gateway", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Identity__Issuer"] = IssuerUrl,
            ["Identity__ScreensRedirectUris__0"] = IssuerUrl + "signin-callback",
            ["Authentication__Authority"] = IssuerUrl,
            ["Kestrel__Endpoints__Http__Url"] = IssuerUrl.TrimEnd('/'),
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            // It proxies nothing here: no probes of the default destinations (run.sh's ports, maybe someone else's services).
            ["ReverseProxy__Clusters__organization__HealthCheck__Active__Enabled"] = "false",
            ["ReverseProxy__Clusters__home-affairs__HealthCheck__Active__Enabled"] = "false",
            ["ReverseProxy__Clusters__delegate-affairs__HealthCheck__Active__Enabled"] = "false",
        });
        Launch(issuer);
        _issuerClient = new HttpClient { BaseAddress = new Uri(IssuerUrl), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilHealthyAsync(issuer, IssuerUrl + "healthz");
    }

    /// <summary>A fresh database for a service, migrated by the service's own `migrate`; the process is returned unstarted.</summary>
    public async Task<ServiceUnderBench> PrepareServiceAsync(string service)
    {
        var database = "bench_" + service.Replace('-', '_');
        await using (var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE); CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
        var process = NewProcess(service, service, new Dictionary<string, string>
        {
            ["ConnectionStrings__Database"] = $"Host=127.0.0.1;Port={_postgresPort};Database={database};Username=postgres",
            ["ConnectionStrings__RabbitMq"] = _rabbitMq,
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Authentication__Authority"] = IssuerUrl,
            ["Authentication__RequireHttpsMetadata"] = "false",
        });
        await process.RunCommandAsync("migrate", TimeSpan.FromMinutes(5));
        return new ServiceUnderBench(process, grpcPort, httpPort);
    }

    /// <summary>
    /// The gateway as production runs it (no issuer of its own, authentication and the per-client rate limit on),
    /// in front of the given services' gRPC ports. The rate limit is raised so that a benchmark is not refused.
    /// </summary>
    public BenchProcess NewGateway(string processName, IReadOnlyDictionary<string, int> grpcPorts, out int httpPort, out int grpcPort,
        IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        httpPort = FreePort.Next();
        grpcPort = FreePort.Next();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Authentication__Authority"] = IssuerUrl,
            ["Authentication__RequireHttpsMetadata"] = "false",
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Gateway__RateLimit__PermitLimit"] = "1000000000",
        };
        foreach (var (service, port) in grpcPorts)
        {
            settings[$"ReverseProxy__Clusters__{service}__Destinations__primary__Address"] = $"http://127.0.0.1:{port}";
        }
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return NewProcess(processName, "gateway", settings);
    }

    public BenchProcess NewProcess(string processName, string executable, IReadOnlyDictionary<string, string> settings)
    {
        var (folder, assembly) = Executables[executable];
        return new BenchProcess(processName, RepositoryPaths.Dll(folder, assembly), settings, Path.Combine(Logs, processName + ".log"));
    }

    /// <summary>Starts a process and remembers it, to be stopped at the end (or by the next run if this one is killed).</summary>
    public void Launch(BenchProcess process)
    {
        process.Start();
        _started.Add(process);
        File.AppendAllLines(PidFile, [$"{process.Pid} {process.Dll}"]);
    }

    public async Task StopAsync(BenchProcess process)
    {
        await process.DisposeAsync();
        _started.Remove(process);
    }

    public static async Task WaitUntilHealthyAsync(BenchProcess process, string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited:\n{process.RecentOutput}");
            }
            return (await http.GetAsync(url)).IsSuccessStatusCode;
        }, $"{process.Name} to be ready", StartTimeout);
    }

    /// <summary>A client-credentials access token from the issuer.</summary>
    public async Task<string> TokenAsync(string clientId)
    {
        var response = await _issuerClient!.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = "dev-secret",
        }));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    public string Diagnostics() => string.Join("\n\n", _started.Select(p => $"--- {p.Name} (log: {Path.Combine(Logs, p.Name + ".log")}) ---\n{p.RecentOutput}"));

    /// <summary>Processes and servers a killed earlier run left: its processes (by the pids it wrote), PostgreSQL, RabbitMQ.</summary>
    private Task StopLeftoversAsync() => BenchLeftovers.StopAsync(PidFile, PostgresDir, RabbitMqDir);


    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static Task<string> Script(string script, params string[] arguments) =>
        Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, script), arguments, timeout: TimeSpan.FromMinutes(3));

    public async ValueTask DisposeAsync()
    {
        _issuerClient?.Dispose();
        foreach (var process in Enumerable.Reverse(_started).ToList())
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
}

/// <summary>A migrated service, its process and its ports.</summary>
public sealed record ServiceUnderBench(BenchProcess Process, int GrpcPort, int HttpPort)
{
    public string ReadyUrl => $"http://127.0.0.1:{HttpPort}/health/ready";
}
