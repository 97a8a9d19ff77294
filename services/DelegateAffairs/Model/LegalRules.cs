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

/// <summary>
/// A composition target (cơ cấu) of an election, as a document sets it: a share of the candidate list (e.g. women
/// ≥ 35 %, Law 85/2015 art. 8) or of the deputies elected (e.g. about 50 under 40, NQ 1185), a bound or "about".
/// </summary>
public sealed class QuotaTarget
{
    public required string ElectionId { get; init; }
    /// <summary>women, ethnic_minority, non_party, under_40, re_elected, full_time.</summary>
    public required string Criterion { get; init; }
    /// <summary>What the share is of: <see cref="QuotaBases"/>.</summary>
    public string Base { get; init; } = QuotaBases.CandidateList;
    public decimal? MinPercent { get; init; }
    public decimal? MaxPercent { get; init; }
    /// <summary>The document says "khoảng" (about): a point to come near, MinPercent = MaxPercent, not a bound.</summary>
    public bool Approximate { get; init; }
    public required string Source { get; init; }
}

/// <summary>What a composition target is a share of.</summary>
public static class QuotaBases
{
    /// <summary>The official list of candidates (danh sách chính thức những người ứng cử).</summary>
    public const string CandidateList = "candidate_list";
    /// <summary>The deputies elected (đại biểu trúng cử): known only after the vote.</summary>
    public const string ElectedDeputies = "elected_deputies";
}
