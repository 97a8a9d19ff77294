using Microsoft.Extensions.Logging;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Moves committed outbox messages to the broker: claim the oldest, publish them in order, delete
/// what the broker confirmed. A failure leaves the unpublished rest in place for the next try, after
/// a growing back-off. At-least-once: a crash between publish and delete re-sends a message with the
/// same id, which consumers' inboxes drop.
/// </summary>
public sealed class OutboxRelay(
    IOutboxStore store, IOutboxPublisher publisher, IOutboxSignal signal, OutboxOptions options, ILogger<OutboxRelay> logger)
{
    /// <summary>Publishes one batch; returns how many messages were sent. Throws if a publish failed.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var batch = await store.ClaimAsync(options.BatchSize, cancellationToken);
        var published = new List<OutboxMessage>(batch.Messages.Count);
        try
        {
            foreach (var message in batch.Messages)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.PublishTimeout);
                await publisher.PublishAsync(message, timeout.Token);
                published.Add(message);
            }
        }
        finally
        {
            // Whatever the broker confirmed is removed even if a later message failed, so it is not re-sent.
            if (published.Count > 0)
            {
                await batch.CompleteAsync(published, CancellationToken.None);
                MessagingMetrics.Published.Add(published.Count);
            }
        }
        return published.Count;
    }

    /// <summary>Relays until stopped: at once when woken, else every poll interval; backs off on failure.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var retryDelay = options.MinRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await RelayBatchAsync(stoppingToken);
                retryDelay = options.MinRetryDelay;
                if (sent == options.BatchSize)
                {
                    continue; // more may be waiting
                }
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                MessagingMetrics.PublishFailures.Add(1);
                logger.LogWarning(exception, "Outbox relay failed; retrying in {Delay}", retryDelay);
                try
                {
                    await Task.Delay(retryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, options.MaxRetryDelay.Ticks));
            }
        }
    }
}
