using Platform.Contracts.IntegrationEvents;
using Platform.Auditing;

namespace Platform.ReferenceData;

/// <summary>
/// This body's read-only copy of an administrative unit (đơn vị hành chính) owned by Home Affairs,
/// as of the owner's <see cref="Revision"/>.
/// </summary>
public sealed class AdministrativeUnitCopy : IAuditable
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public string? ParentCode { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? SuccessorCode { get; set; }

    /// <summary>The names it had before <see cref="Name"/>, oldest first.</summary>
    public List<FormerName> FormerNames { get; set; } = [];
    public long Revision { get; set; }
    public DateTimeOffset ReplicatedAt { get; set; }

    public string AuditResource => $"administrative-units/{Code}";
}
