namespace Platform.Messaging.Outbox;

/// <summary>
/// An integration event waiting to be published, stored in the service's own database in the same
/// transaction as the change that caused it. The relay deletes the row once the broker has confirmed it.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order; the relay publishes in this order.</summary>
    public long Sequence { get; init; }

    /// <summary>The broker's message id: the event's identity, used by consumers' inboxes to drop duplicates.</summary>
    public Guid MessageId { get; init; }

    /// <summary>The event's CLR type (assembly-qualified, without version), to deserialize it for publishing.</summary>
    public required string MessageType { get; init; }

    /// <summary>The event serialized as JSON.</summary>
    public required string Body { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// The W3C traceparent of the span that added the event (null outside a trace): the relay publishes under it, so
    /// the trace of the request goes on into the broker and the consumers, even from a relay that runs much later or
    /// in another process.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>The W3C tracestate that goes with <see cref="TraceParent"/>.</summary>
    public string? TraceState { get; init; }
}
