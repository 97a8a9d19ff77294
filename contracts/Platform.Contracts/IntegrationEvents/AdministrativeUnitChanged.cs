namespace Platform.Contracts.IntegrationEvents;

/// <summary>
/// Home Affairs created or changed an administrative unit (đơn vị hành chính).
/// Carries the whole new state so that a copy can be rebuilt from the latest event alone;
/// <paramref name="Revision"/> lets a consumer ignore an older state that arrives late.
/// </summary>
/// <param name="Kind">The kind's name without the enum prefix, e.g. "PROVINCE".</param>
/// <param name="ChangedBy">Who made the change (added after the first version: absent in older events).</param>
/// <param name="ValidFrom">From when the unit exists (null: always has). Added later, like the two after it.</param>
/// <param name="ValidTo">Until when it exists (null: still does): a merged or dissolved unit is closed, never deleted.</param>
/// <param name="SuccessorCode">The unit that took a merged one over.</param>
/// <param name="FormerNames">The names it had before, oldest first (added later: null in older events, read as none).</param>
public sealed record AdministrativeUnitChanged(
    string Code,
    string Name,
    string Kind,
    string? ParentCode,
    long Revision,
    DateTimeOffset ChangedAt,
    Actor? ChangedBy = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? SuccessorCode = null,
    IReadOnlyList<FormerName>? FormerNames = null);
