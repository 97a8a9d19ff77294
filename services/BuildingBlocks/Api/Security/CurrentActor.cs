using Platform.Contracts.IntegrationEvents;

namespace Platform.Api.Security;

/// <summary>
/// Who the current unit of work acts for (scoped): the caller of an RPC, the actor an event carries,
/// or the platform itself for a command. The audit trail records it with every write.
/// </summary>
public sealed class CurrentActor
{
    public Actor? Actor { get; set; }

    /// <summary>The platform acting on its own (seed, migrations), named for what it does.</summary>
    public static Actor System(string what, string body) => new($"system:{what}", body, null);
}
