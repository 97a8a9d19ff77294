using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging.Inbox;

/// <summary>
/// Applies a message's effect at most once per (message id, consumer): in one transaction it records the
/// pair in the inbox, runs the effect and saves it; a redelivery finds the inbox row and is acknowledged
/// without running again. If the effect fails, nothing is committed and the exception reaches MassTransit,
/// which retries and finally moves the message to the error queue.
/// </summary>
public static class Inbox
{
    /// <summary>The constant a consumer that calls <see cref="ApplyOnceAsync"/> itself names its inbox rows with.</summary>
    public const string NameField = "InboxName";

    /// <summary>
    /// The consumer name a consumer type records in the inbox (and counts its messages under): its
    /// <see cref="NameField"/> constant, or for an <see cref="IdempotentConsumer{TMessage,TContext}"/> its type's full name;
    /// null for a consumer that keeps no inbox.
    /// </summary>
    public static string? NameOf(Type consumerType)
    {
        if (consumerType.GetField(NameField, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static) is { IsLiteral: true } field)
        {
            return (string?)field.GetRawConstantValue();
        }
        for (var type = consumerType.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IdempotentConsumer<,>))
            {
                return consumerType.FullName;
            }
        }
        return null;
    }

    public static async Task ApplyOnceAsync(DbContext db, ConsumeContext context, string consumer, ILogger logger, Func<CancellationToken, Task> effect)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A message arrived without a message id; it cannot be de-duplicated.");
        var cancellationToken = context.CancellationToken;

        // No savepoint around SaveChanges: a failure rolls the whole transaction back (inbox row included), so EF's
        // SAVEPOINT and RELEASE would be two statements an event for nothing.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // A concurrent delivery of the same message blocks here on the key until the first commits, then inserts nothing.
            var inserted = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer, received_at) VALUES ({messageId}, {consumer}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
                cancellationToken);
            if (inserted == 0)
            {
                MessagingMetrics.DuplicateSuppressed(consumer);
                Activity.Current?.AddEvent(new ActivityEvent("inbox.duplicate_suppressed"));
                logger.LogInformation("Message {MessageId} was already applied by {Consumer}; ignored", messageId, consumer);
                return;
            }
            await effect(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            MessagingMetrics.Applied(consumer);
        }
        catch
        {
            db.ChangeTracker.Clear(); // a retry must start from the database, not from half-applied entities
            throw;
        }
    }
}
