using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.Messaging;

/// <summary>
/// The counters of the outbox and the inbox (in Prometheus: platform_outbox_published_total, …). They count for the
/// whole process, which is one service; the gauges of the backlog are in <see cref="Outbox.OutboxBacklogGauges{TContext}"/>.
/// They are observable counters read from totals kept here, so that each is exported from the start, at 0 (the inbox's
/// for every consumer <see cref="DeclareConsumer"/> named at startup): a rate or an alert on an increase then works from
/// the first scrape, where a counter that appeared only with its first event would hide that first increase.
/// </summary>
internal static class MessagingMetrics
{
    private static readonly Meter Meter = new(PlatformTelemetry.Messaging);
    private static readonly ConcurrentDictionary<string, ConsumerTotals> Consumers = new(StringComparer.Ordinal);
    private static long _published;
    private static long _publishFailures;

    static MessagingMetrics()
    {
        Meter.CreateObservableCounter("platform.outbox.published", () => Volatile.Read(ref _published), "{message}",
            "Outbox messages the broker confirmed (and the relay then deleted).");
        Meter.CreateObservableCounter("platform.outbox.publish_failures", () => Volatile.Read(ref _publishFailures), "{batch}",
            "Relay batches that failed (the broker unreachable or not confirming); retried after a back-off.");
        Meter.CreateObservableCounter("platform.inbox.applied", () => PerConsumer(totals => totals.Applied), "{message}",
            "Messages a consumer applied (their inbox row and effect committed together).");
        Meter.CreateObservableCounter("platform.inbox.duplicates_suppressed", () => PerConsumer(totals => totals.DuplicatesSuppressed), "{message}",
            "Redelivered messages the inbox acknowledged without applying them again.");
    }

    /// <summary>Makes the consumer's inbox counters exist, at 0, before its first message.</summary>
    public static void DeclareConsumer(string consumer) => Consumers.GetOrAdd(consumer, _ => new ConsumerTotals());

    public static void Published(long messages) => Interlocked.Add(ref _published, messages);

    public static void PublishFailed() => Interlocked.Increment(ref _publishFailures);

    public static void Applied(string consumer) => Interlocked.Increment(ref Consumers.GetOrAdd(consumer, _ => new ConsumerTotals()).Applied);

    public static void DuplicateSuppressed(string consumer) =>
        Interlocked.Increment(ref Consumers.GetOrAdd(consumer, _ => new ConsumerTotals()).DuplicatesSuppressed);

    private static IEnumerable<Measurement<long>> PerConsumer(Func<ConsumerTotals, long> read) =>
        Consumers.Select(consumer => new Measurement<long>(read(consumer.Value), new KeyValuePair<string, object?>("consumer", consumer.Key)));

    private sealed class ConsumerTotals
    {
        public long Applied;
        public long DuplicatesSuppressed;
    }
}
