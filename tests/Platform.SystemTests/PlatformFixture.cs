using System.Net.Http.Headers;
using Grpc.Net.Client;
using Platform.Testing;

namespace Platform.SystemTests;

/// <summary>
/// The whole platform for the system tests (<see cref="PlatformLauncher"/>): the three services, each migrated by its
/// own `migrate` into a new database of the shared test PostgreSQL, and the gateway, over a RabbitMQ node of this
/// suite's own, which the tests may stop and start. Deadlines are short here, so that tests see them without waiting.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static (string Name, string Folder, string Assembly)[] ServiceDefinitions => PlatformLauncher.ServiceDefinitions;

    public static string GatewayDll => PlatformLauncher.GatewayDll;

    public static string ScreensDll => PlatformLauncher.ScreensDll;

    private PlatformLauncher _platform = null!;

    public async Task InitializeAsync()
    {
        _platform = await PlatformLauncher.StartAsync(new PlatformOptions
        {
            Name = "system",
            ReadyTimeout = Timeout,
            ServiceSettings = new Dictionary<string, string>
            {
                // Deadlines are swept every second here, so that tests see them without waiting a minute.
                ["JointPlanning__SweepInterval"] = "00:00:01",
                // Vetting answers are due within a few seconds here, so that a silent body shows without a long wait.
                ["Vetting__AnswerWithin"] = "00:00:04",
                ["Vetting__SweepInterval"] = "00:00:01",
            },
        });
        Anonymous = new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
        var editor = await TokenAsync("home-affairs-editor");
        Gateway = new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
        Gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", editor);
        GatewayGrpc = GrpcChannelWith(editor);
    }

    public RabbitMqNode Broker => _platform.Broker;

    public Dictionary<string, string> Databases => _platform.Databases;

    /// <summary>A service's HTTP/1.1 address (its probes and /metrics).</summary>
    public Uri ServiceHttpUrl(string name) => _platform.ServiceHttpUrl(name);

    /// <summary>The gateway's base URL (HTTP/1.1), also the token issuer.</summary>
    public string GatewayUrl => _platform.GatewayUrl;

    /// <summary>The gateway's h2c address for gRPC.</summary>
    public string GatewayGrpcUrl => _platform.GatewayGrpcUrls[0];

    /// <summary>The settings the gateway runs with, for a test that starts another one beside it.</summary>
    public IReadOnlyDictionary<string, string> GatewaySettings => _platform.GatewaySettings;

    /// <summary>The settings the screens run with, for a test that starts a gateway with screens of its own.</summary>
    public IReadOnlyDictionary<string, string> ScreensSettings => _platform.ScreensSettings;

    /// <summary>The gateway with the token of home-affairs-editor (a writer of administrative units).</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>A gRPC channel to the gateway with the token of home-affairs-editor.</summary>
    public GrpcChannel GatewayGrpc { get; private set; } = null!;

    /// <summary>The gateway without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>A gRPC channel to the gateway whose calls carry <paramref name="token"/>.</summary>
    public GrpcChannel GrpcChannelWith(string token) => _platform.ChannelWith(token);

    /// <summary>An access token from the platform's development issuer for the client "&lt;body&gt;-&lt;role&gt;".</summary>
    public Task<string> TokenAsync(string clientId) => _platform.TokenAsync(clientId);

    /// <summary>SIGKILL, as a crash: no shutdown code runs.</summary>
    public Task KillAsync(string name) => _platform.KillAsync(name);

    /// <summary>Starts the service again, with its usual settings but for those given, and waits until it is ready.</summary>
    public Task StartAsync(string name, params (string Key, string Value)[] settings) => _platform.StartAsync(name, settings);

    /// <summary>The processes of the platform that are no longer running (a crash, unless a test killed them).</summary>
    public IEnumerable<string> ExitedProcesses => _platform.ExitedProcesses;

    /// <summary>Every process's recent output, for a failure message.</summary>
    public string Diagnostics() => _platform.Diagnostics();

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Anonymous?.Dispose();
        GatewayGrpc?.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
