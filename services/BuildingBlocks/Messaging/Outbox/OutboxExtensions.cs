using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// Stores an integration event in this DbContext's outbox. It is committed (or rolled back)
    /// with the rest of the next SaveChanges, and published by the relay after commit, under the trace of the
    /// current span (its context is stored in the row: <see cref="OutboxTracing"/>).
    /// </summary>
    public static Guid AddIntegrationEvent<TEvent>(this DbContext db, TEvent integrationEvent) where TEvent : class
    {
        var (traceParent, traceState) = OutboxTracing.Capture();
        var message = new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = TypeName(typeof(TEvent)),
            Body = JsonSerializer.Serialize(integrationEvent, OutboxJson.Options),
            OccurredAt = DateTimeOffset.UtcNow,
            TraceParent = traceParent,
            TraceState = traceState,
        };
        db.Set<OutboxMessage>().Add(message);
        OutboxTracing.RecordAdded(message);
        return message.MessageId;
    }

    /// <summary>"Namespace.Type, Assembly": stable across versions of the contracts assembly.</summary>
    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
