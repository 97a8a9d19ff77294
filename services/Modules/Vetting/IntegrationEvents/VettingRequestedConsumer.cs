using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts.IntegrationEvents;
using Platform.Messaging.Inbox;
using Platform.Vetting.Infrastructure;

namespace Platform.Vetting.IntegrationEvents;

/// <summary>
/// This body hears Delegate Affairs ask it to vet a batch of candidates and answers the whole batch in one
/// event, once per message: a redelivered request finds its inbox row and changes nothing.
/// </summary>
public sealed class VettingRequestedConsumer<TContext>(TContext db, VettingAnswerer answerer, ILogger<VettingRequestedConsumer<TContext>> logger)
    : IConsumer<VettingRequested>
    where TContext : DbContext
{
    public const string InboxName = "vetting.requested";

    public Task Consume(ConsumeContext<VettingRequested> context)
    {
        var request = context.Message;
        if (!request.Bodies.Contains(answerer.Body))
        {
            return Task.CompletedTask; // asked of the other bodies only: not even an inbox row
        }
        return Inbox.ApplyOnceAsync(db, context, InboxName, logger, cancellationToken => answerer.AnswerAsync(request, cancellationToken));
    }
}
