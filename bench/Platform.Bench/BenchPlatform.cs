using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// The suite's real parts for the gateway and footprint benchmarks, under .state/bench/&lt;name&gt;: a private PostgreSQL 15
/// with fsync on and a private RabbitMQ node (both started by the one <see cref="PlatformLauncher"/>), services as
/// Release processes (each migrated by its own `migrate` first), and a gateway in Development as the token issuer the
/// measured processes trust (it is never the one measured: that one runs in Production, as it would in front of the
/// ministries' identity provider). Here each process is started on its own, to be measured alone. Whatever a killed
/// earlier run left there is stopped first.
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

    private readonly PlatformLauncher _platform = PlatformLauncher.Create(new PlatformOptions
    {
        Name = name,
        StateFolder = Path.Combine(RepositoryPaths.Root, ".state", "bench", name),
        Fsync = true,
        Gateways = 0,
    });

    public string IssuerUrl { get; private set; } = "";
    public string State => Path.Combine(RepositoryPaths.Root, ".state", "bench", name);
    public string Logs => _platform.Logs;
    public int PostgresPid => _platform.PostgresPid;
    public int RabbitMqPid => _platform.BrokerPid;

    /// <summary>Starts PostgreSQL (fsync on) and RabbitMQ, then the issuer.</summary>
    public async Task StartAsync()
    {
        await _platform.StartServersAsync();
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
        await WaitUntilHealthyAsync(issuer, IssuerUrl + "healthz");
    }

    /// <summary>A fresh database for a service, migrated by the service's own `migrate`; the process is returned unstarted.</summary>
    public async Task<ServiceUnderBench> PrepareServiceAsync(string service)
    {
        var database = "bench_" + service.Replace('-', '_');
        await PlatformLauncher.ExecuteAsync(_platform.ConnectionString("postgres"), $"DROP DATABASE IF EXISTS {database} WITH (FORCE); CREATE DATABASE {database}");
        int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
        var process = NewProcess(service, service, new Dictionary<string, string>
        {
            ["ConnectionStrings__Database"] = _platform.ConnectionString(database),
            ["ConnectionStrings__RabbitMq"] = $"amqp://guest:guest@127.0.0.1:{_platform.Broker.AmqpPort}/",
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
    public PlatformProcess NewGateway(string processName, IReadOnlyDictionary<string, int> grpcPorts, out int httpPort, out int grpcPort,
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

    public PlatformProcess NewProcess(string processName, string executable, IReadOnlyDictionary<string, string> settings)
    {
        var (folder, assembly) = Executables[executable];
        return _platform.NewProcess(processName, RepositoryPaths.Dll(folder, assembly), settings);
    }

    /// <summary>Starts a process and remembers it, to be stopped at the end (or by the next run if this one is killed).</summary>
    public void Launch(PlatformProcess process) => _platform.Launch(process);

    public Task StopAsync(PlatformProcess process) => _platform.StopAsync(process);

    public static async Task WaitUntilHealthyAsync(PlatformProcess process, string url)
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
    public Task<string> TokenAsync(string clientId) => PlatformLauncher.TokenAsync(IssuerUrl, clientId);

    public string Diagnostics() => _platform.Diagnostics();

    public ValueTask DisposeAsync() => _platform.DisposeAsync();
}

/// <summary>A migrated service, its process and its ports.</summary>
public sealed record ServiceUnderBench(PlatformProcess Process, int GrpcPort, int HttpPort)
{
    public string ReadyUrl => $"http://127.0.0.1:{HttpPort}/health/ready";
}
