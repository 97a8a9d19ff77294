using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Infrastructure;
using Platform.JointPlanning.Model;
using Platform.Messaging.Inbox;
using Platform.Api.Security;

namespace Platform.JointPlanning.IntegrationEvents;

/// <summary>
/// The lead's process manager hears a co-organizer: its answer and contributions update readiness, which
/// may schedule the conference or, after scheduling, open it again. Two such steps racing on one conference
/// conflict on its row version; the loser is retried by MassTransit from a fresh read.
/// </summary>
public sealed class ParticipationChangedConsumer<TContext>(
    TContext db, ConferenceProcess process, CurrentActor actor, ILogger<ParticipationChangedConsumer<TContext>> logger)
    : IConsumer<JointParticipationChanged>
    where TContext : DbContext
{
    public const string InboxName = "joint-planning.participation-changed";

    public Task Consume(ConsumeContext<JointParticipationChanged> context)
    {
        var message = context.Message;
        if (message.LeadBody != process.Body)
        {
            return Task.CompletedTask; // another lead's conference
        }
        actor.Actor = message.ChangedBy;
        return Inbox.ApplyOnceAsync(db, context, InboxName, logger, async cancellationToken =>
        {
            var conference = await db.Set<LedConference>().Include(c => c.Participants)
                .SingleOrDefaultAsync(c => c.Id == message.ConferenceId, cancellationToken)
                // The lead made the conference before anyone could hear of it: a missing one is a fault worth the error queue.
                ?? throw new InvalidOperationException($"Conference '{message.ConferenceId}' is not led by {process.Body}.");
            await process.ApplyParticipationAsync(conference, message, cancellationToken);
        });
    }
}
