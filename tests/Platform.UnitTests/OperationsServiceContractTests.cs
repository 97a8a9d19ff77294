using Platform.Access.V1;
using Platform.Api.Security;

namespace Platform.UnitTests;

/// <summary>
/// Each body offers the same OperationsService in its own package (the gateway routes by package): the
/// three definitions must not drift apart, and only the body's own ops role may call them.
/// </summary>
public sealed class OperationsServiceContractTests
{
    private static readonly string[] Packages = ["platform.organization.v1", "platform.homeaffairs.v1", "platform.delegateaffairs.v1"];

    private static List<string> Definition(string package) =>
        AccessRules.ByPath.Values
            .Where(r => r.Method.Service.FullName == $"{package}.OperationsService")
            .Select(r => $"{r.Method.Name}({r.Method.InputType.FullName}) -> {r.Method.OutputType.FullName} {r.Rule}")
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_three_bodies_offer_identical_operations()
    {
        var first = Definition(Packages[0]);
        Assert.Equal(4, first.Count);
        foreach (var package in Packages.Skip(1))
        {
            Assert.Equal(first, Definition(package));
        }
    }

    [Fact]
    public void Every_operation_is_for_the_owning_bodys_ops_role_only()
    {
        var rules = AccessRules.ByPath.Values.Where(r => r.Method.Service.Name == "OperationsService").Select(r => r.Rule).ToList();
        Assert.Equal(12, rules.Count);
        Assert.All(rules, rule =>
        {
            Assert.NotNull(rule);
            Assert.Equal(Bodies.Owning, rule!.Bodies);
            Assert.Equal([Role.Ops], rule.Roles);
        });
    }
}
