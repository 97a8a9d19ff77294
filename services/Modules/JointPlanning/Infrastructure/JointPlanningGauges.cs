using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.JointPlanning.Model;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.JointPlanning.Infrastructure;

/// <summary>
/// The lead's process manager as an operator sees it: platform.joint_planning.conferences (the conferences this body
/// leads, by status) and platform.joint_planning.participants (the bodies of conferences still planning, by readiness:
/// ready, not_ready, overdue — past the response deadline — and excluded, gone on without).
/// </summary>
public sealed class JointPlanningGauges<TContext> : QueriedGauges where TContext : DbContext
{
    private const string Conferences = "platform.joint_planning.conferences";
    private const string Participants = "platform.joint_planning.participants";
    private static readonly string[] KnownStatuses = [ConferenceStatuses.Planning, ConferenceStatuses.Scheduled, ConferenceStatuses.Concluded, ConferenceStatuses.Cancelled];

    private readonly IServiceScopeFactory _scopes;

    public JointPlanningGauges(IServiceScopeFactory scopes, GaugeOptions options, TimeProvider clock, IMeterFactory meters, ILogger<JointPlanningGauges<TContext>> logger)
        : base(PlatformTelemetry.JointPlanning, options, clock, meters, logger)
    {
        _scopes = scopes;
        Declare(Conferences, "{conference}", "Joint conferences this body leads, by status.");
        Declare(Participants, "{body}", "Bodies taking part in the conferences still planning, by readiness.");
    }

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var byStatus = await db.Set<LedConference>().GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        Set(Conferences, [.. KnownStatuses.Union(byStatus.Keys).Select(s => Value(byStatus.GetValueOrDefault(s), "status", s))]);

        // Readiness is the model's rule (accepted, agenda items, bridge points, report), so it is judged here, over the
        // few conferences still planning, not re-written in SQL.
        var planning = await db.Set<ConferenceParticipant>().AsNoTracking()
            .Where(p => db.Set<LedConference>().Any(c => c.Id == p.ConferenceId && c.Status == ConferenceStatuses.Planning))
            .ToListAsync(cancellationToken);
        var readiness = planning.GroupBy(p => p.Excluded ? "excluded" : p.IsReady ? "ready" : p.Overdue ? "overdue" : "not_ready")
            .ToDictionary(g => g.Key, g => g.LongCount());
        Set(Participants, [.. new[] { "ready", "not_ready", "overdue", "excluded" }.Select(r => Value(readiness.GetValueOrDefault(r), "readiness", r))]);
    }
}
