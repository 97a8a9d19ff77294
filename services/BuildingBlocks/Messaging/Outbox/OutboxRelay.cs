using Microsoft.Extensions.Logging;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Moves committed outbox messages to the broker: claim the oldest, publish them in order, delete
/// what the broker confirmed. A failure leaves the unpublished rest in place for the next try, after
/// a growing back-off. At-least-once: a crash between publish and delete re-sends a message with the
/// same id, which consumers' inboxes drop.
/// <para>
/// The broker confirms a persistent message only once its queues have written it to disk or their consumers
/// have acknowledged it — milliseconds to tens of milliseconds. Waiting for each confirm before the next
/// publish capped a relay at a few dozen messages a second, so a batch's messages are published one after
/// another without waiting (<see cref="OutboxOptions.PipelinePublishes"/>) and their confirms awaited together,
/// and the relay claims and sends the next messages while earlier batches still wait for theirs
/// (<see cref="OutboxOptions.BatchesInFlight"/>; each batch's claim keeps its rows locked, so no row is in two).
/// A message whose publish failed may then be re-sent after later ones: consumers keep only a newer revision
/// than they hold, and their inboxes drop the re-sends.
/// </para>
/// </summary>
public sealed class OutboxRelay(
    IOutboxStore store, IOutboxPublisher publisher, IOutboxSignal signal, OutboxOptions options, ILogger<OutboxRelay> logger)
{
    /// <summary>Publishes one batch; returns how many messages were sent. Throws if a publish failed.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var batch = await store.ClaimAsync(options.BatchSize, cancellationToken);
        return await SendAsync(batch, cancellationToken);
    }

    /// <summary>Publishes a claimed batch and removes what the broker confirmed, even if a later message failed.</summary>
    private async Task<int> SendAsync(IOutboxBatch batch, CancellationToken cancellationToken)
    {
        var published = new List<OutboxMessage>(batch.Messages.Count);
        try
        {
            if (options.PipelinePublishes)
            {
                await PublishPipelinedAsync(batch.Messages, published, cancellationToken);
            }
            else
            {
                foreach (var message in batch.Messages)
                {
                    await PublishOneAsync(message, cancellationToken);
                    published.Add(message);
                }
            }
        }
        finally
        {
            // Whatever the broker confirmed is removed even if another message failed, so it is not re-sent.
            if (published.Count > 0)
            {
                await batch.CompleteAsync(published, CancellationToken.None);
                MessagingMetrics.Published(published.Count);
            }
        }
        return published.Count;
    }

    /// <summary>
    /// Starts each publish in sequence order without waiting for the previous confirm, and stops starting new ones
    /// once one has failed; collects the confirmed ones in <paramref name="published"/> and rethrows the first failure.
    /// </summary>
    private async Task PublishPipelinedAsync(IReadOnlyList<OutboxMessage> messages, List<OutboxMessage> published, CancellationToken cancellationToken)
    {
        var sends = new List<(OutboxMessage Message, Task Confirmed)>(messages.Count);
        foreach (var message in messages)
        {
            if (sends.Any(s => s.Confirmed.IsFaulted || s.Confirmed.IsCanceled))
            {
                break;
            }
            sends.Add((message, PublishOneAsync(message, cancellationToken)));
        }
        Exception? failure = null;
        foreach (var (message, confirmed) in sends)
        {
            try
            {
                await confirmed;
                published.Add(message);
            }
            catch (Exception exception)
            {
                failure ??= exception;
            }
        }
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task PublishOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        await publisher.PublishAsync(message, timeout.Token);
    }

    /// <summary>
    /// Relays until stopped: at once when woken, else every poll interval; up to <see cref="OutboxOptions.BatchesInFlight"/>
    /// batches wait for their confirms at a time; backs off after a failure.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var inFlight = new List<Task<bool>>();
        var retryDelay = options.MinRetryDelay;
        Task? wake = null;
        var batchFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Room for one more batch; a failed batch released its rows, so back off before claiming them again.
                while (inFlight.Count >= Math.Max(1, options.BatchesInFlight))
                {
                    await Task.WhenAny(inFlight);
                    retryDelay = await ReapAsync(inFlight, retryDelay, stoppingToken);
                }
                IOutboxBatch batch;
                try
                {
                    batch = await store.ClaimAsync(options.BatchSize, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    retryDelay = await BackOffAsync(exception, retryDelay, stoppingToken);
                    continue;
                }
                if (batch.Messages.Count > 0)
                {
                    var full = batch.Messages.Count == options.BatchSize;
                    inFlight.Add(SendAndReleaseAsync(batch, batchFailed, stoppingToken));
                    if (full)
                    {
                        continue; // more may be waiting
                    }
                }
                else
                {
                    await batch.DisposeAsync();
                }
                // Wait for a commit's wake-up (or the poll interval), or for a batch to fail (its rows are claimable again).
                wake ??= signal.WaitAsync(options.PollInterval, stoppingToken);
                // Task.WhenAny takes its continuation off the task that did not complete, so neither accumulates waiters.
                await Task.WhenAny(wake, batchFailed.Task);
                if (wake.IsCompleted)
                {
                    await wake; // throws only when stopping
                    wake = null;
                }
                if (batchFailed.Task.IsCompleted)
                {
                    batchFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                retryDelay = await ReapAsync(inFlight, retryDelay, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(inFlight); // never throw: their failures are logged
        }
    }

    /// <summary>Sends a claimed batch, then releases it; true if every message went, false (logged) if one failed.</summary>
    private async Task<bool> SendAndReleaseAsync(IOutboxBatch batch, TaskCompletionSource failed, CancellationToken cancellationToken)
    {
        try
        {
            await using (batch)
            {
                await SendAsync(batch, cancellationToken);
            }
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true; // stopping: the rest stays for the next start
        }
        catch (Exception exception)
        {
            MessagingMetrics.PublishFailed();
            logger.LogWarning(exception, "Outbox relay failed to publish a batch; its unsent messages stay for the next try");
            failed.TrySetResult();
            return false;
        }
    }

    /// <summary>Removes finished batches; after a failed one waits the back-off (and doubles it), after a success resets it.</summary>
    private async Task<TimeSpan> ReapAsync(List<Task<bool>> inFlight, TimeSpan retryDelay, CancellationToken stoppingToken)
    {
        var done = inFlight.Where(t => t.IsCompleted).ToList();
        if (done.Count == 0)
        {
            return retryDelay;
        }
        inFlight.RemoveAll(done.Contains);
        if (done.All(t => t.Result))
        {
            return options.MinRetryDelay;
        }
        await Task.Delay(retryDelay, stoppingToken);
        return TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, options.MaxRetryDelay.Ticks));
    }

    private async Task<TimeSpan> BackOffAsync(Exception exception, TimeSpan retryDelay, CancellationToken stoppingToken)
    {
        MessagingMetrics.PublishFailed();
        logger.LogWarning(exception, "Outbox relay failed; retrying in {Delay}", retryDelay);
        await Task.Delay(retryDelay, stoppingToken);
        return TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, options.MaxRetryDelay.Ticks));
    }
}
