using Platform.Access.V1;
using Platform.Api.Security;

namespace Platform.UnitTests;

public sealed class AccessRuleTests
{
    [Fact]
    public void Every_rpc_of_the_platform_declares_an_access_rule()
    {
        Assert.NotEmpty(AccessRules.ByPath);
        var missing = AccessRules.ByPath.Where(r => r.Value.Rule is null).Select(r => r.Key).ToList();

        Assert.True(missing.Count == 0, "RPCs without (platform.access.v1.rule): " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_rule_says_whose_members_may_call_and_whether_it_reads_or_writes()
    {
        Assert.All(AccessRules.ByPath, r =>
        {
            Assert.NotEqual(Bodies.Unspecified, r.Value.Rule!.Bodies);
            Assert.NotEqual(Operation.Unspecified, r.Value.Rule.Operation);
        });
    }

    private static PlatformPrincipal Principal(string body, string role, params string[] scopes) =>
        new($"{body}-{role}", body, new HashSet<string> { role }, $"{body}-{role}", scopes.ToHashSet());

    private static readonly AccessRule WriteOwn = new() { Bodies = Bodies.Owning, Roles = { Role.Editor }, Operation = Operation.Write };

    [Fact]
    public void Only_the_owning_body_s_editors_with_the_write_scope_may_write()
    {
        Assert.Null(AccessDecision.Deny(WriteOwn, Principal("home-affairs", "editor", "home-affairs.write"), "home-affairs"));
        Assert.Contains("members of home-affairs", AccessDecision.Deny(WriteOwn, Principal("organization", "editor", "home-affairs.write"), "home-affairs")?.Message);
        Assert.Contains("role editor", AccessDecision.Deny(WriteOwn, Principal("home-affairs", "viewer", "home-affairs.write"), "home-affairs")?.Message);
        Assert.Contains("scope home-affairs.write", AccessDecision.Deny(WriteOwn, Principal("home-affairs", "editor", "home-affairs.read"), "home-affairs")?.Message);
    }

    [Fact]
    public void A_principal_of_no_known_body_is_refused_everything()
    {
        var readAll = new AccessRule { Bodies = Bodies.All, Operation = Operation.Read };

        Assert.NotNull(AccessDecision.Deny(readAll, Principal("ministry-of-finance", "viewer", "home-affairs.read"), "home-affairs"));
    }
}
