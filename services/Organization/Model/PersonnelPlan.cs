using Platform.Auditing;

namespace Platform.Organization.Model;

/// <summary>Someone a personnel plan puts forward for the committee.</summary>
public sealed record Nominee(string FullName, DateOnly BirthDate, string Sex, bool FirstTime);

/// <summary>A personnel plan (phương án nhân sự) for a Party committee at its congress of a term.</summary>
public sealed class PersonnelPlan : IAuditable
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public PartyLevel Level { get; init; }
    public required string Term { get; init; }
    public int PlannedSize { get; set; }
    public DateOnly ReferenceDate { get; set; }
    public List<Nominee> Nominees { get; set; } = [];
    public uint RowVersion { get; private set; }

    public string AuditResource => $"personnel-plans/{Id}";
}

/// <summary>A structure target of a committee (e.g. under 40 at least 10%), as a directive or guidance sets it.</summary>
public sealed class StructureTarget
{
    public required string Term { get; init; }
    public required string Criterion { get; init; }
    public decimal? MinPercent { get; init; }
    public decimal? MaxPercent { get; init; }
    public required string Source { get; init; }
}

/// <summary>The earliest birth month a nominee of a sex, first-time or re-elected, may have at a level.</summary>
public sealed class AgeCutoff
{
    public required string Term { get; init; }
    public PartyLevel Level { get; init; }
    public required string Sex { get; init; }
    public bool FirstTime { get; init; }
    public DateOnly BornFrom { get; init; }
    public required string Source { get; init; }
}
