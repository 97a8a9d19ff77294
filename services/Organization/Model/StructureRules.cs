using Platform.Vietnamese;

namespace Platform.Organization.Model;

public sealed record StructureLineResult(string Criterion, int Count, decimal ActualPercent, string Target, bool Met, string Source);

public sealed record AgeCheck(Nominee Nominee, AgeCutoff? Cutoff, bool Passes);

/// <summary>
/// The structure of a Party committee's personnel plan: shares of under-40s, of 40–50-year-olds and of women
/// against their targets, and each nominee against the age cut-off (Directive 35-CT/TW, Guidance 26-HD/BTCTW).
/// </summary>
public static class StructureRules
{
    private const string Source = "Chỉ thị 35-CT/TW (30/5/2019); Hướng dẫn 26-HD/BTCTW";

    public static readonly StructureTarget[] Targets2020To2025 =
    [
        new() { Term = "2020-2025", Criterion = "under_40", MinPercent = 10, Source = Source },
        new() { Term = "2020-2025", Criterion = "age_40_to_50", MinPercent = 40, MaxPercent = 50, Source = Source },
    ];

    /// <summary>Provincial committees (directly under the Centre): first-time men born from 9/1965, women 9/1970; re-elected men 3/1963, women 3/1968.</summary>
    public static readonly AgeCutoff[] AgeCutoffs2020To2025 =
    [
        new() { Term = "2020-2025", Level = PartyLevel.DirectlyUnderCentre, Sex = "male", FirstTime = true, BornFrom = new DateOnly(1965, 9, 1), Source = Source },
        new() { Term = "2020-2025", Level = PartyLevel.DirectlyUnderCentre, Sex = "female", FirstTime = true, BornFrom = new DateOnly(1970, 9, 1), Source = Source },
        new() { Term = "2020-2025", Level = PartyLevel.DirectlyUnderCentre, Sex = "male", FirstTime = false, BornFrom = new DateOnly(1963, 3, 1), Source = Source },
        new() { Term = "2020-2025", Level = PartyLevel.DirectlyUnderCentre, Sex = "female", FirstTime = false, BornFrom = new DateOnly(1968, 3, 1), Source = Source },
    ];

    public static IReadOnlyList<StructureLineResult> Lines(IReadOnlyCollection<Nominee> nominees, DateOnly referenceDate, IEnumerable<StructureTarget> targets)
    {
        var byCriterion = targets.ToDictionary(t => t.Criterion);
        var ages = nominees.Select(n => Ages.On(n.BirthDate, referenceDate)).ToList();
        (string Criterion, int Count)[] counts =
        [
            ("under_40", ages.Count(a => a < 40)),
            ("age_40_to_50", ages.Count(a => a is >= 40 and <= 50)),
            ("women", nominees.Count(n => n.Sex == "female")),
        ];
        return counts.Select(c =>
        {
            var percent = nominees.Count == 0 ? 0m : Math.Round(100m * c.Count / nominees.Count, 2);
            if (!byCriterion.TryGetValue(c.Criterion, out var target))
            {
                return new StructureLineResult(c.Criterion, c.Count, percent, "", true, "");
            }
            var met = nominees.Count > 0 && (target.MinPercent is null || percent >= target.MinPercent) && (target.MaxPercent is null || percent <= target.MaxPercent);
            var text = target.MaxPercent is { } max ? $"{target.MinPercent:0.##}–{max:0.##}%" : $"≥ {target.MinPercent:0.##}%";
            return new StructureLineResult(c.Criterion, c.Count, percent, text, met, target.Source);
        }).ToList();
    }

    /// <summary>Passes when born on or after the cut-off for the nominee's sex and standing; with no cut-off for the level, passes.</summary>
    public static IReadOnlyList<AgeCheck> AgeChecks(IEnumerable<Nominee> nominees, PartyLevel level, IEnumerable<AgeCutoff> cutoffs)
    {
        var applicable = cutoffs.Where(c => c.Level == level).ToList();
        return nominees.Select(n =>
        {
            var cutoff = applicable.FirstOrDefault(c => c.Sex == n.Sex && c.FirstTime == n.FirstTime);
            return new AgeCheck(n, cutoff, cutoff is null || n.BirthDate >= cutoff.BornFrom);
        }).ToList();
    }
}
