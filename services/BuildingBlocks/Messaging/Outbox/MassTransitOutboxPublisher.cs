using System.Text.Json;
using MassTransit;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Publishes a stored event through MassTransit with the stored message id, so every re-send of it
/// carries the same identity. MassTransit's RabbitMQ publish waits for the broker's confirm.
/// </summary>
internal sealed class MassTransitOutboxPublisher(IBus bus) : IOutboxPublisher
{
    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.MessageType, throwOnError: true)!;
        var body = JsonSerializer.Deserialize(message.Body, type, OutboxJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.MessageId} has an empty body.");
        await bus.Publish(body, type, context => context.MessageId = message.MessageId, cancellationToken);
    }
}
