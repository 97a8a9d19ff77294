using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging.Inbox;

/// <summary>
/// The batch form of <see cref="IdempotentConsumer{TMessage,TContext}"/>: MassTransit hands it up to
/// <see cref="InboxOptions.BatchMessageLimit"/> messages at once, and the batch is
/// recorded in the inbox, applied and committed in one transaction (<see cref="Inbox.ApplyBatchOnceAsync"/>). Per event
/// that saves a scope, a DbContext, a transaction and its round trips: the cost the event benchmark found per message,
/// not per row (docs/benchmarks-events.md). Its inbox rows carry the consumer type's full name, as the
/// single-message form's do, so a message applied before a switch between the two is still recognised.
/// <para>
/// If the batch fails (two replicas changed one row, a message the effect cannot apply), its messages are applied
/// again one at a time, each in its own inbox transaction. When all of them succeed so, the batch is done; otherwise
/// it fails as a whole (MassTransit cannot fault one message of a batch) and is retried, and the ones applied
/// meanwhile are dropped by the inbox then. Malformed events never reach a batch: the boundary check
/// runs on each message before it is collected (the definition).
/// </para>
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage, TContext>(TContext db, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db => db;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var consumer = GetType().FullName!;
        var messages = context.Message.ToList();
        try
        {
            await Inbox.ApplyBatchOnceAsync(db, messages, IdOf, consumer, logger, HandleAsync, context.CancellationToken);
        }
        catch (Exception batchFailure) when (messages.Count > 1 && !context.CancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(batchFailure, "A batch of {Count} messages failed at {Consumer}; applying them one at a time", messages.Count, consumer);
            var failed = false;
            foreach (var message in messages)
            {
                try
                {
                    await Inbox.ApplyBatchOnceAsync(db, [message], IdOf, consumer, logger, HandleAsync, context.CancellationToken);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Message {MessageId} failed at {Consumer}", message.MessageId, consumer);
                    failed = true;
                }
            }
            if (failed)
            {
                throw; // retried; the messages applied meanwhile are dropped by the inbox then
            }
        }
    }

    private static Guid? IdOf(ConsumeContext<TMessage> message) => message.MessageId;

    /// <summary>
    /// Applies the messages not applied before, in the order they arrived, to <see cref="Db"/>; the base saves and
    /// commits them with their inbox rows.
    /// </summary>
    protected abstract Task HandleAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken);
}
