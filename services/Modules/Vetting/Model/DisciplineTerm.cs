using Platform.Contracts.IntegrationEvents;
using Platform.Vietnamese;

namespace Platform.Vetting.Model;

/// <summary>Where a discipline decision stands on election day, for a rule that looks back a number of months.</summary>
public enum DisciplineStanding
{
    /// <summary>Decided before the look-back and over before election day.</summary>
    Clear,
    /// <summary>Decided within the look-back, or still running on election day.</summary>
    Counts,
    /// <summary>Decided before the look-back with no end recorded: whether it still runs cannot be told.</summary>
    Unknown,
}

/// <summary>
/// The look-back both bodies apply to discipline (Party discipline at the Organization, administrative
/// discipline at Home Affairs): a decision counts against a candidate if it was taken within the look-back
/// before election day, or if it still runs on election day (its end date on or after it).
/// </summary>
public static class DisciplineTerm
{
    public static DateOnly LookBackStart(DateOnly electionDay, int lookBackMonths) => electionDay.AddMonths(-lookBackMonths);

    public static DisciplineStanding On(DateOnly decided, DateOnly? expires, DateOnly electionDay, int lookBackMonths) =>
        decided >= LookBackStart(electionDay, lookBackMonths) || expires >= electionDay ? DisciplineStanding.Counts
        : expires is null ? DisciplineStanding.Unknown
        : DisciplineStanding.Clear;

    /// <summary>"kỷ luật: Khiển trách, 2020-11-03, hết hạn 2021-11-03" (or "không ghi ngày hết hạn").</summary>
    public static string Fact(string form, DateOnly decided, DateOnly? expires) =>
        $"kỷ luật: {form}, {decided.ToVietnamese()}, " + (expires is { } end ? $"hết hạn {end.ToVietnamese()}" : "không ghi ngày hết hạn");

    /// <summary>"ngày bầu cử 2021-05-23; xét kỷ luật từ 2020-05-23 (12 tháng)".</summary>
    public static string WindowFact(DateOnly electionDay, int lookBackMonths) =>
        $"ngày bầu cử {electionDay.ToVietnamese()}; xét kỷ luật từ {LookBackStart(electionDay, lookBackMonths).ToVietnamese()} ({lookBackMonths} tháng)";

    /// <summary>
    /// One finding for all of a person's discipline decisions: FAIL (disqualifying) if any counts, CANNOT_TELL if
    /// any may still run for want of an end date, else PASS. The facts name the window and every decision.
    /// </summary>
    public static VettingFinding Evaluate(
        VettingRule rule, IEnumerable<(string Form, DateOnly Decided, DateOnly? Expires)> decisions, DateOnly electionDay, int lookBackMonths)
    {
        var standings = decisions.Select(d => (Standing: On(d.Decided, d.Expires, electionDay, lookBackMonths), Fact: Fact(d.Form, d.Decided, d.Expires))).ToList();
        List<string> facts = standings.Count == 0
            ? [WindowFact(electionDay, lookBackMonths), "không có kỷ luật"]
            : standings.Select(s => s.Fact).Prepend(WindowFact(electionDay, lookBackMonths)).ToList();
        return standings.Any(s => s.Standing == DisciplineStanding.Counts) ? rule.Fail(disqualifying: true, facts)
            : standings.Any(s => s.Standing == DisciplineStanding.Unknown) ? rule.CannotTell(facts)
            : rule.Pass(facts);
    }
}
