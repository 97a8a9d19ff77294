using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Testing;

namespace Platform.SystemTests;

/// <summary>What the gateway promises: no answer without a valid token, the right answer per body and role, tokens for apps and people, limits.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewaySecurityTests(PlatformFixture platform)
{
    private const string Units = "/api/home-affairs/v1/administrative-units";

    private HttpClient ClientWith(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(platform.GatewayUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task No_token_is_401_a_viewer_reads_and_another_body_s_editor_may_not_write()
    {
        using var viewer = ClientWith(await platform.TokenAsync("home-affairs-viewer"));
        using var otherEditor = ClientWith(await platform.TokenAsync("organization-editor"));

        var anonymous = await platform.Anonymous.GetAsync(Units);
        var read = await viewer.GetAsync($"{Units}?page_size=100");
        var write = await otherEditor.PostAsJsonAsync(Units, new { code = "98", name = "Hà Tây", kind = "ADMINISTRATIVE_UNIT_KIND_PROVINCE" });
        var viewerWrite = await viewer.PostAsJsonAsync(Units, new { code = "98", name = "Hà Tây", kind = "ADMINISTRATIVE_UNIT_KIND_PROVINCE" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerWrite.StatusCode);
    }

    [Fact]
    public async Task A_tampered_token_is_refused_at_the_gateway()
    {
        var token = await platform.TokenAsync("home-affairs-viewer");
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[1])).Replace("\"viewer\"", "\"editor\"");
        using var forged = ClientWith($"{parts[0]}.{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(Units)).StatusCode);
    }

    [Fact]
    public async Task A_person_signs_in_with_authorization_code_and_pkce_and_reads_with_the_token()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(platform.GatewayUrl),
        };
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = platform.GatewayUrl + "signin-callback";
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "planning-screens", ["response_type"] = "code", ["redirect_uri"] = redirectUri,
            ["scope"] = "home-affairs.read organization.read", ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256", ["state"] = "trạng-thái",
        });

        var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var returnUrl = QueryHelpers.ParseQuery(toLogin.Headers.Location!.Query)["ReturnUrl"].ToString();
        var loginPage = await browser.GetAsync(toLogin.Headers.Location);
        Assert.Contains("Đăng nhập", await loginPage.Content.ReadAsStringAsync());
        Assert.Equal("DENY", loginPage.Headers.GetValues("X-Frame-Options").Single());

        var wrongPassword = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "home-affairs-viewer", ["password"] = "guess", ["returnUrl"] = returnUrl,
        }));
        Assert.Contains("error=1", wrongPassword.Headers.Location!.ToString());

        var loggedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "home-affairs-viewer", ["password"] = "dev-secret", ["returnUrl"] = returnUrl,
        }));
        var toApp = await browser.GetAsync(loggedIn.Headers.Location);
        Assert.StartsWith(redirectUri, toApp.Headers.Location!.ToString());
        var callback = QueryHelpers.ParseQuery(toApp.Headers.Location.Query);
        Assert.Equal("trạng-thái", callback["state"].ToString());

        var tokenResponse = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "planning-screens", ["code"] = callback["code"].ToString(),
            ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
        }));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

        using var person = ClientWith(token);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(Units)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostAsJsonAsync(Units, new { code = "97", name = "X", kind = "ADMINISTRATIVE_UNIT_KIND_PROVINCE" })).StatusCode);
    }

    [Fact]
    public async Task A_request_body_over_the_limit_is_413()
    {
        // As a well-behaved client sends a large body: it waits for "100 Continue", so the early 413
        // arrives as an answer instead of a broken pipe halfway through the upload.
        using var request = new HttpRequestMessage(HttpMethod.Post, Units)
        {
            Content = new StringContent(new string('x', 2 * 1024 * 1024), Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        var response = await platform.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_retry_after_and_other_clients_do_not()
    {
        // A second gateway beside the first, as production runs it (no issuer of its own), allowing 3 requests a minute.
        int http = FreePort.Next(), grpc = FreePort.Next();
        var settings = platform.GatewaySettings.ToDictionary();
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["Authentication__RequireHttpsMetadata"] = "false";
        settings["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{http}";
        settings["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpc}";
        settings["Gateway__RateLimit__PermitLimit"] = "3";
        await using var limited = new PlatformProcess("limited-gateway", PlatformFixture.GatewayDll, settings);
        limited.Start();
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
        await Poll.UntilAsync(async () => (await probe.GetAsync("/healthz")).IsSuccessStatusCode, "the second gateway");

        using var busy = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
        busy.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync("home-affairs-viewer"));
        using var other = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync("organization-viewer"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await busy.GetAsync(Units);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 carries Retry-After");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(Units)).StatusCode);
    }
}
