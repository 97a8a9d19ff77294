using System.Diagnostics.Metrics;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.Messaging;

/// <summary>
/// The counters of the outbox and the inbox (in Prometheus: platform_outbox_published_total, …). They count for the
/// whole process, which is one service; the gauges of the backlog are in <see cref="Outbox.OutboxBacklogGauges{TContext}"/>.
/// </summary>
internal static class MessagingMetrics
{
    private static readonly Meter Meter = new(PlatformTelemetry.Messaging);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "platform.outbox.published", "{message}", "Outbox messages the broker confirmed (and the relay then deleted).");

    public static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>(
        "platform.outbox.publish_failures", "{batch}", "Relay batches that failed (the broker unreachable or not confirming); retried after a back-off.");

    public static readonly Counter<long> Applied = Meter.CreateCounter<long>(
        "platform.inbox.applied", "{message}", "Messages a consumer applied (their inbox row and effect committed together).");

    public static readonly Counter<long> DuplicatesSuppressed = Meter.CreateCounter<long>(
        "platform.inbox.duplicates_suppressed", "{message}", "Redelivered messages the inbox acknowledged without applying them again.");
}
