using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Model;
using Platform.ServiceDefaults.Hosting;
using Platform.Api.Security;

namespace Platform.JointPlanning.Infrastructure;

/// <summary>JointPlanning section: how often the deadlines are swept.</summary>
public sealed class JointPlanningOptions
{
    public const string Section = "JointPlanning";
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The periodic sweep of the deadlines joint planning keeps (no timer in memory: a restart loses nothing,
/// and several instances may sweep at once: due tasks are claimed with SKIP LOCKED, row versions keep the rest
/// from overwriting each other). The sweep never waits for a row lock: writers lock a participant or a task
/// owner's copy before its conference or task, the reverse of the sweep's order, so a sweep that waited could
/// deadlock with them (PostgreSQL 40P01, seen in the system tests); it skips rows a writer holds instead:
/// co-organizers not ready by the response deadline are reported to the lead, and tasks not done by their
/// due date fall overdue and their lead is told.
/// </summary>
public sealed class JointPlanningSweep<TContext>(
    IServiceScopeFactory scopes, JointPlanningOptions options, TimeProvider clock, ILogger<JointPlanningSweep<TContext>> logger)
    : PeriodicWork(options.SweepInterval, clock, logger) where TContext : DbContext
{
    private const int Batch = 500;

    public override Task RunOnceAsync(CancellationToken cancellationToken) => SweepOnceAsync(cancellationToken);

    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        await ReportLateParticipantsAsync(cancellationToken);
        while (await MarkOverdueTasksAsync(cancellationToken) == Batch)
        {
        }
    }

    private async Task ReportLateParticipantsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var service = scope.ServiceProvider.GetRequiredService<ServiceIdentity>();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = CurrentActor.System("deadline-sweep", service.Body);
        var today = VietnamTime.Today(Clock);
        // The sweep never waits for a lock (see the class comment): it claims the late conferences, then their
        // participant rows, each with SKIP LOCKED, and leaves a conference whose rows a writer holds to the next sweep.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Database.SqlQuery<string>(
            $"SELECT c.id AS \"Value\" FROM joint_conferences c WHERE c.status = {ConferenceStatuses.Planning} AND c.response_deadline < {today} AND EXISTS (SELECT 1 FROM joint_conference_participants p WHERE p.conference_id = c.id AND NOT p.excluded AND NOT p.overdue) FOR UPDATE OF c SKIP LOCKED")
            .ToArrayAsync(cancellationToken);
        var participantsClaimed = (await db.Database.SqlQuery<string>(
                $"SELECT p.conference_id AS \"Value\" FROM joint_conference_participants p WHERE p.conference_id = ANY({claimed}) FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken))
            .CountBy(id => id).ToDictionary();
        // Read after the claims, so what is judged is what the rows hold now.
        var late = await db.Set<LedConference>().Include(c => c.Participants).Where(c => claimed.Contains(c.Id)).ToListAsync(cancellationToken);
        foreach (var conference in late)
        {
            if (conference.Participants.Count != participantsClaimed.GetValueOrDefault(conference.Id))
            {
                Logger.LogDebug("Conference {ConferenceId}: a writer holds a participant; the next sweep looks again", conference.Id);
                continue;
            }
            foreach (var participant in conference.Required.Where(p => !p.IsReady && !p.Overdue))
            {
                participant.Overdue = true;
                conference.UpdatedAt = Clock.GetUtcNow();
                Logger.LogInformation("Conference {ConferenceId}: {Body} is not ready after the response deadline", conference.Id, participant.Body);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<int> MarkOverdueTasksAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var service = scope.ServiceProvider.GetRequiredService<ServiceIdentity>();
        var actor = CurrentActor.System("deadline-sweep", service.Body);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        var process = scope.ServiceProvider.GetRequiredService<ConferenceProcess>();
        var today = VietnamTime.Today(Clock);
        // Claimed until the commit, skipping what another replica's sweep holds: replicas share the due tasks, and
        // each falls overdue (and its lead is told) once. The lead's copy of its own task is claimed the same way,
        // since a progress report holds the copy and then waits for the task.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Set<OwnedTask>()
            .FromSql($"SELECT t.*, t.xmin FROM joint_tasks t WHERE NOT t.done AND NOT t.overdue AND t.due_date < {today} ORDER BY t.due_date LIMIT {Batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        var led = due.Where(t => t.LeadBody == service.Body).Select(t => t.Id).ToArray();
        // One round trip: claim the copies that are free, and name those a writer holds (they exist but were skipped).
        var held = (await db.Database.SqlQuery<string>($"""
                WITH claimed AS (
                    SELECT c.task_id FROM joint_task_owner_states c
                    WHERE c.task_id = ANY({led}) AND c.owner_body = {service.Body} FOR UPDATE SKIP LOCKED)
                SELECT s.task_id AS "Value" FROM joint_task_owner_states s
                WHERE s.task_id = ANY({led}) AND s.owner_body = {service.Body} AND s.task_id NOT IN (SELECT task_id FROM claimed)
                """)
            .ToListAsync(cancellationToken)).ToHashSet();
        foreach (var task in due.Where(t => !held.Contains(t.Id) && t.MarkOverdue(today, Clock.GetUtcNow())))
        {
            await process.TellLeadAsync(task, new JointTaskFellOverdue(task.ToState(), actor), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // A full batch with none held back means more may be due; a held task waits for the next sweep.
        return held.Count == 0 ? due.Count : 0;
    }
}
