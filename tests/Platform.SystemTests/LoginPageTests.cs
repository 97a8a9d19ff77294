using System.Net;

namespace Platform.SystemTests;

/// <summary>
/// The development login page and token endpoint: back only into the site, a bad return address is 400 (never a 500
/// with a stack trace), and failed sign-ins and client authentications are throttled per account and per address.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LoginPageTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/conferences\nSet-Cookie: taken=1")]
    public async Task A_return_address_off_the_site_or_with_control_characters_is_400(string returnUrl)
    {
        using var http = NoRedirects(platform.GatewayUrl);

        var signIn = await http.PostAsync("/account/login", Form("home-affairs-viewer", "dev-secret", returnUrl));
        var page = await http.GetAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Null(signIn.Headers.Location);
        Assert.DoesNotContain("Exception", await signIn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
    }

    [Fact]
    public async Task A_return_address_on_the_site_is_where_the_login_goes()
    {
        using var http = NoRedirects(platform.GatewayUrl);

        var signIn = await http.PostAsync("/account/login", Form("home-affairs-viewer", "dev-secret", "/conferences?trang=2"));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/conferences?trang=2", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Failed_sign_ins_and_client_secrets_are_throttled_per_account_and_per_address()
    {
        // A development gateway of its own: the address's failures would otherwise stop the other tests signing in.
        await using var gateway = await ExtraGateway.StartAsync(platform, "throttled-issuer", ownIssuer: true,
            ("Identity__SignInThrottle__FailuresPerAccount", "2"), ("Identity__SignInThrottle__FailuresPerAddress", "5"));
        using var http = NoRedirects(gateway.Url);

        // One account, twice wrong: then even the right password waits; another account does not.
        var wrong = new[]
        {
            await http.PostAsync("/account/login", Form("home-affairs-viewer", "guess", "/")),
            await http.PostAsync("/account/login", Form("home-affairs-viewer", "guess-again", "/")),
        };
        var sameAccount = await http.PostAsync("/account/login", Form("home-affairs-viewer", "dev-secret", "/"));
        var otherAccount = await http.PostAsync("/account/login", Form("organization-viewer", "dev-secret", "/"));
        // One client, twice a wrong secret: then even the right one waits; another client does not.
        var wrongSecrets = new[] { await TokenAsync(http, "home-affairs-editor", "guess"), await TokenAsync(http, "home-affairs-editor", "guess-again") };
        var sameClient = await TokenAsync(http, "home-affairs-editor", "dev-secret");
        var otherClient = await TokenAsync(http, "organization-editor", "dev-secret");
        // The address's fifth failure: now everyone from it waits, accounts and clients alike.
        var fifth = await http.PostAsync("/account/login", Form("delegate-affairs-viewer", "guess", "/"));
        var anyAccount = await http.PostAsync("/account/login", Form("delegate-affairs-editor", "dev-secret", "/"));
        var anyClient = await TokenAsync(http, "organization-editor", "dev-secret");

        Assert.All(wrong, answer => Assert.Contains("error=1", answer.Headers.Location!.OriginalString));
        AssertThrottled(sameAccount);
        Assert.Equal("/", otherAccount.Headers.Location!.OriginalString);
        Assert.All(wrongSecrets, answer => Assert.False(answer.IsSuccessStatusCode));
        AssertThrottled(sameClient);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Contains("error=1", fifth.Headers.Location!.OriginalString);
        AssertThrottled(anyAccount);
        AssertThrottled(anyClient);
    }

    private static void AssertThrottled(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 carries Retry-After");
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient http, string client, string secret) =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client, ["client_secret"] = secret,
        }));

    private static FormUrlEncodedContent Form(string username, string password, string returnUrl) => new(new Dictionary<string, string>
    {
        ["username"] = username, ["password"] = password, ["returnUrl"] = returnUrl,
    });

    private static HttpClient NoRedirects(string url) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(url) };
}
