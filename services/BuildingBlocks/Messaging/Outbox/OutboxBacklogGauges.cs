using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.Messaging.Outbox;

/// <summary>
/// How far the relay is behind: platform.outbox.backlog (unsent rows) and platform.outbox.oldest_age (seconds since
/// the oldest unsent event was added). One small query every <see cref="OutboxOptions.BacklogInterval"/> refreshes
/// them, not every scrape (several Prometheus servers, or a scrape storm, must not become database load); the age is
/// computed at the scrape from the stored oldest time, so it grows between refreshes as a stuck event's would.
/// </summary>
public sealed class OutboxBacklogGauges<TContext> : PeriodicWork where TContext : DbContext
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private long _backlog;
    private DateTimeOffset? _oldest;

    public OutboxBacklogGauges(
        IServiceScopeFactory scopes, OutboxOptions options, TimeProvider clock, IMeterFactory meters, ILogger<OutboxBacklogGauges<TContext>> logger)
        : base(options.BacklogInterval, clock, logger)
    {
        _scopes = scopes;
        _clock = clock;
        var meter = meters.Create(PlatformTelemetry.Messaging);
        meter.CreateObservableGauge("platform.outbox.backlog", () => Interlocked.Read(ref _backlog), "{message}",
            "Outbox messages committed but not yet confirmed by the broker.");
        meter.CreateObservableGauge("platform.outbox.oldest_age", ObserveOldestAge, "s",
            "Seconds since the oldest unsent outbox message was added (0 when none waits).");
    }

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var backlog = await db.Set<OutboxMessage>()
            .GroupBy(_ => 1)
            .Select(rows => new { Count = rows.LongCount(), Oldest = rows.Min(m => m.OccurredAt) })
            .FirstOrDefaultAsync(cancellationToken);
        lock (this)
        {
            _oldest = backlog?.Oldest;
            Interlocked.Exchange(ref _backlog, backlog?.Count ?? 0);
        }
    }

    private double ObserveOldestAge()
    {
        DateTimeOffset? oldest;
        lock (this)
        {
            oldest = _oldest;
        }
        return oldest is { } since ? Math.Max(0, (_clock.GetUtcNow() - since).TotalSeconds) : 0;
    }
}
