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
    protected TContext Db => db;

    public Task Consume(ConsumeContext<TMessage> context) =>
        Inbox.ApplyOnceAsync(db, context, GetType().FullName!, logger, cancellationToken => HandleAsync(context.Message, cancellationToken));

    /// <summary>Applies the message's effect to <see cref="Db"/>; the base saves and commits it with the inbox row.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
