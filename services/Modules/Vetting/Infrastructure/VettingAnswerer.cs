using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.IntegrationEvents;
using Platform.Messaging.Outbox;
using Platform.Api.Security;
using Platform.Vetting.Model;

namespace Platform.Vetting.Infrastructure;

/// <summary>
/// This body's side of vetting, inside the caller's unit of work (the inbox's transaction for a request, the
/// API's for a record change): it keeps the candidates asked about, vets a whole batch against the records
/// read at once, and puts ONE <see cref="VettingAnswered"/> for the batch in the outbox, saved with the rest.
/// </summary>
public sealed class VettingAnswerer(DbContext db, IVettingRules rules, ServiceIdentity service, CurrentActor actor, TimeProvider clock)
{
    public string Body => service.Body;

    /// <summary>Answers a request: each subject kept (the later request wins), all of them vetted, one answer for the batch.</summary>
    public async Task AnswerAsync(VettingRequested request, CancellationToken cancellationToken)
    {
        // A candidate named twice in one batch is asked once, at its latest request.
        var asked = request.Subjects.GroupBy(s => s.CandidateId).Select(g => g.MaxBy(s => s.Request)!).ToList();
        if (asked.Count == 0)
        {
            return;
        }
        await PersonLocks.TakeAsync(db, asked.Select(s => s.NationalId), cancellationToken);
        var ids = asked.Select(s => s.CandidateId).ToArray();
        var held = await db.Set<VettedCandidate>().Where(c => ids.Contains(c.CandidateId)).ToDictionaryAsync(c => c.CandidateId, cancellationToken);
        var candidates = asked.Select(subject =>
        {
            if (held.TryGetValue(subject.CandidateId, out var candidate))
            {
                candidate.Take(subject);
                return candidate;
            }
            candidate = VettedCandidate.From(subject);
            db.Set<VettedCandidate>().Add(candidate);
            return candidate;
        }).ToList();
        await AnswerForAsync(request.BatchId, candidates, cancellationToken);
    }

    /// <summary>
    /// Re-vets, unasked, every candidate who is one of these people, after a change of their records in this
    /// unit of work. Call it after changing the records and before SaveChanges, inside an explicit transaction:
    /// the lock it takes (released at commit) keeps a request answered at the same moment from judging the
    /// record as it was while this change misses the candidate it is adding.
    /// </summary>
    public async Task RevetAsync(IReadOnlyCollection<string> nationalIds, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Re-vetting must run in the transaction that saves the record change.");
        }
        await PersonLocks.TakeAsync(db, nationalIds, cancellationToken);
        var ids = nationalIds.Distinct().ToArray();
        var candidates = await db.Set<VettedCandidate>().Where(c => ids.Contains(c.NationalId)).OrderBy(c => c.CandidateId).ToListAsync(cancellationToken);
        if (candidates.Count > 0)
        {
            await AnswerForAsync(NewId.NextGuid(), candidates, cancellationToken);
        }
    }

    private async Task AnswerForAsync(Guid batchId, IReadOnlyList<VettedCandidate> candidates, CancellationToken cancellationToken)
    {
        var findings = await rules.VetAsync(candidates.Select(c => c.Subject).ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        var answers = candidates.Select((candidate, i) => candidate.Answer(findings[i], now)).ToList();
        db.AddIntegrationEvent(new VettingAnswered(batchId, service.Body, answers, actor.Actor ?? CurrentActor.System("vetting", service.Body)));
    }
}
