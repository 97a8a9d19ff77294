using Platform.Auditing;
using Platform.Api.Paging;

namespace Platform.Organization.Model;

public enum PartyStanding
{
    NotAMember = 1,
    Probationary = 2,
    FullMember = 3,
    Expelled = 4,
}

public enum SuccessionPlanStatus
{
    NotPlanned = 1,
    Planned = 2,
    Removed = 3,
}

public enum Regulation205FindingKind
{
    /// <summary>Chạy chức, chạy quyền (Regulation 205-QĐ/TW, art. 10).</summary>
    PositionSeeking = 1,
    /// <summary>Tiếp tay, bao che (art. 11).</summary>
    Abetting = 2,
}

public sealed record DisciplineRecord(DateOnly DecidedDate, string Form, string Reason, DateOnly? ExpiresDate);

public sealed record Regulation205Finding(Regulation205FindingKind Kind, string Description, DateOnly FoundDate, DateOnly? SanctionUntil);

public sealed record RelativeInLinkedPost(string FullName, string Relation, string Post);

/// <summary>A cadre record (hồ sơ cán bộ), keyed by national ID number. A personnel file: Organization only.</summary>
public sealed class CadreRecord : IAuditable
{
    public required string NationalId { get; init; }
    public string FullName { get; private set; } = "";
    public string SearchName { get; private set; } = "";
    /// <summary>Folded name and national ID: orders and pages lists by name.</summary>
    public string ListKey { get; private set; } = "";
    public DateOnly BirthDate { get; set; }
    public required string Sex { get; set; }
    public string Position { get; set; } = "";
    public PartyStanding PartyStanding { get; set; }
    public DateOnly? PartyJoinedDate { get; set; }
    public SuccessionPlanStatus SuccessionPlanStatus { get; set; }
    public List<DisciplineRecord> DisciplineRecords { get; set; } = [];
    public List<Regulation205Finding> Regulation205Findings { get; set; } = [];
    public List<RelativeInLinkedPost> RelativesInLinkedPosts { get; set; } = [];
    public uint RowVersion { get; private set; }

    public string AuditResource => $"cadre-records/{NationalId}";

    public void SetName(string fullName) => (FullName, SearchName, ListKey) = NameSearch.Keys(fullName, NationalId);
}
