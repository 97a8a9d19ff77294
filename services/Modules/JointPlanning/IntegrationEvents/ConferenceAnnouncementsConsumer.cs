using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Infrastructure;
using Platform.Messaging.Inbox;
using Platform.Api.Security;

namespace Platform.JointPlanning.IntegrationEvents;

/// <summary>
/// A participant hears the lead: invitations, changes, scheduling, postponements, conclusions and cancellations all carry
/// the conference's state, kept if newer than the one held (so an invitation overtaken by a later
/// announcement changes nothing), and a conclusion's tasks for this body become its own tasks.
/// </summary>
public sealed class ConferenceAnnouncementsConsumer<TContext>(
    TContext db, ConferenceProcess process, CurrentActor actor, ILogger<ConferenceAnnouncementsConsumer<TContext>> logger) :
    IConsumer<JointConferenceProposed>,
    IConsumer<JointConferenceUpdated>,
    IConsumer<JointConferenceScheduled>,
    IConsumer<JointConferenceReopened>,
    IConsumer<JointConferencePostponed>,
    IConsumer<JointConferenceConcluded>,
    IConsumer<JointConferenceCancelled>
    where TContext : DbContext
{
    public const string InboxName = "joint-planning.conference-announcements";

    public Task Consume(ConsumeContext<JointConferenceProposed> context) => TakeAsync(context, context.Message.Conference, context.Message.ChangedBy);
    public Task Consume(ConsumeContext<JointConferenceUpdated> context) => TakeAsync(context, context.Message.Conference, context.Message.ChangedBy);
    public Task Consume(ConsumeContext<JointConferenceScheduled> context) => TakeAsync(context, context.Message.Conference, context.Message.ChangedBy);
    public Task Consume(ConsumeContext<JointConferenceReopened> context) => TakeAsync(context, context.Message.Conference, context.Message.ChangedBy);
    public Task Consume(ConsumeContext<JointConferencePostponed> context) => TakeAsync(context, context.Message.Conference, context.Message.ChangedBy);
    public Task Consume(ConsumeContext<JointConferenceConcluded> context) => TakeAsync(context, context.Message.Conference, context.Message.ChangedBy);
    public Task Consume(ConsumeContext<JointConferenceCancelled> context) => TakeAsync(context, context.Message.Conference, context.Message.ChangedBy);

    private Task TakeAsync(ConsumeContext context, ConferenceSnapshot conference, Actor changedBy)
    {
        if (conference.LeadBody == process.Body || !conference.Participants.Contains(process.Body))
        {
            return Task.CompletedTask; // the lead keeps its own copy as it announces; other bodies' conferences are not ours
        }
        actor.Actor = changedBy;
        return Inbox.ApplyOnceAsync(db, context, InboxName, logger, cancellationToken => process.TakeAnnouncementAsync(conference, cancellationToken));
    }
}
