using Platform.Contracts.IntegrationEvents;

namespace Platform.Vetting.Model;

/// <summary>
/// A candidate this body has been asked to vet: the latest question Delegate Affairs asked (the subject and its
/// request number), so that a later change of the person's record can be answered unasked, and this body's
/// answer revision for the candidate, which grows with every evaluation so Delegate Affairs keeps the newest.
/// </summary>
public sealed class VettedCandidate
{
    public required Guid CandidateId { get; init; }
    public required string NationalId { get; set; }
    public required VettingSubject Subject { get; set; }
    public long Request { get; set; }
    public long Revision { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    public uint RowVersion { get; private set; }

    public static VettedCandidate From(VettingSubject subject) =>
        new() { CandidateId = subject.CandidateId, NationalId = subject.NationalId, Subject = subject, Request = subject.Request };

    /// <summary>Keeps a question unless a later one is already held (requests may arrive out of order).</summary>
    public void Take(VettingSubject subject)
    {
        if (subject.Request < Request)
        {
            return;
        }
        Subject = subject;
        NationalId = subject.NationalId;
        Request = subject.Request;
    }

    /// <summary>A new evaluation: the next revision of this body's answer, to the latest question held.</summary>
    public VettingAnswer Answer(IReadOnlyList<VettingFinding> findings, DateTimeOffset now)
    {
        Revision++;
        AnsweredAt = now;
        return new VettingAnswer(CandidateId, Request, Revision, findings);
    }
}
