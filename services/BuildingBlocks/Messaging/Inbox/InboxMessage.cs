namespace Platform.Messaging.Inbox;

/// <summary>
/// A message a consumer has applied. Its key (message id, consumer) is inserted in the same
/// transaction as the consumer's effect, so a redelivered message finds it and changes nothing.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
