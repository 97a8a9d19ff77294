using Platform.Contracts.IntegrationEvents;

namespace Platform.Vetting.Model;

/// <summary>The results a finding travels with (upper-case names, as the contracts spell them).</summary>
public static class VettingResults
{
    public const string Pass = "PASS";
    public const string Fail = "FAIL";
    /// <summary>The body cannot say: no record of the person, or a record missing what the rule needs. Never a pass.</summary>
    public const string CannotTell = "CANNOT_TELL";
}

/// <summary>
/// A vetting rule as its document lays it down: a stable key, a Vietnamese title, and the document it rests on
/// (number and date). A body lists its rules once, as data, and every finding cites the rule it applied.
/// </summary>
public sealed record VettingRule(string Key, string Title, string Document, DateOnly DocumentDate)
{
    public VettingFinding Pass(params IEnumerable<string> facts) => Finding(VettingResults.Pass, false, facts);

    /// <summary>A FAIL: <paramref name="disqualifying"/> makes the candidate ineligible, otherwise it calls for a reviewer.</summary>
    public VettingFinding Fail(bool disqualifying, params IEnumerable<string> facts) => Finding(VettingResults.Fail, disqualifying, facts);

    public VettingFinding CannotTell(params IEnumerable<string> facts) => Finding(VettingResults.CannotTell, false, facts);

    private VettingFinding Finding(string result, bool disqualifying, IEnumerable<string> facts) =>
        new(Key, Title, Document, DocumentDate, result, disqualifying, facts.ToList());
}
