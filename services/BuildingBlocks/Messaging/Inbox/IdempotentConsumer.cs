using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging.Inbox;

/// <summary>
/// A consumer whose effect is applied at most once per message id. In one transaction it records
/// (message id, consumer) in the inbox, applies the effect and saves it; a redelivery finds the inbox
/// row and is acknowledged without running again. If the effect fails, nothing is committed and the
/// exception reaches MassTransit, which retries and finally moves the message to the error queue.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    private static readonly Meter Meter = new("Platform.Messaging");
    private static readonly Counter<long> DuplicatesSuppressed = Meter.CreateCounter<long>("platform.inbox.duplicates_suppressed");

    protected TContext Db => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a message id; it cannot be de-duplicated.");
        var consumer = GetType().FullName!;
        var cancellationToken = context.CancellationToken;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // A concurrent delivery of the same message blocks here on the key until the first commits, then inserts nothing.
            var inserted = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer, received_at) VALUES ({messageId}, {consumer}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
                cancellationToken);
            if (inserted == 0)
            {
                DuplicatesSuppressed.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
                logger.LogInformation("Message {MessageId} was already applied by {Consumer}; ignored", messageId, consumer);
                return;
            }
            await HandleAsync(context.Message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear(); // a retry must start from the database, not from half-applied entities
            throw;
        }
    }

    /// <summary>Applies the message's effect to <see cref="Db"/>; the base saves and commits it with the inbox row.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
