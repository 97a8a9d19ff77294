using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.Messaging.Operations;

/// <summary>
/// platform.error_queue.depth{queue}: the messages waiting in each of this service's error queues, i.e. events that
/// failed every retry and wait for an operator (`Platform.Ops errors list`). Refreshed on the outbox backlog's interval
/// by one AMQP connection, not per scrape, so scrapers never become broker load.
/// </summary>
public sealed class ErrorQueueDepthGauge : PeriodicWork
{
    private readonly ConsumerQueues _queues;
    private readonly ErrorQueueBrowser _browser;
    private IReadOnlyDictionary<string, long> _depths = new Dictionary<string, long>();

    public ErrorQueueDepthGauge(
        ConsumerQueues queues, ErrorQueueBrowser browser, OutboxOptions options, TimeProvider clock, IMeterFactory meters,
        ILogger<ErrorQueueDepthGauge> logger)
        : base(options.BacklogInterval, clock, logger)
    {
        _queues = queues;
        _browser = browser;
        meters.Create(PlatformTelemetry.Messaging).CreateObservableGauge("platform.error_queue.depth", Observe, "{message}",
            "Messages in the service's error queues (failed every retry; an operator re-queues them once fixed).");
    }

    public override async Task RunOnceAsync(CancellationToken cancellationToken) =>
        Volatile.Write(ref _depths, await _browser.CountErrorsAsync(_queues.Names, cancellationToken));

    private IEnumerable<Measurement<long>> Observe() =>
        Volatile.Read(ref _depths).Select(depth => new Measurement<long>(depth.Value, new KeyValuePair<string, object?>("queue", depth.Key)));
}
