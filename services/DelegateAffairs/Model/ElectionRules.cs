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

/// <summary>One criterion's actual share against its target.</summary>
public sealed record QuotaResult(string Criterion, int Count, decimal ActualPercent, string Target, bool Met, string Source);

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

    /// <summary>Each criterion's share of the list against its target; a criterion without a target is reported as met.</summary>
    public static IReadOnlyList<QuotaResult> Quotas(CompositionCounts counts, IEnumerable<QuotaTarget> targets)
    {
        var byCriterion = targets.ToDictionary(t => t.Criterion);
        return QuotaCriteria.All.Select(criterion =>
        {
            var count = counts.Of(criterion);
            var percent = counts.Total == 0 ? 0m : Math.Round(100m * count / counts.Total, 2);
            if (!byCriterion.TryGetValue(criterion, out var target))
            {
                return new QuotaResult(criterion, count, percent, "", true, "");
            }
            var met = counts.Total > 0
                && (target.MinPercent is null || percent >= target.MinPercent)
                && (target.MaxPercent is null || percent <= target.MaxPercent);
            return new QuotaResult(criterion, count, percent, Describe(target), met, target.Source);
        }).ToList();
    }

    private static string Describe(QuotaTarget target) => (target.MinPercent, target.MaxPercent) switch
    {
        ({ } min, { } max) => $"{min:0.##}–{max:0.##}%",
        ({ } min, null) => $"≥ {min:0.##}%",
        (null, { } max) => $"≤ {max:0.##}%",
        _ => "",
    };
}
