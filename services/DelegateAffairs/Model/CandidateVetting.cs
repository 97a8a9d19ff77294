using Platform.Contracts.IntegrationEvents;
using Platform.Auditing;
using Platform.Vietnamese;

namespace Platform.DelegateAffairs.Model;

public static class VettingStatuses
{
    public const string Pending = "PENDING";
    public const string Eligible = "ELIGIBLE";
    public const string Ineligible = "INELIGIBLE";
    public const string NeedsReview = "NEEDS_REVIEW";
}

/// <summary>A body's latest findings on the candidate, as of its own revision, answering request <see cref="Request"/>.</summary>
public sealed record BodyAnswer(string Body, long Request, long Revision, DateTimeOffset AnsweredAt, IReadOnlyList<VettingFinding> Findings);

/// <summary>
/// A reviewer's decision on a vetting that needed review. It holds for the findings it was made on
/// (<see cref="Basis"/>); when they change, it no longer applies.
/// </summary>
/// <param name="SettledByName">The reviewer's name as their token gave it; null in settlements recorded before it was kept.</param>
public sealed record VettingSettlement(string Decision, string Reason, string SettledBy, DateTimeOffset SettledAt, string Basis, string? SettledByName = null);

/// <summary>
/// The vetting of one candidate, the state of Delegate Affairs' process manager: its own findings, each
/// other body's answer to the latest request, the deadline for answers, and the outcome with its reasons.
/// Its lists are replaced, never changed in place: change tracking compares them by reference and item.
/// </summary>
public sealed class CandidateVetting : IAuditable
{
    public static readonly IReadOnlyList<string> AskedBodies = ["organization", "home-affairs"];

    public Guid CandidateId { get; init; }
    public required string ElectionId { get; init; }
    /// <summary>Increases each time the other bodies are asked again (the candidate's facts changed).</summary>
    public long Request { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public IReadOnlyList<VettingFinding> OwnFindings { get; set; } = [];
    /// <summary>Increases when <see cref="OwnFindings"/> change.</summary>
    public long OwnRevision { get; set; }
    public IReadOnlyList<BodyAnswer> Answers { get; set; } = [];
    public string Status { get; set; } = VettingStatuses.Pending;
    public IReadOnlyList<string> Reasons { get; set; } = [];
    public VettingSettlement? Settlement { get; set; }
    /// <summary>The candidate was eligible (or settled so) and a later change made it ineligible.</summary>
    public bool Flagged { get; set; }
    public DateTimeOffset StatusChangedAt { get; set; }
    public uint RowVersion { get; set; }

    public string AuditResource => $"candidates/{CandidateId}/vetting";

    public BodyAnswer? AnswerOf(string body) => Answers.SingleOrDefault(a => a.Body == body);

    public bool HasAnswered(string body) => AnswerOf(body) is { } answer && answer.Request >= Request;

    /// <summary>Asks again: the other bodies' answers to earlier requests no longer count until they answer this one.</summary>
    public void AskAgain(DateTimeOffset now, TimeSpan answerWithin)
    {
        Request++;
        RequestedAt = now;
        Deadline = now + answerWithin;
    }

    public void SetOwnFindings(List<VettingFinding> findings)
    {
        if (!OwnFindings.SequenceEqual(findings, FindingComparer.Instance))
        {
            OwnFindings = findings;
            OwnRevision++;
        }
    }

    /// <summary>Takes a body's answer if newer than the one held; says whether it was.</summary>
    public bool Take(string body, VettingAnswer answer, DateTimeOffset now)
    {
        if (AnswerOf(body) is { } held && held.Revision >= answer.Revision)
        {
            return false;
        }
        Answers = [.. Answers.Where(a => a.Body != body), new BodyAnswer(body, answer.Request, answer.Revision, now, [.. answer.Findings])];
        return true;
    }

    /// <summary>What the findings were when a reviewer looked: the revisions of every part.</summary>
    public string Basis => string.Join(",", Answers.OrderBy(a => a.Body, StringComparer.Ordinal).Select(a => $"{a.Body}:{a.Revision}").Prepend($"own:{OwnRevision}"));

    public bool SettlementApplies => Settlement is not null && Settlement.Basis == Basis;

    /// <summary>
    /// Combines the findings into the outcome, always with reasons: a disqualifying fail makes the candidate
    /// ineligible; otherwise a body still silent keeps it pending until the deadline and needs review after;
    /// a "cannot tell" or a fail that is not disqualifying needs review (unless a reviewer settled it on these
    /// very findings); everything passed is eligible.
    /// </summary>
    public void Recompute(DateTimeOffset now)
    {
        var answered = Answers.Where(a => a.Request >= Request).ToList();
        var findings = OwnFindings.Select(f => (Body: "delegate-affairs", Finding: f))
            .Concat(answered.SelectMany(a => a.Findings.Select(f => (a.Body, Finding: f)))).ToList();
        var silent = AskedBodies.Where(b => !HasAnswered(b)).ToList();
        string status;
        List<string> reasons;
        var disqualifying = findings.Where(f => f.Finding.Result == "FAIL" && f.Finding.Disqualifying).ToList();
        var doubtful = findings.Where(f => f.Finding.Result == "CANNOT_TELL" || (f.Finding.Result == "FAIL" && !f.Finding.Disqualifying)).ToList();
        if (disqualifying.Count > 0)
        {
            (status, reasons) = (VettingStatuses.Ineligible, disqualifying.Select(Reason).ToList());
        }
        else if (silent.Count > 0 && now < Deadline)
        {
            (status, reasons) = (VettingStatuses.Pending, silent.Select(b => $"{b}: chưa trả lời (hạn {Deadline.ToVietnamese()})").ToList());
        }
        else if (silent.Count > 0 || doubtful.Count > 0)
        {
            reasons = [.. silent.Select(b => $"{b}: không trả lời trước hạn {Deadline.ToVietnamese()}"), .. doubtful.Select(Reason)];
            status = VettingStatuses.NeedsReview;
            if (SettlementApplies)
            {
                status = Settlement!.Decision;
                // In people's words: the reviewer's name and the day in Viet Nam, not a subject and an ISO date.
                var day = DateOnly.FromDateTime(Settlement.SettledAt.ToOffset(VietnameseDate.VietnamOffset).DateTime).ToVietnamese();
                reasons = [$"đã xem xét: {Settlement.Reason} ({Settlement.SettledByName ?? Settlement.SettledBy}, {day})", .. reasons];
            }
        }
        else
        {
            (status, reasons) = (VettingStatuses.Eligible, [$"đạt cả {findings.Count} tiêu chí"]);
        }
        if (status == VettingStatuses.Ineligible && Status == VettingStatuses.Eligible)
        {
            Flagged = true; // once eligible, now not: the list must hear of it
        }
        if (status != Status)
        {
            StatusChangedAt = now;
        }
        (Status, Reasons) = (status, reasons);
    }

    private static string Reason((string Body, VettingFinding Finding) f) =>
        $"{f.Body}: {f.Finding.Title} ({f.Finding.Document}) — {(f.Finding.Result == "CANNOT_TELL" ? "không xác định được" : "không đạt")}";

    // Findings hold a list of facts: compare them by value.
    private sealed class FindingComparer : IEqualityComparer<VettingFinding>
    {
        public static readonly FindingComparer Instance = new();

        public bool Equals(VettingFinding? x, VettingFinding? y) =>
            x is not null && y is not null && x with { Facts = [] } == y with { Facts = [] } && x.Facts.SequenceEqual(y.Facts);

        public int GetHashCode(VettingFinding obj) => HashCode.Combine(obj.Rule, obj.Result);
    }
}
