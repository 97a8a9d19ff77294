using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Access.V1;
using Platform.DelegateAffairs.Infrastructure;
using Platform.HomeAffairs.Infrastructure;
using Platform.Organization.Infrastructure;
using Platform.Api.Security;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.FunctionalTests;

/// <summary>
/// Every RPC of a service × every role of every body (and no token at all), generated from the API
/// definitions: each call is allowed or refused exactly as its declared rule says. A new RPC is covered
/// the day it is added; one without a rule fails.
/// </summary>
public abstract class AuthorizationMatrixTests<TContext>(ServiceHost<TContext> host, ITestOutputHelper output) where TContext : DbContext
{
    /// <summary>The rule, spelled out as the specification reads: who may call.</summary>
    private static bool ShouldAllow(AccessRule rule, string serviceBody, string body, string role)
    {
        var bodyMatches = rule.Bodies == Access.V1.Bodies.All || body == serviceBody;
        var roleMatches = rule.Roles.Count == 0 || rule.Roles.Any(r => r.ToString().Equals(role, StringComparison.OrdinalIgnoreCase));
        var scopeGranted = rule.Operation == Operation.Read || (body == serviceBody && role is "editor" or "reviewer" or "ops");
        return bodyMatches && roleMatches && scopeGranted;
    }

    [Fact]
    public async Task Every_rpc_answers_every_role_of_every_body_as_its_rule_says()
    {
        // The body's own package (with its retired names of the shared services) and the shared services it implements.
        string[] packages = [$"platform.{host.Body.Replace("-", "")}.v1.", "platform.jointplanning.v1.", "platform.operations.v1.", "platform.audit.v1.",
            .. host.Body == "home-affairs" ? Array.Empty<string>() : ["platform.referencedata.v1."]]; // the owner keeps no copy of the units
        var rpcs = AccessRules.ByPath.Where(r => packages.Any(p => r.Key.StartsWith($"/{p}", StringComparison.Ordinal))).ToList();
        Assert.Contains(rpcs, r => r.Key == "/platform.jointplanning.v1.JointPlanningService/GetConference");
        Assert.NotEmpty(rpcs);
        var wrong = new List<string>();

        foreach (var (path, (method, rule)) in rpcs)
        {
            Assert.True(rule is not null, $"{path} declares no (platform.access.v1.rule)");
            var anonymous = await CallAsync(path, token: null);
            if (anonymous != StatusCode.Unauthenticated)
            {
                wrong.Add($"{path} without a token: {anonymous}");
            }
            foreach (var body in TestTokens.Bodies)
            {
                foreach (var role in TestTokens.Roles)
                {
                    var status = await CallAsync(path, TestTokens.For(body, role));
                    var allowed = status is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated);
                    if (allowed != ShouldAllow(rule!, host.Body, body, role))
                    {
                        wrong.Add($"{path} as {body}-{role}: {status}");
                    }
                }
            }
            output.WriteLine($"{path}: {rule}");
        }

        Assert.Empty(wrong);
    }

    /// <summary>Calls an RPC with an empty request: authorization comes before anything reads it.</summary>
    private async Task<StatusCode> CallAsync(string path, string? token)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        using var channel = host.ChannelWith(token);
        try
        {
            await channel.CreateCallInvoker().CallAsync(parts[0], parts[1], []);
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }
}

public sealed class HomeAffairsAuthorizationTests(HomeAffairsHost host, ITestOutputHelper output)
    : AuthorizationMatrixTests<HomeAffairsDbContext>(host, output), IClassFixture<HomeAffairsHost>;

public sealed class OrganizationAuthorizationTests(ServiceHost<OrganizationDbContext> host, ITestOutputHelper output)
    : AuthorizationMatrixTests<OrganizationDbContext>(host, output), IClassFixture<ServiceHost<OrganizationDbContext>>;

public sealed class DelegateAffairsAuthorizationTests(ServiceHost<DelegateAffairsDbContext> host, ITestOutputHelper output)
    : AuthorizationMatrixTests<DelegateAffairsDbContext>(host, output), IClassFixture<ServiceHost<DelegateAffairsDbContext>>;
