namespace Platform.DelegateAffairs.Model;

/// <summary>A step of the timeline with its date.</summary>
public sealed record Milestone(TimelineRule Rule, DateOnly Date);

/// <summary>The quota figures of a group of candidates (a province or the whole list).</summary>
public sealed record CompositionCounts(int Total, int Women, int EthnicMinority, int NonParty, int Under40, int ReElected, int FullTime)
{
    public int Of(string criterion) => criterion switch
    {
        QuotaCriteria.Women => Women,
        QuotaCriteria.EthnicMinority => EthnicMinority,
        QuotaCriteria.NonParty => NonParty,
        QuotaCriteria.Under40 => Under40,
        QuotaCriteria.ReElected => ReElected,
        QuotaCriteria.FullTime => FullTime,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "not a quota criterion"),
    };
}

/// <summary>One constituency's candidates on the list and the seats they compete for.</summary>
public sealed record ConstituencyCounts(int Seats, CompositionCounts Counts);

/// <summary>What a quota line concludes.</summary>
public enum QuotaAssessment
{
    NoTarget,
    Met,
    NotMet,
    /// <summary>A target on the deputies elected that some outcome of the vote on this list reaches.</summary>
    Reachable,
    /// <summary>A target on the deputies elected that no outcome of the vote on this list can reach.</summary>
    NotReachable,
}

/// <summary>
/// One criterion's share of the list against one of its targets. For a target on the deputies elected, before the
/// results: the target in deputies for the seats, and the fewest and most deputies meeting the criterion that the
/// list makes possible.
/// </summary>
public sealed record QuotaResult(string Criterion, int Count, decimal ActualPercent, string Target, QuotaAssessment Assessment, string Source)
{
    public string Base { get; init; } = QuotaBases.CandidateList;
    public bool Approximate { get; init; }
    public decimal? MinPercent { get; init; }
    public decimal? MaxPercent { get; init; }
    public int? TargetMinDeputies { get; init; }
    public int? TargetMaxDeputies { get; init; }
    public int PossibleFewestDeputies { get; init; }
    public int PossibleMostDeputies { get; init; }

    /// <summary>Met on the list, or, on the deputies elected, reachable from it.</summary>
    public bool Met => Assessment is QuotaAssessment.Met or QuotaAssessment.Reachable or QuotaAssessment.NoTarget;
}

public static class QuotaCriteria
{
    public const string Women = "women";
    public const string EthnicMinority = "ethnic_minority";
    public const string NonParty = "non_party";
    public const string Under40 = "under_40";
    public const string ReElected = "re_elected";
    public const string FullTime = "full_time";

    public static readonly IReadOnlyList<string> All = [Women, EthnicMinority, NonParty, Under40, ReElected, FullTime];
}

/// <summary>The rules of an election, computed from its data: the timeline, constituency minimums, quotas.</summary>
public static class ElectionRules
{
    /// <summary>Each step's date: election day plus the step's offset (Law 85/2015 counts in days).</summary>
    public static IReadOnlyList<Milestone> Timeline(DateOnly electionDay, IEnumerable<TimelineRule> rules) =>
        rules.OrderBy(r => r.OffsetDays).ThenBy(r => r.Order)
            .Select(r => new Milestone(r, electionDay.AddDays(r.OffsetDays)))
            .ToList();

    /// <summary>The most seats a constituency of this family may have under the law's rules.</summary>
    public static int MaxSeats(ElectionFamily family, IEnumerable<CandidateMarginRule> rules) =>
        rules.Where(r => r.Family == family).Select(r => r.MaxSeats).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The fewest candidates a constituency needs for its seats (e.g. Assembly: seats + 2;
    /// People's Council: 1–2 seats +1, 3 seats +2, 4–5 seats +3). Null if the seats fit no rule.
    /// </summary>
    public static int? MinimumCandidates(ElectionFamily family, int seats, IEnumerable<CandidateMarginRule> rules) =>
        rules.FirstOrDefault(r => r.Family == family && seats >= r.MinSeats && seats <= r.MaxSeats) is { } rule
            ? seats + rule.ExtraCandidates
            : null;

    /// <summary>
    /// Each criterion's share of the list against each of its targets, on the target's own base; a criterion without
    /// a target is one line reported as met. A target on the list is met or not by the list's share; a target on the
    /// deputies elected is reachable when the fewest-to-most deputies the list can give (summed over constituencies:
    /// at least the seats its other candidates cannot fill, at most its candidates or its seats) meet the target's range.
    /// </summary>
    public static IReadOnlyList<QuotaResult> Quotas(IReadOnlyCollection<ConstituencyCounts> constituencies, IEnumerable<QuotaTarget> targets)
    {
        var counts = Sum(constituencies.Select(c => c.Counts));
        var seats = constituencies.Sum(c => c.Seats);
        var byCriterion = targets.ToLookup(t => t.Criterion);
        return QuotaCriteria.All.SelectMany(criterion =>
        {
            var count = counts.Of(criterion);
            var percent = counts.Total == 0 ? 0m : Math.Round(100m * count / counts.Total, 2);
            var fewest = constituencies.Sum(c => Math.Max(0, Math.Min(c.Seats, c.Counts.Total) - (c.Counts.Total - c.Counts.Of(criterion))));
            var most = constituencies.Sum(c => Math.Min(c.Counts.Of(criterion), c.Seats));
            var line = new QuotaResult(criterion, count, percent, "", QuotaAssessment.NoTarget, "") { PossibleFewestDeputies = fewest, PossibleMostDeputies = most };
            if (!byCriterion.Contains(criterion))
            {
                return [line];
            }
            return byCriterion[criterion].OrderBy(t => t.Base == QuotaBases.CandidateList ? 0 : 1).Select(target =>
            {
                var targeted = line with
                {
                    Target = Describe(target), Source = target.Source, Base = target.Base, Approximate = target.Approximate,
                    MinPercent = target.MinPercent, MaxPercent = target.MaxPercent,
                };
                if (target.Base == QuotaBases.CandidateList)
                {
                    var met = counts.Total > 0
                        && (target.MinPercent is null || percent >= target.MinPercent)
                        && (target.MaxPercent is null || percent <= target.MaxPercent);
                    return targeted with { Assessment = met ? QuotaAssessment.Met : QuotaAssessment.NotMet };
                }
                var (low, high) = Deputies(target, seats);
                var reachable = seats > 0 && (low is null || most >= low) && (high is null || fewest <= high);
                return targeted with
                {
                    TargetMinDeputies = low, TargetMaxDeputies = high,
                    Assessment = reachable ? QuotaAssessment.Reachable : QuotaAssessment.NotReachable,
                };
            });
        }).ToList();
    }

    public static CompositionCounts Sum(IEnumerable<CompositionCounts> counts) =>
        counts.Aggregate(new CompositionCounts(0, 0, 0, 0, 0, 0, 0), (sum, c) => new CompositionCounts(
            sum.Total + c.Total, sum.Women + c.Women, sum.EthnicMinority + c.EthnicMinority, sum.NonParty + c.NonParty,
            sum.Under40 + c.Under40, sum.ReElected + c.ReElected, sum.FullTime + c.FullTime));

    /// <summary>
    /// A target on the deputies elected in deputies for these seats, each bound rounded to the nearest deputy (the
    /// documents' own figures: 5–10 % of 500 is 25–50, about 32 % is about 160); "about" is one figure.
    /// </summary>
    private static (int? Low, int? High) Deputies(QuotaTarget target, int seats)
    {
        int? Of(decimal? percent) => percent is { } p ? (int)Math.Round(seats * p / 100m, MidpointRounding.AwayFromZero) : null;
        return target.Approximate ? (Of(target.MinPercent), Of(target.MinPercent)) : (Of(target.MinPercent), Of(target.MaxPercent));
    }

    private static string Describe(QuotaTarget target) => (target.MinPercent, target.MaxPercent) switch
    {
        ({ } about, _) when target.Approximate => $"khoảng {about:0.##}%",
        ({ } min, { } max) => $"{min:0.##}–{max:0.##}%",
        ({ } min, null) => $"≥ {min:0.##}%",
        (null, { } max) => $"≤ {max:0.##}%",
        _ => "",
    };
}
