using Grpc.Core;
using Platform.HomeAffairs.V1;
using Platform.Testing;

namespace Platform.FunctionalTests;

/// <summary>A service itself refuses every token that is not a valid one from its issuer for its audience.</summary>
public sealed class TokenValidationTests(HomeAffairsHost host) : IClassFixture<HomeAffairsHost>
{
    public static TheoryData<string, string?> BadTokens => new()
    {
        { "missing", null },
        { "expired", TestTokens.Expired("home-affairs", "editor") },
        { "for another audience", TestTokens.WrongAudience("home-affairs", "editor") },
        { "from another issuer", TestTokens.WrongIssuer("home-affairs", "editor") },
        { "signed by another key", TestTokens.SignedByAnotherKey("home-affairs", "editor") },
        { "tampered after signing", TestTokens.Tampered("home-affairs") },
        { "unsigned (alg none)", TestTokens.Unsigned("home-affairs", "editor") },
        { "not a token", "garbage" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_unauthenticated(string what, string? token)
    {
        using var channel = host.ChannelWith(token);
        var client = new AdministrativeUnitService.AdministrativeUnitServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.ListAdministrativeUnitsAsync(new ListAdministrativeUnitsRequest()).ResponseAsync);

        Assert.True(error.StatusCode == StatusCode.Unauthenticated, $"{what}: {error.Status}");
    }

    [Fact]
    public async Task The_same_token_untampered_is_accepted()
    {
        using var channel = host.ChannelWith(TestTokens.For("home-affairs", "viewer"));
        var client = new AdministrativeUnitService.AdministrativeUnitServiceClient(channel);

        await client.ListAdministrativeUnitsAsync(new ListAdministrativeUnitsRequest());
    }

    [Fact]
    public async Task Health_answers_without_a_token_and_the_json_api_does_not()
    {
        using var http = host.CreateClient();

        Assert.True((await http.GetAsync("/health/ready")).IsSuccessStatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/api/home-affairs/v1/administrative-units")).StatusCode);
    }
}
