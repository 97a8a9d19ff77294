using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Platform.Gateway.Extensions;
using Platform.Gateway.DevelopmentIssuer;

namespace Platform.UnitTests;

/// <summary>The gateway's edge rules that need no server: return addresses, whose rate limit a call takes, gRPC refusals, personal-data paths.</summary>
public sealed class GatewayEdgeRulesTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/conferences?trang=2", true)]
    [InlineData("/connect/authorize?client_id=planning-screens&redirect_uri=http%3A%2F%2Flocalhost", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/conferences\nSet-Cookie: x=1", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("evil.example", false)]
    [InlineData("~/conferences", false)]
    [InlineData("", false)]
    public void A_return_address_is_local_only_as_a_path_from_the_root_without_control_characters(string url, bool local) =>
        Assert.Equal(local, LocalUrl.IsLocal(url));

    [Fact]
    public void A_person_takes_their_own_permits_and_their_client_s_an_app_its_own_and_the_anonymous_their_address_s()
    {
        var address = IPAddress.Parse("203.0.113.7");

        var person = GatewayLimitsExtensions.CallerOf(User(("sub", "home-affairs-viewer"), ("client_id", "planning-screens")), address);
        var app = GatewayLimitsExtensions.CallerOf(User(("sub", "home-affairs-viewer"), ("client_id", "home-affairs-viewer")), address);
        var anonymous = GatewayLimitsExtensions.CallerOf(new ClaimsPrincipal(new ClaimsIdentity()), address);

        Assert.Equal(new GatewayLimitsExtensions.Caller("person:home-affairs-viewer", "planning-screens"), person);
        Assert.Equal(new GatewayLimitsExtensions.Caller("client:home-affairs-viewer", null), app);
        Assert.Equal(new GatewayLimitsExtensions.Caller("address:203.0.113.7", null), anonymous);
    }

    [Theory]
    [InlineData(false, "16")] // challenged: no token, or a bad one
    [InlineData(true, "7")] // forbidden
    public async Task A_grpc_call_the_gateway_refuses_gets_a_grpc_status_in_a_trailers_only_answer(bool forbidden, string grpcStatus)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/grpc";
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        var nextCalled = false;

        await new GrpcAuthorizationResults().HandleAsync(_ => { nextCalled = true; return Task.CompletedTask; }, context, policy,
            forbidden ? PolicyAuthorizationResult.Forbid() : PolicyAuthorizationResult.Challenge());

        Assert.False(nextCalled);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("application/grpc", context.Response.ContentType);
        Assert.Equal(grpcStatus, context.Response.Headers["grpc-status"].ToString());
    }

    [Theory]
    [InlineData("/api/organization/v1/cadre-records", true)]
    [InlineData("/api/organization/v1/cadre-records/001", true)]
    [InlineData("/api/home-affairs/v1/official-records", true)]
    [InlineData("/api/delegate-affairs/v1/elections/bau-cu-2026/candidates", true)]
    [InlineData("/api/delegate-affairs/v1/elections/bau-cu-2026/candidates:batchCreate", true)]
    [InlineData("/api/delegate-affairs/v1/candidates/uv-1/vetting:settle", true)]
    [InlineData("/platform.organization.v1.CadreService/ListCadreRecords", true)]
    [InlineData("/platform.delegateaffairs.v1.CandidateService/GetCandidateVetting", true)]
    [InlineData("/candidates/uv-1", true)]
    [InlineData("/elections/bau-cu-2026/review", true)]
    [InlineData("/api/home-affairs/v1/administrative-units", false)]
    [InlineData("/platform.homeaffairs.v1.AdministrativeUnitService/ListAdministrativeUnits", false)]
    [InlineData("/conferences", false)]
    public void Personal_data_is_recognised_by_a_segment_of_the_path(string path, bool personal) =>
        Assert.Equal(personal, PrivateAnswersExtensions.IsPersonalData(path));

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));
}
