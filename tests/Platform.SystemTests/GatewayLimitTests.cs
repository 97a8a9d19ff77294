using System.Net;
using System.Net.Http.Headers;

namespace Platform.SystemTests;

/// <summary>
/// The gateway's rate limits per person and per client (the API), and per person or address (the screens' pages), each
/// on a gateway of the test's own with small limits.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayLimitTests(PlatformFixture platform)
{
    private const string Units = "/api/home-affairs/v1/administrative-units";

    [Fact]
    public async Task A_person_over_their_limit_leaves_other_people_of_the_same_client_alone_until_the_client_s_own_limit()
    {
        await using var gateway = await ExtraGateway.StartAsync(platform, "per-person-gateway", ownIssuer: false,
            ("Gateway__RateLimit__PermitLimit", "3"), ("Gateway__RateLimit__ClientPermitLimit", "5"));
        // Three people signed in through the screens' client: their tokens name each person and planning-screens.
        using var first = ClientOf(gateway, await PersonTokens.SignInAsync(platform.GatewayUrl, "home-affairs-viewer"));
        using var second = ClientOf(gateway, await PersonTokens.SignInAsync(platform.GatewayUrl, "organization-viewer"));
        using var third = ClientOf(gateway, await PersonTokens.SignInAsync(platform.GatewayUrl, "delegate-affairs-viewer"));
        using var app = ClientOf(gateway, await platform.TokenAsync("home-affairs-editor"));

        var firstAnswers = await GetAsync(first, Units, times: 4);
        var secondAnswers = await GetAsync(second, Units, times: 2); // the client's 5th request
        var thirdAnswer = (await GetAsync(third, Units, times: 1)).Single();
        var appAnswer = (await GetAsync(app, Units, times: 1)).Single();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firstAnswers.Select(a => a.StatusCode));
        Assert.True(firstAnswers[^1].Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 carries Retry-After");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], secondAnswers.Select(a => a.StatusCode));
        // Within their own limit, but the client has had its 5: everyone on it waits.
        Assert.Equal(HttpStatusCode.TooManyRequests, thirdAnswer.StatusCode);
        Assert.True(thirdAnswer.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 carries Retry-After");
        Assert.Equal(HttpStatusCode.OK, appAnswer.StatusCode);
    }

    [Fact]
    public async Task The_screens_pages_are_limited_per_signed_in_person_else_per_address()
    {
        // A development gateway with its own issuer, so that its screens can sign in. Its tokens are not the platform's,
        // so the pages' own calls to the services fail: the limits are what is looked at here.
        await using var gateway = await ExtraGateway.StartAsync(platform, "screens-limited-gateway", ownIssuer: true,
            ("Screens__RateLimit__PermitLimit", "3"));

        // Each sign-in asks for a page once anonymously (the address's first) and lands on it signed in (the person's first).
        using var first = await ScreensBrowser.SignedInAsync(gateway.Url, "home-affairs-viewer");
        var firstAnswers = await GetAsync(first, "/signed-out", times: 3);
        using var second = await ScreensBrowser.SignedInAsync(gateway.Url, "organization-viewer");
        var secondAnswer = (await GetAsync(second, "/signed-out", times: 1)).Single();
        using var anonymous = ScreensBrowser.For(gateway.Url);
        var anonymousAnswers = await GetAsync(anonymous, "/signed-out", times: 2);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firstAnswers.Select(a => a.StatusCode));
        Assert.True(firstAnswers[^1].Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 carries Retry-After");
        Assert.Equal(HttpStatusCode.OK, secondAnswer.StatusCode);
        // The address has had its two anonymous requests on the way to sign in, and this one: the next is refused.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], anonymousAnswers.Select(a => a.StatusCode));
    }

    private static HttpClient ClientOf(ExtraGateway gateway, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(gateway.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<List<HttpResponseMessage>> GetAsync(HttpClient client, string path, int times)
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < times; i++)
        {
            answers.Add(await client.GetAsync(path));
        }
        return answers;
    }
}
