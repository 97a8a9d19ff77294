namespace Platform.Contracts.IntegrationEvents;

/// <summary>
/// A name an administrative unit had before its current one, and the last day it had it. A code outlives a name when
/// a merged unit keeps one of its parts' codes: from 1/7/2025 "15" is Tỉnh Lào Cai, until 30/6/2025 it was Tỉnh Yên Bái
/// (Resolution 202/2025/QH15; codes by Decision 19/2025/QĐ-TTg). Records of that time keep reading the old name.
/// </summary>
public sealed record FormerName(string Name, DateOnly ValidTo)
{
    /// <summary>
    /// The name a unit had on <paramref name="date"/>: the earliest former name whose last day is on or after it, else
    /// the current one (also for a date after the unit closed: it closed under its last name).
    /// </summary>
    public static string NameOn(string current, IEnumerable<FormerName>? former, DateOnly date) =>
        former?.Where(f => date <= f.ValidTo).OrderBy(f => f.ValidTo).FirstOrDefault()?.Name ?? current;
}
