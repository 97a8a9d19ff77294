using Platform.Access.V1;
using Platform.Api.Security;

namespace Platform.UnitTests;

/// <summary>
/// The operations (platform.operations.v1) stay for the owning body's ops role alone, under the shared name and the
/// three retired per-body names (RetiredServiceNames) alike.
/// </summary>
public sealed class SharedServiceContractTests
{
    [Fact]
    public void Every_operation_is_for_the_owning_bodys_ops_role_only()
    {
        var rules = AccessRules.ByPath.Where(r => r.Value.Method.Service.Name == "OperationsService").ToList();
        Assert.Equal(16, rules.Count); // four RPCs: the shared name and three retired ones
        Assert.All(rules, entry =>
        {
            Assert.NotNull(entry.Value.Rule);
            Assert.Equal(Bodies.Owning, entry.Value.Rule!.Bodies);
            Assert.Equal([Role.Ops], entry.Value.Rule.Roles);
        });
    }
}
