using System.Diagnostics;
using System.Text.Json;
using MassTransit;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Publishes a stored event through MassTransit with the stored message id, so every re-send of it
/// carries the same identity, under the trace of the request that stored it (<see cref="OutboxTracing"/>).
/// MassTransit's RabbitMQ publish waits for the broker's confirm.
/// </summary>
internal sealed class MassTransitOutboxPublisher(IBus bus) : IOutboxPublisher
{
    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.MessageType, throwOnError: true)!;
        var body = JsonSerializer.Deserialize(message.Body, type, OutboxJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.MessageId} has an empty body.");
        using var activity = OutboxTracing.StartPublish(message);
        try
        {
            await bus.Publish(body, type, context =>
            {
                context.MessageId = message.MessageId;
                if (activity is not null)
                {
                    context.Headers.Set(OutboxTracing.TraceParentHeader, activity.Id);
                    context.Headers.Set(OutboxTracing.TraceStateHeader, activity.TraceStateString);
                }
            }, cancellationToken);
        }
        catch (Exception exception)
        {
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }
}
