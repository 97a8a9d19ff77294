using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Testing;

namespace Platform.SystemTests;

/// <summary>
/// The whole platform as separate processes on free ports: the three services (each migrated by its
/// own `migrate` command into a new database) and the gateway, over PostgreSQL and a RabbitMQ node of
/// this suite's own, which the tests may stop and start.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly (string Name, string Folder, string Assembly)[] ServiceDefinitions =
    [
        ("organization", "services/Organization", "Platform.Organization"),
        ("home-affairs", "services/HomeAffairs", "Platform.HomeAffairs"),
        ("delegate-affairs", "services/DelegateAffairs", "Platform.DelegateAffairs"),
    ];

    private readonly Dictionary<string, PlatformProcess> _definitions = new();
    private readonly Dictionary<string, PlatformProcess> _services = new();
    private readonly Dictionary<string, int> _httpPorts = new();
    private PlatformProcess _gateway = null!;

    public RabbitMqNode Broker { get; private set; } = null!;
    public Dictionary<string, string> Databases { get; } = new();
    public GrpcChannel GatewayGrpc { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await RabbitMqNode.StartPrivateAsync("system-rabbitmq");
        var rabbitMq = $"amqp://guest:guest@127.0.0.1:{Broker.AmqpPort}/";
        int gatewayHttp = FreePort.Next(), gatewayGrpc = FreePort.Next();
        // A development deployment: the gateway hosts the token issuer and everyone trusts it.
        GatewayUrl = $"http://127.0.0.1:{gatewayHttp}/";
        var gatewaySettings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Identity__Issuer"] = GatewayUrl,
            ["Identity__ScreensRedirectUris__0"] = GatewayUrl + "signin-callback",
            ["Authentication__Authority"] = GatewayUrl,
        };

        foreach (var (name, folder, assembly) in ServiceDefinitions)
        {
            var database = await PostgresServer.Instance.CreateEmptyDatabaseAsync(name.Replace('-', '_'));
            int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
            var service = new PlatformProcess(name, RepositoryPaths.Dll(folder, assembly), new Dictionary<string, string>
            {
                // As deployed: the server connects as a role with data access only, `migrate` as the tables' owner.
                ["ConnectionStrings__Database"] = database,
                ["ConnectionStrings__Migrations"] = PostgresServer.AsOwner(database),
                ["ConnectionStrings__RabbitMq"] = rabbitMq,
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Authentication__Authority"] = GatewayUrl,
                // Deadlines are swept every second here, so that tests see them without waiting a minute.
                ["JointPlanning__SweepInterval"] = "00:00:01",
                // Vetting answers are due within a few seconds here, so that a silent body shows without a long wait.
                ["Vetting__AnswerWithin"] = "00:00:04",
                ["Vetting__SweepInterval"] = "00:00:01",
            });
            await service.RunCommandAsync("migrate");
            Databases[name] = database;
            _definitions[name] = _services[name] = service;
            _httpPorts[name] = httpPort;
            gatewaySettings[$"ReverseProxy__Clusters__{name}__Destinations__primary__Address"] = $"http://127.0.0.1:{grpcPort}";
        }
        foreach (var service in _services.Values)
        {
            service.Start();
        }
        foreach (var name in _services.Keys)
        {
            await WaitUntilReadyAsync(name);
        }

        gatewaySettings["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{gatewayHttp}";
        gatewaySettings["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{gatewayGrpc}";
        GatewaySettings = gatewaySettings;
        _gateway = new PlatformProcess("gateway", GatewayDll, gatewaySettings);
        _gateway.Start();
        Anonymous = new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
        await Poll.UntilAsync(async () => (await Anonymous.GetAsync("/healthz")).IsSuccessStatusCode, "the gateway", Timeout);

        var editor = await TokenAsync("home-affairs-editor");
        Gateway = new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
        Gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", editor);
        GatewayGrpcUrl = $"http://127.0.0.1:{gatewayGrpc}";
        GatewayGrpc = GrpcChannelWith(editor);
    }

    /// <summary>A service's HTTP/1.1 address (its probes and /metrics).</summary>
    public Uri ServiceHttpUrl(string name) => new($"http://127.0.0.1:{_httpPorts[name]}/");

    /// <summary>The gateway's h2c address for gRPC.</summary>
    public string GatewayGrpcUrl { get; private set; } = "";

    /// <summary>A gRPC channel to the gateway whose calls carry <paramref name="token"/>.</summary>
    public GrpcChannel GrpcChannelWith(string token) =>
        GrpcChannel.ForAddress(GatewayGrpcUrl, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("Authorization", $"Bearer {token}"); return Task.CompletedTask; })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });

    public static string GatewayDll => RepositoryPaths.Dll("gateway/Platform.Gateway", "Platform.Gateway");

    /// <summary>The gateway with the token of home-affairs-editor (a writer of administrative units).</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The gateway's base URL (HTTP/1.1), also the token issuer.</summary>
    public string GatewayUrl { get; private set; } = "";

    /// <summary>The settings the gateway runs with, for a test that starts another one beside it.</summary>
    public IReadOnlyDictionary<string, string> GatewaySettings { get; private set; } = null!;

    /// <summary>The gateway without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>An access token from the platform's development issuer for the client "&lt;body&gt;-&lt;role&gt;".</summary>
    public async Task<string> TokenAsync(string clientId)
    {
        var response = await Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = "dev-secret",
        }));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>SIGKILL, as a crash: no shutdown code runs.</summary>
    public Task KillAsync(string name) => _services[name].KillAsync();

    /// <summary>Starts the service again, with its usual settings but for those given, and waits until it is ready.</summary>
    public async Task StartAsync(string name, params (string Key, string Value)[] settings)
    {
        var service = _definitions[name].With(settings);
        _services[name] = service;
        service.Start();
        await WaitUntilReadyAsync(name);
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
        }, $"{name} to be ready", Timeout);
    }

    /// <summary>The processes of the platform that are no longer running (a crash, unless a test killed them).</summary>
    public IEnumerable<string> ExitedProcesses => _services.Values.Append(_gateway).Where(p => p.HasExited).Select(p => p.Name);

    /// <summary>Every process's recent output, for a failure message.</summary>
    public string Diagnostics() =>
        string.Join("\n\n", _services.Values.Append(_gateway).Select(p => $"--- {p.Name} ---\n{p.RecentOutput}"));

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Anonymous?.Dispose();
        GatewayGrpc?.Dispose();
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
    }
}
