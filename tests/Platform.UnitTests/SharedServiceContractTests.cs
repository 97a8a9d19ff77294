using Platform.Access.V1;
using Platform.Api.Security;

namespace Platform.UnitTests;

/// <summary>
/// Joint planning, operations and the audit trail are defined once (platform.jointplanning.v1, platform.operations.v1,
/// platform.audit.v1) and each body's service also answers under its deprecated per-body copy of the definition
/// (DeprecatedServiceName). That holds only while each copy declares the same methods, messages and access rules as
/// the shared definition; and the operations stay for the owning body's ops role alone.
/// </summary>
public sealed class SharedServiceContractTests
{
    private static readonly string[] BodyPackages = ["platform.organization.v1", "platform.homeaffairs.v1", "platform.delegateaffairs.v1"];

    public static TheoryData<string, string> SharedServices => new()
    {
        { "platform.jointplanning.v1", "JointPlanningService" },
        { "platform.operations.v1", "OperationsService" },
        { "platform.audit.v1", "AuditTrailService" },
    };

    private static List<string> Definition(string service) =>
        AccessRules.ByPath.Values
            .Where(r => r.Method.Service.FullName == service)
            .Select(r => $"{r.Method.Name}({r.Method.InputType.FullName}) -> {r.Method.OutputType.FullName} {r.Rule}")
            .Order(StringComparer.Ordinal)
            .ToList();

    [Theory]
    [MemberData(nameof(SharedServices))]
    public void Each_bodys_deprecated_copy_declares_what_the_shared_definition_does(string package, string service)
    {
        var shared = Definition($"{package}.{service}");
        Assert.NotEmpty(shared);
        foreach (var body in BodyPackages)
        {
            var copy = AccessRules.ByPath.Values.First(r => r.Method.Service.FullName == $"{body}.{service}").Method.Service;
            Assert.True(copy.GetOptions()?.Deprecated, $"{copy.FullName} is superseded by {package}.{service}: it is marked deprecated");
            Assert.Equal(shared, Definition(copy.FullName));
        }
    }

    [Fact]
    public void The_unit_copies_deprecated_definitions_match_the_shared_one_in_methods_rules_and_wire_form()
    {
        // Organization and Delegate Affairs keep copies (Home Affairs owns the units); their copies declare messages of
        // their own packages, which must read as the shared ones on the wire.
        var shared = Methods("platform.referencedata.v1.AdministrativeUnitCopyService");
        Assert.Equal(2, shared.Count);
        foreach (var body in new[] { "platform.organization.v1", "platform.delegateaffairs.v1" })
        {
            var copy = Methods($"{body}.AdministrativeUnitCopyService");
            Assert.True(copy[0].Method.Service.GetOptions()?.Deprecated, $"{body}.AdministrativeUnitCopyService is marked deprecated");
            Assert.Equal(shared.Select(m => (m.Method.Name, m.Rule?.ToString())), copy.Select(m => (m.Method.Name, m.Rule?.ToString())));
            foreach (var (mine, theirs) in shared.Zip(copy))
            {
                Assert.Equal(WireForm(mine.Method.InputType), WireForm(theirs.Method.InputType));
                Assert.Equal(WireForm(mine.Method.OutputType), WireForm(theirs.Method.OutputType));
            }
        }
    }

    private static List<(Google.Protobuf.Reflection.MethodDescriptor Method, AccessRule? Rule)> Methods(string service) =>
        AccessRules.ByPath.Values.Where(r => r.Method.Service.FullName == service).OrderBy(r => r.Method.Name, StringComparer.Ordinal).ToList();

    /// <summary>Field numbers, names, types and cardinality, into nested messages of the platform's own packages.</summary>
    private static string WireForm(Google.Protobuf.Reflection.MessageDescriptor message) =>
        string.Join(",", message.Fields.InFieldNumberOrder().Select(f =>
            $"{f.FieldNumber}:{f.Name}:{f.FieldType}:{f.IsRepeated}" + (f.FieldType == Google.Protobuf.Reflection.FieldType.Message
                && f.MessageType.FullName.StartsWith("platform.", StringComparison.Ordinal) ? $"{{{WireForm(f.MessageType)}}}" : f.FieldType == Google.Protobuf.Reflection.FieldType.Message ? f.MessageType.FullName : "")));

    [Fact]
    public void Every_operation_is_for_the_owning_bodys_ops_role_only()
    {
        var rules = AccessRules.ByPath.Values.Where(r => r.Method.Service.Name == "OperationsService").Select(r => r.Rule).ToList();
        Assert.Equal(16, rules.Count); // four RPCs: the shared definition and three deprecated copies
        Assert.All(rules, rule =>
        {
            Assert.NotNull(rule);
            Assert.Equal(Bodies.Owning, rule!.Bodies);
            Assert.Equal([Role.Ops], rule.Roles);
        });
    }
}
