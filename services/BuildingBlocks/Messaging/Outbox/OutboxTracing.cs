using System.Diagnostics;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Carries a trace across the outbox: the span that adds an event writes its W3C context into the row, and the relay
/// publishes the row under a span whose parent is that context. MassTransit's publish span is then its child, and
/// MassTransit puts it in the message headers (MT-Activity-Id, a W3C traceparent) from which the consumer's span
/// continues; the standard traceparent and tracestate headers are added too, for any other reader of the queue.
/// The result is one trace from the request through the database, the broker and every consumer, however late or
/// wherever the relay runs.
/// </summary>
internal static class OutboxTracing
{
    public const int MaxTraceParentLength = 55; // "00-" + 32 + "-" + 16 + "-" + 2
    public const int MaxTraceStateLength = 512; // W3C: 32 members, each at most 256 characters; longer ones are cut

    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static readonly ActivitySource Source = new(PlatformTelemetry.Messaging);

    /// <summary>The current span's context, if there is one and it is W3C (the only format the platform uses).</summary>
    public static (string? TraceParent, string? TraceState) Capture()
    {
        var current = Activity.Current;
        if (current is null || current.IdFormat != ActivityIdFormat.W3C || current.Id is not { Length: <= MaxTraceParentLength } id)
        {
            return (null, null);
        }
        var state = current.TraceStateString;
        return (id, state is { Length: > MaxTraceStateLength } ? null : state);
    }

    /// <summary>Marks, on the current span, that the transaction it is in will (on commit) publish this event.</summary>
    public static void RecordAdded(OutboxMessage message) =>
        Activity.Current?.AddEvent(new ActivityEvent("outbox.message.added", tags: new ActivityTagsCollection
        {
            ["messaging.message.id"] = message.MessageId.ToString(),
            ["messaging.message.type"] = ShortTypeName(message.MessageType),
        }));

    /// <summary>
    /// The relay's span for publishing one stored message: a child of the span that added it (when the row has its
    /// context), so the publish and everything downstream belong to the original trace.
    /// </summary>
    public static Activity? StartPublish(OutboxMessage message)
    {
        ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var parent);
        var activity = Source.StartActivity($"outbox relay {ShortTypeName(message.MessageType)}", ActivityKind.Internal, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.message.id", message.MessageId.ToString());
            activity.SetTag("messaging.message.type", ShortTypeName(message.MessageType));
            activity.SetTag("platform.outbox.sequence", message.Sequence);
            activity.SetTag("platform.outbox.wait_ms", Math.Max(0, (DateTimeOffset.UtcNow - message.OccurredAt).TotalMilliseconds));
        }
        return activity;
    }

    /// <summary>"Platform.Contracts.IntegrationEvents.JointConferenceProposed, Platform.Contracts" → "JointConferenceProposed".</summary>
    private static string ShortTypeName(string messageType)
    {
        var fullName = messageType.Split(',')[0];
        return fullName[(fullName.LastIndexOf('.') + 1)..];
    }
}
