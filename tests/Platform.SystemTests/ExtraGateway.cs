using Platform.Testing;

namespace Platform.SystemTests;

/// <summary>
/// A second gateway beside the platform's, proxying to the same services, with screens of its own behind it and
/// settings of a test's own (small limits, known proxies) given to both (each reads its own): what they count and
/// trust then cannot disturb the other tests.
/// </summary>
public sealed class ExtraGateway : IAsyncDisposable
{
    private readonly PlatformProcess _process;
    private readonly PlatformProcess _screens;

    private ExtraGateway(PlatformProcess process, PlatformProcess screens, string url, string grpcUrl)
    {
        _process = process;
        _screens = screens;
        Url = url;
        GrpcUrl = grpcUrl;
    }

    /// <summary>Its HTTP/1.1 base URL, ending in "/".</summary>
    public string Url { get; }

    public string GrpcUrl { get; }

    public string RecentOutput => _process.RecentOutput + "\n--- its screens ---\n" + _screens.RecentOutput;

    /// <summary>
    /// As production runs it (no issuer of its own; it trusts the platform gateway's tokens), or with
    /// <paramref name="ownIssuer"/> a development gateway hosting its own issuer and login, whose screens sign in there.
    /// </summary>
    public static async Task<ExtraGateway> StartAsync(PlatformFixture platform, string name, bool ownIssuer, params (string Key, string Value)[] settings)
    {
        int http = FreePort.Next(), grpc = FreePort.Next(), screensPort = FreePort.Next();
        var url = $"http://127.0.0.1:{http}/";
        var environment = platform.GatewaySettings.ToDictionary();
        var screensEnvironment = platform.ScreensSettings.ToDictionary();
        environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{http}";
        environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpc}";
        environment["ReverseProxy__Clusters__screens__Destinations__primary__Address"] = $"http://127.0.0.1:{screensPort}/";
        screensEnvironment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{screensPort}";
        if (ownIssuer)
        {
            environment["Identity__Issuer"] = url;
            environment["Identity__ScreensRedirectUris__0"] = url + "signin-callback";
            environment["Authentication__Authority"] = url;
            screensEnvironment["Authentication__Authority"] = url;
        }
        else
        {
            environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            environment["Authentication__RequireHttpsMetadata"] = "false";
        }
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
            screensEnvironment[key] = value;
        }
        var screens = new PlatformProcess(name + "-screens", PlatformFixture.ScreensDll, screensEnvironment);
        var process = new PlatformProcess(name, PlatformFixture.GatewayDll, environment);
        var gateway = new ExtraGateway(process, screens, url, $"http://127.0.0.1:{grpc}");
        screens.Start();
        await UntilHealthyAsync(screens, $"http://127.0.0.1:{screensPort}/");
        process.Start();
        await UntilHealthyAsync(process, url);
        return gateway;
    }

    private static async Task UntilHealthyAsync(PlatformProcess process, string url)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited:\n{process.RecentOutput}");
            }
            try
            {
                return (await probe.GetAsync("/healthz")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }, process.Name, PlatformFixture.Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await _screens.DisposeAsync();
    }
}
