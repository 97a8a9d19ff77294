namespace Platform.Messaging.Outbox;

/// <summary>Where the relay claims pending outbox rows.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="maxCount"/> of the oldest unsent messages, locked so that other
    /// relays skip them until the batch is disposed.
    /// </summary>
    Task<IOutboxBatch> ClaimAsync(int maxCount, CancellationToken cancellationToken);
}

/// <summary>Claimed messages. Disposing without completing releases the claim; nothing is lost.</summary>
public interface IOutboxBatch : IAsyncDisposable
{
    IReadOnlyList<OutboxMessage> Messages { get; }

    /// <summary>Removes the messages that were published and commits.</summary>
    Task CompleteAsync(IReadOnlyCollection<OutboxMessage> published, CancellationToken cancellationToken);
}

/// <summary>Publishes one stored message to the broker, returning only once the broker has confirmed it.</summary>
public interface IOutboxPublisher
{
    Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>Wakes the relay when new messages are committed.</summary>
public interface IOutboxSignal
{
    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever comes first.</summary>
    Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}

public sealed class OutboxOptions
{
    public const string Section = "Messaging:Outbox";

    /// <summary>
    /// Whether this process runs a relay. Off, events still accumulate safely in the outbox
    /// (used to prove that an event committed before a crash is relayed after restart).
    /// </summary>
    public bool RelayEnabled { get; set; } = true;

    /// <summary>How many messages one claim takes.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Publish a batch's messages without waiting for each confirm (then await them together). Off: one confirm
    /// at a time, which caps a relay at one message per broker confirm (milliseconds to tens of milliseconds).
    /// </summary>
    public bool PipelinePublishes { get; set; } = true;

    /// <summary>
    /// How many claimed batches may wait for their confirms at once while the relay claims the next; each holds a
    /// database connection and its rows' locks until its confirms arrive. 1: a batch at a time.
    /// </summary>
    public int BatchesInFlight { get; set; } = 4;

    /// <summary>The fallback poll, for a missed wake-up (e.g. while the notification connection was down).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one publish may wait for the broker before the batch is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Back-off after a failed batch: doubles from the first value up to the second.</summary>
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the backlog gauges (unsent messages, age of the oldest) are refreshed from the table.</summary>
    public TimeSpan BacklogInterval { get; set; } = TimeSpan.FromSeconds(10);
}
