using Microsoft.EntityFrameworkCore;
using Platform.Contracts.IntegrationEvents;
using Platform.DelegateAffairs.Model;
using Platform.Messaging.Outbox;
using Platform.Api.Security;

namespace Platform.DelegateAffairs.Infrastructure;

/// <summary>Vetting section: how long the other bodies have to answer, and how often the deadline is swept.</summary>
public sealed class VettingOptions
{
    public const string Section = "Vetting";
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The steps of Delegate Affairs' vetting process manager, set-based so that a batch of candidates costs a
/// handful of queries: ask the other bodies (one event per <see cref="BatchSize"/> candidates), keep its own
/// law checks current, take the bodies' answers, and judge what the deadline leaves unanswered. Every step
/// runs in the caller's unit of work; the rows and the events are saved by one SaveChanges.
/// </summary>
public sealed class VettingProcess(DelegateAffairsDbContext db, CurrentActor actor, TimeProvider clock, VettingOptions options)
{
    public const int BatchSize = 500;

    /// <summary>Starts (or starts again) the vetting of candidates just recorded or changed, asking the other bodies.</summary>
    public async Task RequestAsync(IReadOnlyCollection<Candidate> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var ids = candidates.Select(c => c.Id).ToList();
        var vettings = await db.CandidateVettings.Where(v => ids.Contains(v.CandidateId)).ToDictionaryAsync(v => v.CandidateId, cancellationToken);
        var elections = await ElectionsAsync(candidates.Select(c => c.ElectionId), cancellationToken);
        var subjects = new List<VettingSubject>();
        foreach (var candidate in candidates)
        {
            if (!vettings.TryGetValue(candidate.Id, out var vetting))
            {
                vetting = new CandidateVetting { CandidateId = candidate.Id, ElectionId = candidate.ElectionId };
                db.CandidateVettings.Add(vetting);
                vettings[candidate.Id] = vetting;
            }
            vetting.AskAgain(now, options.AnswerWithin);
            subjects.Add(Subject(candidate, elections[candidate.ElectionId], vetting.Request));
        }
        // The law checks of these candidates and of those standing beside them (the margin counts everyone).
        await RefreshOwnFindingsAsync(candidates.Select(c => c.ConstituencyId).Distinct().ToList(), candidates, vettings, cancellationToken);
        foreach (var batch in subjects.Chunk(BatchSize))
        {
            db.AddIntegrationEvent(new VettingRequested(Guid.NewGuid(), CandidateVetting.AskedBodies, batch, Actor));
        }
    }

    /// <summary>
    /// Recomputes Delegate Affairs' own findings for every candidate of the constituencies given (a candidate
    /// joining or leaving changes the margin of all of them). <paramref name="changed"/> are candidates of this
    /// unit of work, newer than the database.
    /// </summary>
    public async Task RefreshOwnFindingsAsync(IReadOnlyCollection<string> constituencyIds, IReadOnlyCollection<Candidate>? changed = null,
        Dictionary<Guid, CandidateVetting>? known = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var changedById = (changed ?? []).ToDictionary(c => c.Id);
        var stored = await db.Candidates.Where(c => constituencyIds.Contains(c.ConstituencyId)).ToListAsync(cancellationToken);
        var everyone = stored.Where(c => !changedById.ContainsKey(c.Id)).Concat(changedById.Values)
            .Where(c => constituencyIds.Contains(c.ConstituencyId)).ToList();
        var constituencies = await db.Constituencies.AsNoTracking().Where(c => constituencyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var elections = await ElectionsAsync(everyone.Select(c => c.ElectionId), cancellationToken);
        var lawCodes = elections.Values.Select(e => e.LawCode).Distinct().ToList();
        var rules = await db.CandidateMarginRules.AsNoTracking().Where(r => lawCodes.Contains(r.LawCode)).ToListAsync(cancellationToken);
        var missing = everyone.Select(c => c.Id).Where(id => known is null || !known.ContainsKey(id)).ToList();
        var vettings = known ?? [];
        foreach (var vetting in await db.CandidateVettings.Where(v => missing.Contains(v.CandidateId)).ToListAsync(cancellationToken))
        {
            vettings[vetting.CandidateId] = vetting;
        }
        var standing = everyone.Where(c => c.Status != CandidateStatus.Withdrawn).GroupBy(c => c.ConstituencyId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var candidate in everyone)
        {
            if (!vettings.TryGetValue(candidate.Id, out var vetting))
            {
                continue; // recorded before vetting existed and never asked about
            }
            var election = elections[candidate.ElectionId];
            var constituency = constituencies[candidate.ConstituencyId];
            var minimum = ElectionRules.MinimumCandidates(election.Family, constituency.Seats, rules.Where(r => r.LawCode == election.LawCode));
            vetting.SetOwnFindings(LawChecks.Check(candidate, election, standing.GetValueOrDefault(candidate.ConstituencyId), minimum));
            vetting.Recompute(now);
        }
    }

    /// <summary>Takes a body's answers for a batch: each kept if newer than the one held, and the outcome recomputed.</summary>
    public async Task TakeAnswersAsync(VettingAnswered answered, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = answered.Answers.Select(a => a.CandidateId).Distinct().ToArray();
        // The Organization's and Home Affairs' answers to one batch arrive together and are taken concurrently. Lock
        // the rows first (in key order, so two batches cannot deadlock): the second waits for the first to commit
        // instead of losing on the row version at SaveChanges and taking its whole batch again after a back-off.
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM candidate_vettings WHERE candidate_id = ANY({ids}) ORDER BY candidate_id FOR UPDATE", cancellationToken);
        var vettings = await db.CandidateVettings.Where(v => ids.Contains(v.CandidateId)).ToDictionaryAsync(v => v.CandidateId, cancellationToken);
        foreach (var answer in answered.Answers)
        {
            if (vettings.TryGetValue(answer.CandidateId, out var vetting) && vetting.Take(answered.Body, answer, now))
            {
                vetting.Recompute(now);
            }
        }
    }

    /// <summary>Judges the vettings whose deadline passed with a body still silent: they need review. Returns how many.</summary>
    public async Task<int> SweepDeadlinesAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Locked until the caller's transaction commits, skipping what another replica's sweep holds: replicas share
        // the late vettings, and each turns to review once.
        var late = await db.CandidateVettings
            .FromSql($"SELECT v.*, v.xmin FROM candidate_vettings v WHERE v.status = {VettingStatuses.Pending} AND v.deadline < {now} ORDER BY v.deadline LIMIT {limit} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var vetting in late)
        {
            vetting.Recompute(now);
        }
        return late.Count;
    }

    private Actor Actor => actor.Actor ?? CurrentActor.System("vetting", LawChecks.Body);

    private async Task<Dictionary<string, Election>> ElectionsAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Elections.AsNoTracking().Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
    }

    private static VettingSubject Subject(Candidate candidate, Election election, long request) => new(
        candidate.Id, request, election.Id, KindName(election.Kind), election.ElectionDay, candidate.NationalId, candidate.FullName,
        candidate.BirthDate, candidate.Sex == Sex.Female ? "FEMALE" : "MALE", candidate.PartyMember, candidate.FullTime, candidate.ReElected);

    private static string KindName(ElectionKind kind) => kind switch
    {
        ElectionKind.NationalAssembly => "NATIONAL_ASSEMBLY",
        ElectionKind.ProvincialPeoplesCouncil => "PROVINCIAL_PEOPLES_COUNCIL",
        ElectionKind.DistrictPeoplesCouncil => "DISTRICT_PEOPLES_COUNCIL",
        _ => "COMMUNE_PEOPLES_COUNCIL",
    };
}
