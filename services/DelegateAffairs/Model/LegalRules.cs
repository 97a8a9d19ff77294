namespace Platform.DelegateAffairs.Model;

/// <summary>A law version (e.g. Law 85/2015/QH13 of 25/6/2015) whose rules an election follows.</summary>
public sealed class ElectionLaw
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public DateOnly IssuedOn { get; init; }
}

/// <summary>
/// One step of an election's legal timeline: it falls <see cref="OffsetDays"/> days from election day
/// (negative: before). Data, so that an amended law (e.g. Law 83/2025/QH15) is a new set of rows.
/// </summary>
public sealed class TimelineRule
{
    public required string LawCode { get; init; }
    public required string Key { get; init; }
    public int Order { get; init; }
    public required string Title { get; init; }
    public int OffsetDays { get; init; }
    public required string Source { get; init; }
    /// <summary>Inferred from practice rather than set by the law's text.</summary>
    public bool Inferred { get; init; }
}

/// <summary>
/// How many candidates a constituency needs for its seats (Law 85/2015: an Assembly constituency elects
/// at most 3 and needs at least 2 more candidates than seats; a People's Council one elects at most 5).
/// </summary>
public sealed class CandidateMarginRule
{
    public required string LawCode { get; init; }
    public ElectionFamily Family { get; init; }
    public int MinSeats { get; init; }
    public int MaxSeats { get; init; }
    public int ExtraCandidates { get; init; }
    public required string Source { get; init; }
}

/// <summary>A composition target (cơ cấu) of an election's candidate list, as a document sets it.</summary>
public sealed class QuotaTarget
{
    public required string ElectionId { get; init; }
    /// <summary>women, ethnic_minority, non_party, under_40, re_elected, full_time.</summary>
    public required string Criterion { get; init; }
    public decimal? MinPercent { get; init; }
    public decimal? MaxPercent { get; init; }
    public required string Source { get; init; }
}
