using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.WebUtilities;
using Platform.HomeAffairs.V1;
using CadreService = Platform.Organization.V1.CadreService;
using ListCadreRecordsRequest = Platform.Organization.V1.ListCadreRecordsRequest;
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
    public async Task The_screens_pages_through_the_gateway_carry_its_security_headers_once_and_no_server_name()
    {
        // The pages come from the screens' own process; the gateway adds its headers to what it passes on, and YARP
        // would join a value the screens sent to them ("DENY, SAMEORIGIN" is no X-Frame-Options a browser obeys).
        using var anonymous = ScreensBrowser.For(platform.GatewayUrl);
        using var signedIn = await ScreensBrowser.SignedInAsync(platform.GatewayUrl, "home-affairs-editor");

        var signedOut = await anonymous.GetAsync("/signed-out");
        var withForms = await signedIn.GetAsync("/conferences/new"); // a form posting back: antiforgery runs
        var stylesheet = await anonymous.GetAsync("/screens/site.css");

        foreach (var page in new[] { signedOut, withForms })
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("default-src 'self'; frame-ancestors 'none'; form-action 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
            Assert.False(page.Headers.Contains("Server"));
        }
        Assert.Contains("__RequestVerificationToken", await withForms.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
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

    [Fact]
    public async Task A_grpc_call_without_a_valid_token_gets_unauthenticated_as_a_grpc_status_not_a_bare_401()
    {
        // On the wire, as any gRPC client sends it: HTTP/2 (h2c), application/grpc, one empty message.
        using var h2c = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{platform.GatewayGrpcUrl}/platform.homeaffairs.v1.AdministrativeUnitService/ListAdministrativeUnits")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("TE", "trailers");
        var raw = await h2c.SendAsync(request);

        using var anonymous = GrpcChannel.ForAddress(platform.GatewayGrpcUrl);
        using var forged = platform.GrpcChannelWith("not.a.token");
        var noToken = await Assert.ThrowsAsync<RpcException>(() =>
            new AdministrativeUnitService.AdministrativeUnitServiceClient(anonymous).ListAdministrativeUnitsAsync(new ListAdministrativeUnitsRequest()).ResponseAsync);
        var badToken = await Assert.ThrowsAsync<RpcException>(() =>
            new AdministrativeUnitService.AdministrativeUnitServiceClient(forged).ListAdministrativeUnitsAsync(new ListAdministrativeUnitsRequest()).ResponseAsync);

        // Trailers-only: 200, application/grpc, the status in the only headers.
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("application/grpc", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal("16", raw.Headers.GetValues("grpc-status").Single());
        Assert.Empty(await raw.Content.ReadAsByteArrayAsync());
        // The gateway's own words, not a client's guess from an HTTP status ("Bad gRPC response. HTTP status code: 401").
        Assert.Equal(StatusCode.Unauthenticated, noToken.StatusCode);
        Assert.Contains("bearer token", noToken.Status.Detail);
        Assert.Equal(StatusCode.Unauthenticated, badToken.StatusCode);
        Assert.Contains("bearer token", badToken.Status.Detail);
    }

    [Fact]
    public async Task The_standard_grpc_health_service_answers_on_the_gateway_s_h2c_port_without_a_token()
    {
        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpcUrl);
        var health = new Health.HealthClient(channel);

        var overall = await health.CheckAsync(new HealthCheckRequest { Service = "" });
        var unknown = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, overall.Status);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode); // the standard service's answer for a name it does not know
    }

    [Fact]
    public async Task The_gateway_s_liveness_and_readiness_probes_answer_without_a_token()
    {
        var ready = await platform.Anonymous.GetAsync("/healthz");
        var alive = await platform.Anonymous.GetAsync("/healthz/live");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Personal_data_answers_are_not_stored_and_no_answer_names_its_server()
    {
        using var organization = ClientWith(await platform.TokenAsync("organization-viewer"));
        using var homeAffairs = ClientWith(await platform.TokenAsync("home-affairs-viewer"));
        using var delegateAffairs = ClientWith(await platform.TokenAsync("delegate-affairs-viewer"));

        var cadres = await organization.GetAsync("/api/organization/v1/cadre-records?page_size=1");
        var officials = await homeAffairs.GetAsync("/api/home-affairs/v1/official-records?page_size=1");
        var candidate = await delegateAffairs.GetAsync("/api/delegate-affairs/v1/candidates/khong-co-ung-vien-nay");
        var vetting = await delegateAffairs.GetAsync("/api/delegate-affairs/v1/candidates/khong-co-ung-vien-nay/vetting");
        var units = await homeAffairs.GetAsync(Units);
        var health = await platform.Anonymous.GetAsync("/healthz");
        using var channel = platform.GrpcChannelWith(await platform.TokenAsync("organization-viewer"));
        using var grpcCadres = new CadreService.CadreServiceClient(channel).ListCadreRecordsAsync(new ListCadreRecordsRequest { PageSize = 1 });
        var grpcHeaders = await grpcCadres.ResponseHeadersAsync;
        await grpcCadres.ResponseAsync;

        Assert.Equal(HttpStatusCode.OK, cadres.StatusCode);
        Assert.Equal(HttpStatusCode.OK, officials.StatusCode);
        Assert.False(candidate.IsSuccessStatusCode); // no such candidate: a refusal, no-store all the same
        foreach (var personal in new[] { cadres, officials, candidate, vetting })
        {
            Assert.True(personal.Headers.CacheControl?.NoStore, $"{personal.RequestMessage!.RequestUri}: Cache-Control {personal.Headers.CacheControl}");
        }
        Assert.Equal("no-store", grpcHeaders.GetValue("cache-control"));
        Assert.NotEqual(true, units.Headers.CacheControl?.NoStore); // not about people: cacheable as before
        foreach (var answer in new[] { cadres, officials, candidate, vetting, units, health })
        {
            Assert.False(answer.Headers.Contains("Server"), $"{answer.RequestMessage!.RequestUri}: Server {string.Join(",", answer.Headers.TryGetValues("Server", out var v) ? v : [])}");
        }
        Assert.Null(grpcHeaders.GetValue("server"));
    }
}
