using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using Platform.Contracts.Routing;

namespace Platform.Api.Versions;

/// <summary>
/// The per-body names the shared services had in v1 (platform.homeaffairs.v1.JointPlanningService beside
/// platform.jointplanning.v1.JointPlanningService, …): each body's copy of the definition, the same methods over
/// messages of the same wire form. Platform.Contracts 2.0.0 dropped the copies from the contracts, but apps built on
/// 1.x still call these names, so each body's service keeps answering them with the shared implementation
/// (<see cref="RetiredServiceName{TService}"/>), under the shared methods' access rules (AccessRules). Their released
/// definitions are in contracts/released/1.x.binpb; a unit test keeps this table and them in step.
/// </summary>
public static class RetiredServiceNames
{
    /// <summary>Each retired name ("platform.organization.v1.JointPlanningService") and the shared service now answering it.</summary>
    public static FrozenDictionary<string, ServiceDescriptor> Shared { get; } = Build();

    /// <summary>The retired names of one body's package ("platform.organization.v1").</summary>
    public static IEnumerable<string> Of(string package) =>
        Shared.Keys.Where(name => name.StartsWith(package + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static FrozenDictionary<string, ServiceDescriptor> Build()
    {
        ServiceDescriptor[] shared =
        [
            Platform.JointPlanning.V1.JointPlanningService.Descriptor,
            Platform.Operations.V1.OperationsService.Descriptor,
            Platform.Audit.V1.AuditTrailService.Descriptor,
            Platform.ReferenceData.V1.AdministrativeUnitCopyService.Descriptor,
        ];
        // "home-affairs" → platform.homeaffairs.v1.JointPlanningService: each body that serves it had a copy in its package.
        return shared
            .SelectMany(service => BodyRouting.Serving(service.FullName).Select(body => (Name: $"platform.{body.Replace("-", "")}.v1.{service.Name}", Service: service)))
            .ToFrozenDictionary(r => r.Name, r => r.Service, StringComparer.Ordinal);
    }
}
