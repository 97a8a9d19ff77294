using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.SystemTests;

/// <summary>
/// Behind the TLS ingress: X-Forwarded-Proto/-Host/-For from a known proxy make cookies Secure and redirect URIs https;
/// from anyone else they change nothing. /metrics stays refused to whatever came through a proxy.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ForwardedHeadersTests(PlatformFixture platform)
{
    private const string PublicHost = "planning.example.org";

    [Fact]
    public async Task From_a_known_proxy_cookies_are_secure_and_redirect_uris_https_and_metrics_stay_refused()
    {
        await using var gateway = await ExtraGateway.StartAsync(platform, "behind-proxy-gateway", ownIssuer: true,
            ("Gateway__ForwardedHeaders__KnownProxies__0", "127.0.0.1"));
        using var http = NoRedirects(gateway.Url);

        var challenge = await http.SendAsync(Forwarded(HttpMethod.Get, "/conferences"));
        var signIn = await http.SendAsync(Forwarded(HttpMethod.Post, "/account/login", SignInForm()));
        using var scrape = Forwarded(HttpMethod.Get, "/metrics");
        var metricsThroughProxy = await http.SendAsync(scrape);
        var metricsAtThePod = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal($"https://{PublicHost}/signin-callback", QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["redirect_uri"].ToString());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("; secure", SessionCookie(signIn), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, metricsThroughProxy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metricsAtThePod.StatusCode);
    }

    [Fact]
    public async Task From_an_address_not_known_as_a_proxy_the_headers_are_ignored()
    {
        // The platform's gateway trusts no proxy (the default).
        using var http = NoRedirects(platform.GatewayUrl);

        var challenge = await http.SendAsync(Forwarded(HttpMethod.Get, "/conferences"));
        var signIn = await http.SendAsync(Forwarded(HttpMethod.Post, "/account/login", SignInForm()));

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal(platform.GatewayUrl + "signin-callback", QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["redirect_uri"].ToString());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("; secure", SessionCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    private static HttpClient NoRedirects(string url) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(url) };

    /// <summary>As ingress-nginx passes on a browser's https request.</summary>
    private static HttpRequestMessage Forwarded(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", PublicHost);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    private static FormUrlEncodedContent SignInForm() => new(new Dictionary<string, string>
    {
        ["username"] = "home-affairs-viewer", ["password"] = "dev-secret", ["returnUrl"] = "/conferences",
    });

    /// <summary>The development login's session cookie as set.</summary>
    private static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith(".AspNetCore.Cookies=", StringComparison.Ordinal));
}
