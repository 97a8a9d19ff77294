using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

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
    /// <see cref="NameField"/> constant, or for an <see cref="IdempotentConsumer{TMessage,TContext}"/> or
    /// <see cref="IdempotentBatchConsumer{TMessage,TContext}"/> its type's full name;
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
            if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IdempotentConsumer<,>)
                || type.GetGenericTypeDefinition() == typeof(IdempotentBatchConsumer<,>)))
            {
                return consumerType.FullName;
            }
        }
        return null;
    }

    /// <summary>One message: the batch form with a batch of one, so that both take the same path.</summary>
    public static Task ApplyOnceAsync(DbContext db, ConsumeContext context, string consumer, ILogger logger, Func<CancellationToken, Task> effect) =>
        ApplyBatchOnceAsync(db, [context], message => message.MessageId, consumer, logger, (_, cancellationToken) => effect(cancellationToken),
            context.CancellationToken);

    /// <summary>
    /// In one transaction it records every message of the batch in the inbox with one statement, runs
    /// <paramref name="effect"/> on those not recorded before (in the batch's order), saves and commits once. A message delivered twice within a batch, or applied by an earlier batch, is counted as
    /// a duplicate and not passed on. If anything fails nothing is committed. <paramref name="messageId"/> reads an
    /// item's message id (a ConsumeContext's, for the consumers).
    /// </summary>
    public static async Task ApplyBatchOnceAsync<TItem>(DbContext db, IReadOnlyList<TItem> messages, Func<TItem, Guid?> messageId, string consumer,
        ILogger logger, Func<IReadOnlyList<TItem>, CancellationToken, Task> effect, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => messageId(m)
            ?? throw new InvalidOperationException("A message arrived without a message id; it cannot be de-duplicated.")).ToList();
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // Ids in order, so that two replicas' batches sharing messages take the keys' locks in the same order (the
            // second waits for the first to commit, then inserts nothing) instead of deadlocking.
            var recorded = await RecordAsync(db, transaction, ids.Distinct().Order().ToArray(), consumer, cancellationToken);
            var fresh = new List<TItem>(messages.Count);
            for (var i = 0; i < messages.Count; i++)
            {
                if (recorded.Remove(ids[i]))
                {
                    fresh.Add(messages[i]);
                }
                else
                {
                    MessagingMetrics.DuplicateSuppressed(consumer);
                    Activity.Current?.AddEvent(new ActivityEvent("inbox.duplicate_suppressed"));
                    logger.LogInformation("Message {MessageId} was already applied by {Consumer}; ignored", ids[i], consumer);
                }
            }
            if (fresh.Count > 0)
            {
                await effect(fresh, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            foreach (var _ in fresh)
            {
                MessagingMetrics.Applied(consumer);
            }
        }
        catch
        {
            db.ChangeTracker.Clear(); // a retry must start from the database, not from half-applied entities
            throw;
        }
    }

    /// <summary>Inserts the (id, consumer) pairs not yet in the inbox, in the ids' order; the ids it inserted.</summary>
    private static async Task<HashSet<Guid>> RecordAsync(DbContext db, IDbContextTransaction transaction, Guid[] ids, string consumer,
        CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {MessagingModel.InboxTable} (message_id, consumer, received_at) SELECT id, $2, $3 FROM unnest($1::uuid[]) AS id " +
            "ON CONFLICT DO NOTHING RETURNING message_id", connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        command.Parameters.Add(new NpgsqlParameter { Value = consumer });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow });
        var inserted = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetGuid(0));
        }
        return inserted;
    }
}
