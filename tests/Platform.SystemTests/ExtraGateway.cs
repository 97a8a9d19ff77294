using Platform.Testing;

namespace Platform.SystemTests;

/// <summary>
/// A second gateway beside the platform's, proxying to the same services, with settings of a test's own (small limits,
/// known proxies): what it counts and trusts then cannot disturb the other tests.
/// </summary>
public sealed class ExtraGateway : IAsyncDisposable
{
    private readonly PlatformProcess _process;

    private ExtraGateway(PlatformProcess process, string url, string grpcUrl)
    {
        _process = process;
        Url = url;
        GrpcUrl = grpcUrl;
    }

    /// <summary>Its HTTP/1.1 base URL, ending in "/".</summary>
    public string Url { get; }

    public string GrpcUrl { get; }

    public string RecentOutput => _process.RecentOutput;

    /// <summary>
    /// As production runs it (no issuer of its own; it trusts the platform gateway's tokens), or with
    /// <paramref name="ownIssuer"/> a development gateway hosting its own issuer and login, whose screens sign in there.
    /// </summary>
    public static async Task<ExtraGateway> StartAsync(PlatformFixture platform, string name, bool ownIssuer, params (string Key, string Value)[] settings)
    {
        int http = FreePort.Next(), grpc = FreePort.Next();
        var url = $"http://127.0.0.1:{http}/";
        var environment = platform.GatewaySettings.ToDictionary();
        environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{http}";
        environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpc}";
        if (ownIssuer)
        {
            environment["Identity__Issuer"] = url;
            environment["Identity__ScreensRedirectUris__0"] = url + "signin-callback";
            environment["Authentication__Authority"] = url;
        }
        else
        {
            environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            environment["Authentication__RequireHttpsMetadata"] = "false";
        }
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        var process = new PlatformProcess(name, PlatformFixture.GatewayDll, environment);
        var gateway = new ExtraGateway(process, url, $"http://127.0.0.1:{grpc}");
        process.Start();
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited:\n{process.RecentOutput}");
            }
            return (await probe.GetAsync("/healthz")).IsSuccessStatusCode;
        }, name, PlatformFixture.Timeout);
        return gateway;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
