namespace Platform.Contracts.IntegrationEvents;

// Cross-body candidate vetting (không để sót, không để lọt). Delegate Affairs asks, in batches, what the
// Organization (cadre records) and Home Affairs (official records) know of its candidates; each answers a
// batch with findings. Every answer carries the answering body's own revision for that candidate, so
// Delegate Affairs keeps the newest and ignores one that arrives late, and the request number it answers,
// so Delegate Affairs knows the answer is to its latest question. Words travel as upper-case names:
// Sex "MALE"/"FEMALE", ElectionKind "NATIONAL_ASSEMBLY", "PROVINCIAL_PEOPLES_COUNCIL"…, Result "PASS",
// "FAIL" or "CANNOT_TELL".

/// <summary>
/// What a body needs to vet one candidate: who (national ID, name, birth date, sex), for which election,
/// and what the seat asks (full-time, first time or re-elected). <paramref name="Request"/> increases each
/// time Delegate Affairs asks again about this candidate.
/// </summary>
public sealed record VettingSubject(
    Guid CandidateId,
    long Request,
    string ElectionId,
    string ElectionKind,
    DateOnly ElectionDay,
    string NationalId,
    string FullName,
    DateOnly BirthDate,
    string Sex,
    bool PartyMember,
    bool FullTime,
    bool ReElected);

/// <summary>Delegate Affairs asks the bodies named to vet a batch of candidates (at most a few hundred per event).</summary>
public sealed record VettingRequested(Guid BatchId, IReadOnlyList<string> Bodies, IReadOnlyList<VettingSubject> Subjects, Actor RequestedBy);

/// <summary>
/// One rule applied to one candidate: the rule's key and title, the document it rests on (number and date),
/// the result, whether a FAIL disqualifies (else it calls for review), and the facts it used (personnel facts:
/// shown only to the owning body's vetting role and to Delegate Affairs reviewers).
/// </summary>
public sealed record VettingFinding(
    string Rule, string Title, string Document, DateOnly DocumentDate, string Result, bool Disqualifying, IReadOnlyList<string> Facts);

/// <summary>A body's findings on one candidate, as of its <paramref name="Revision"/>, answering request <paramref name="Request"/>.</summary>
public sealed record VettingAnswer(Guid CandidateId, long Request, long Revision, IReadOnlyList<VettingFinding> Findings);

/// <summary>
/// A body's answers for a batch: to a request, or unasked, when a record it holds changed (a new discipline
/// record, a Regulation 205 finding, a corrected birth date) and its findings on candidates changed with it.
/// </summary>
public sealed record VettingAnswered(Guid BatchId, string Body, IReadOnlyList<VettingAnswer> Answers, Actor AnsweredBy);
