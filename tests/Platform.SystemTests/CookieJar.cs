namespace Platform.SystemTests;

/// <summary>
/// Keeps cookies and follows redirects as a browser on http://127.0.0.1 does. HttpClient's own cookie container
/// would not send the sign-in's correlation and nonce cookies, which are marked Secure (a browser treats loopback
/// as a secure context).
/// </summary>
public sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Dictionary<string, string> _cookies = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var hops = 0; ; hops++)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                if (pair.Length == 2 && pair[1].Length > 0 && !header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies[pair[0]] = pair[1];
                }
                else
                {
                    _cookies.Remove(pair[0]);
                }
            }
            if ((int)response.StatusCode is not (301 or 302 or 303 or 307) || response.Headers.Location is null || hops > 10)
            {
                return response;
            }
            var next = new Uri(request.RequestUri!, response.Headers.Location);
            request = new HttpRequestMessage(HttpMethod.Get, next);
        }
    }
}

/// <summary>A browser-like client (<see cref="CookieJar"/>) of a gateway's screens.</summary>
public static class ScreensBrowser
{
    public static HttpClient For(string gatewayUrl) =>
        new(new CookieJar(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })) { BaseAddress = new Uri(gatewayUrl) };

    /// <summary>Signs <paramref name="user"/> in to the screens through the gateway's development login (cookie session, code + PKCE).</summary>
    public static async Task<HttpClient> SignedInAsync(string gatewayUrl, string user)
    {
        var browser = For(gatewayUrl);
        var toLogin = await browser.GetAsync("/conferences");
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(toLogin.RequestMessage!.RequestUri!.Query)["ReturnUrl"].ToString();
        Assert.False(string.IsNullOrEmpty(returnUrl), $"no login page on the way to the screens: {toLogin.RequestMessage.RequestUri}");
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = "dev-secret", ["returnUrl"] = returnUrl,
        }));
        Assert.EndsWith("/conferences", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        return browser;
    }
}
