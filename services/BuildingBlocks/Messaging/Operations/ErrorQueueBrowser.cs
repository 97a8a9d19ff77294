using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Platform.Operations.V1;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.Messaging.Operations;

/// <summary>
/// Reads and drains MassTransit's error queues over AMQP. Listing takes messages without acknowledging
/// them and hands them back (a nack with requeue keeps their order), so it changes nothing. Re-queueing
/// publishes a message, unchanged but for the fault headers, to its own queue through the default exchange,
/// waits for the broker's confirm and only then acknowledges it in the error queue: a crash in between
/// leaves a copy in both, and the consumer's inbox applies it once.
/// </summary>
public sealed class ErrorQueueBrowser(string rabbitMqUri)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public async Task<ErrorQueue> ListAsync(string queue, int pageSize, CancellationToken cancellationToken)
    {
        var errorQueue = queue + ConsumerQueues.ErrorSuffix;
        var result = new ErrorQueue { Queue = queue, ErrorQueue_ = errorQueue };
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        if (await CountAsync(channel, errorQueue, cancellationToken) is not { } count)
        {
            return result; // MassTransit declares an error queue with its first failure
        }
        result.MessageCount = (int)count;
        ulong lastTag = 0;
        while (result.Messages.Count < pageSize && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } delivery)
        {
            result.Messages.Add(Describe(delivery));
            lastTag = delivery.DeliveryTag;
        }
        if (lastTag > 0)
        {
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// How many messages wait in each queue's error queue (0 for one MassTransit has not declared yet, which it does
    /// with the first failure). One connection for all; a passive declare of a missing queue closes its channel.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> CountErrorsAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var depths = new Dictionary<string, long>();
        await using var connection = await ConnectAsync(cancellationToken);
        IChannel? channel = null;
        try
        {
            foreach (var queue in queues)
            {
                if (channel is not { IsOpen: true })
                {
                    if (channel is not null)
                    {
                        await channel.DisposeAsync();
                    }
                    channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                }
                depths[queue] = await CountAsync(channel, queue + ConsumerQueues.ErrorSuffix, cancellationToken) ?? 0;
            }
        }
        finally
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }
        }
        return depths;
    }

    /// <summary>Moves the error queue's messages (only <paramref name="messageIds"/> when given) back to <paramref name="queue"/>; returns the ids moved.</summary>
    public async Task<IReadOnlyList<string>> RequeueAsync(string queue, IReadOnlySet<string>? messageIds, CancellationToken cancellationToken)
    {
        var errorQueue = queue + ConsumerQueues.ErrorSuffix;
        var moved = new List<string>();
        await using var connection = await ConnectAsync(cancellationToken);
        uint count;
        await using (var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            if (await CountAsync(probe, errorQueue, cancellationToken) is not { } waiting)
            {
                return moved;
            }
            count = waiting;
        }
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var kept = new List<ulong>();
        // Messages skipped stay unacknowledged until the end, so BasicGet does not hand them out again; and only
        // as many as were there at the start are taken, so a message that fails again at once is not chased round.
        for (var taken = 0u; taken < count && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } delivery; taken++)
        {
            var id = MessageIdOf(delivery);
            if (messageIds is not null && !messageIds.Contains(id))
            {
                kept.Add(delivery.DeliveryTag);
                continue;
            }
            var properties = new BasicProperties(delivery.BasicProperties)
            {
                Headers = delivery.BasicProperties.Headers?
                    .Where(h => !IsFaultHeader(h.Key))
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, delivery.Body.ToArray(), cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            moved.Add(id);
        }
        foreach (var tag in kept)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        }
        return moved;
    }

    private static bool IsFaultHeader(string name) =>
        name.StartsWith("MT-Fault-", StringComparison.Ordinal) || name == "MT-Reason";

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await new ConnectionFactory { Uri = new Uri(rabbitMqUri), ClientProvidedName = "platform-operations" }
                .CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException error)
        {
            throw new BrokerUnavailableException("The message broker cannot be reached; try again when it is back.", error);
        }
    }

    /// <summary>The queue's ready messages, or null when it does not exist (the passive declare closes the channel then).</summary>
    private static async Task<uint?> CountAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException error) when (error.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private static ErrorMessage Describe(BasicGetResult delivery)
    {
        var message = new ErrorMessage { MessageId = MessageIdOf(delivery) };
        foreach (var (name, value) in delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
        {
            if (name.StartsWith("MT-", StringComparison.Ordinal))
            {
                message.FaultHeaders[name] = HeaderText(value);
            }
        }
        message.ExceptionType = message.FaultHeaders.GetValueOrDefault("MT-Fault-ExceptionType", "");
        message.ExceptionMessage = message.FaultHeaders.GetValueOrDefault("MT-Fault-Message", "");
        message.RetryCount = int.TryParse(message.FaultHeaders.GetValueOrDefault("MT-Fault-RetryCount"), out var retries) ? retries : 0;
        if (DateTimeOffset.TryParse(message.FaultHeaders.GetValueOrDefault("MT-Fault-Timestamp"), out var failed))
        {
            message.FailedTime = Timestamp.FromDateTimeOffset(failed);
        }
        // The MassTransit envelope (JSON) names the type and the sent time; a body that is not one (a malformed
        // message someone put on the broker) is listed with what the headers say.
        try
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            if (envelope.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (envelope.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0)
                {
                    var urn = types[0].GetString() ?? "";
                    message.MessageType = urn[(urn.LastIndexOf(':') + 1)..];
                }
                if (envelope.RootElement.TryGetProperty("sentTime", out var sent) && sent.TryGetDateTimeOffset(out var sentTime))
                {
                    message.SentTime = Timestamp.FromDateTimeOffset(sentTime);
                }
            }
        }
        catch (JsonException)
        {
        }
        if (message.MessageType.Length == 0)
        {
            message.MessageType = delivery.BasicProperties.Type ?? "";
        }
        return message;
    }

    private static string MessageIdOf(BasicGetResult delivery)
    {
        if (delivery.BasicProperties.MessageId is { Length: > 0 } id)
        {
            return id;
        }
        try
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            return envelope.RootElement.ValueKind == JsonValueKind.Object && envelope.RootElement.TryGetProperty("messageId", out var value)
                ? value.GetString() ?? ""
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string HeaderText(object? value) => value switch
    {
        null => "",
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        AmqpTimestamp timestamp => DateTimeOffset.FromUnixTimeSeconds(timestamp.UnixTime).ToString("O"),
        IEnumerable<object?> list => string.Join(", ", list.Select(HeaderText)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

public sealed class BrokerUnavailableException(string message, Exception inner) : Exception(message, inner);
