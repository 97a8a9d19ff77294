using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Model;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Security;

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
/// from overwriting each other):
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
        // Claimed until the commit, skipping what another replica's sweep holds (as the overdue tasks below).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var late = await db.Set<LedConference>()
            .FromSql($"SELECT c.*, c.xmin FROM joint_conferences c WHERE c.status = {ConferenceStatuses.Planning} AND c.response_deadline < {today} FOR UPDATE SKIP LOCKED")
            .Include(c => c.Participants)
            .Where(c => c.Participants.Any(p => !p.Excluded && !p.Overdue))
            .ToListAsync(cancellationToken);
        foreach (var conference in late)
        {
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
        // each falls overdue (and its lead is told) once.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Set<OwnedTask>()
            .FromSql($"SELECT t.*, t.xmin FROM joint_tasks t WHERE NOT t.done AND NOT t.overdue AND t.due_date < {today} ORDER BY t.due_date LIMIT {Batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var task in due.Where(t => t.MarkOverdue(today, Clock.GetUtcNow())))
        {
            await process.TellLeadAsync(task, new JointTaskFellOverdue(task.ToState(), actor), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
