namespace Platform.DelegateAffairs.Model;

public enum ElectionKind
{
    NationalAssembly = 1,
    ProvincialPeoplesCouncil = 2,
    DistrictPeoplesCouncil = 3,
    CommunePeoplesCouncil = 4,
}

/// <summary>An election (cuộc bầu cử) of deputies for a term, held on one election day under one law version.</summary>
public sealed class Election : Platform.Auditing.IAuditable
{
    public required string Id { get; init; }
    public ElectionKind Kind { get; set; }
    /// <summary>The term (khóa), e.g. "XV".</summary>
    public required string Term { get; set; }
    public int TermStartYear { get; set; }
    public int TermEndYear { get; set; }
    public DateOnly ElectionDay { get; set; }
    /// <summary>The law version whose rules (deadlines, seats) apply, e.g. "85/2015/QH13".</summary>
    public required string LawCode { get; set; }
    public int TotalSeats { get; set; }
    public int CentralSeats { get; set; }
    public int LocalSeats { get; set; }
    public uint RowVersion { get; private set; }

    public string AuditResource => $"elections/{Id}";

    /// <summary>National Assembly or People's Council: the family whose constituency rules apply.</summary>
    public ElectionFamily Family => Kind == ElectionKind.NationalAssembly ? ElectionFamily.NationalAssembly : ElectionFamily.PeoplesCouncil;
}

public enum ElectionFamily
{
    NationalAssembly = 1,
    PeoplesCouncil = 2,
}
