using Platform.Auditing;
using Platform.Api.Paging;

namespace Platform.HomeAffairs.Model;

public enum OfficialCategory
{
    /// <summary>Cán bộ.</summary>
    Cadre = 1,
    /// <summary>Công chức.</summary>
    CivilServant = 2,
    /// <summary>Viên chức.</summary>
    PublicEmployee = 3,
}

/// <summary>The level of a post, in the order seat rules compare them.</summary>
public enum PositionLevel
{
    Staff = 1,
    DivisionHead = 2,
    DepartmentDirector = 3,
    DirectorGeneral = 4,
    DeputyMinister = 5,
    Minister = 6,
}

public enum EducationLevel
{
    UpperSecondary = 1,
    College = 2,
    University = 3,
    Master = 4,
    Doctorate = 5,
}

public sealed record OfficialDiscipline(DateOnly DecidedDate, string Form, string Reason, DateOnly? ExpiresDate);

/// <summary>An official record (hồ sơ cán bộ, công chức, viên chức), keyed by national ID. A personnel file: Home Affairs only.</summary>
public sealed class OfficialRecord : IAuditable
{
    public required string NationalId { get; init; }
    public string FullName { get; private set; } = "";
    public string SearchName { get; private set; } = "";
    /// <summary>Folded name and national ID: orders and pages lists by name.</summary>
    public string ListKey { get; private set; } = "";
    public DateOnly BirthDate { get; set; }
    public required string Sex { get; set; }
    public required string Ethnicity { get; set; }
    public OfficialCategory Category { get; set; }
    public string Agency { get; set; } = "";
    public string Position { get; set; } = "";
    public PositionLevel PositionLevel { get; set; }
    public string Rank { get; set; } = "";
    public EducationLevel Education { get; set; }
    public List<OfficialDiscipline> DisciplineRecords { get; set; } = [];
    public uint RowVersion { get; private set; }

    public string AuditResource => $"official-records/{NationalId}";

    public void SetName(string fullName) => (FullName, SearchName, ListKey) = NameSearch.Keys(fullName, NationalId);
}
