using Platform.Auditing;

namespace Platform.Organization.Model;

public enum CongressStatus
{
    Planned = 1,
    PersonnelPlanApproved = 2,
    Held = 3,
}

/// <summary>A congress (đại hội) of a Party organization for a term.</summary>
public sealed class PartyCongress : IAuditable
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    /// <summary>The organization's level, kept here to filter and check the schedule without a join.</summary>
    public PartyLevel Level { get; init; }
    public required string Term { get; init; }
    public DateOnly PlannedDate { get; set; }
    public DateOnly? ActualDate { get; set; }
    public CongressStatus Status { get; set; } = CongressStatus.Planned;
    public int DelegateCount { get; set; }
    public uint RowVersion { get; private set; }

    public string AuditResource => $"party-congresses/{Id}";

    /// <summary>"tinh-yen-bai.2020-2025": one URL path segment, so the JSON API can address it.</summary>
    public static string IdFor(string organizationId, string term) => $"{organizationId}.{term}";

    /// <summary>The date the congress is judged by: when it was held, else when it is planned.</summary>
    public DateOnly ScheduledDate => ActualDate ?? PlannedDate;
}

/// <summary>
/// The latest date congresses of a level must be held in a term, as a directive sets it — data, since
/// each term has its own directive (Directive 35-CT/TW of 30/5/2019 for 2020–2025; of 14/6/2024 for the next).
/// </summary>
public sealed class CongressDeadline
{
    public required string Term { get; init; }
    public PartyLevel Level { get; init; }
    public DateOnly Deadline { get; init; }
    public required string Source { get; init; }
}

public static class CongressSchedule
{
    private const string Directive35 = "Chỉ thị 35-CT/TW (30/5/2019) của Bộ Chính trị";

    public static readonly CongressDeadline[] Term2020To2025 =
    [
        new() { Term = "2020-2025", Level = PartyLevel.Grassroots, Deadline = new DateOnly(2020, 6, 30), Source = Directive35 },
        new() { Term = "2020-2025", Level = PartyLevel.UpperGrassroots, Deadline = new DateOnly(2020, 8, 31), Source = Directive35 },
        new() { Term = "2020-2025", Level = PartyLevel.DirectlyUnderCentre, Deadline = new DateOnly(2020, 10, 29), Source = Directive35 },
    ];

    /// <summary>Late when held — or, not yet held, planned — after the deadline of its level and term.</summary>
    public static bool IsLate(PartyCongress congress, CongressDeadline? deadline) =>
        deadline is not null && congress.ScheduledDate > deadline.Deadline;

    /// <summary>Status only moves forward, and a congress is held only with the date it was held.</summary>
    public static string? RefuseTransition(CongressStatus from, CongressStatus to, DateOnly? actualDate)
    {
        if (to < from)
        {
            return $"cannot go back from {from} to {to}";
        }
        if (to == CongressStatus.Held && actualDate is null)
        {
            return "a held congress needs its actual_date";
        }
        if (to != CongressStatus.Held && actualDate is not null)
        {
            return "actual_date is set only when the congress is held";
        }
        return null;
    }
}
