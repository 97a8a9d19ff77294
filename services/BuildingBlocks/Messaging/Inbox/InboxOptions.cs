namespace Platform.Messaging.Inbox;

/// <summary>The inbox's settings (Messaging:Inbox): how long message ids are kept, and how batch consumers batch.</summary>
public sealed class InboxOptions
{
    public const string Section = "Messaging:Inbox";

    /// <summary>
    /// How long a consumed message id is remembered. A redelivery later than this would be applied
    /// again, so it must be far longer than any outage a message can wait out in a queue or an outbox.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many messages in a batch (<see cref="IdempotentBatchConsumerDefinition{TConsumer,TMessage}"/>).</summary>
    public int BatchMessageLimit { get; set; } = 100;

    /// <summary>How long a batch waits for more after its first message: at a trickle an event waits this long; under load batches fill first.</summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Batches one replica applies at once, each in its own transaction.</summary>
    public int BatchConcurrencyLimit { get; set; } = 2;
}
