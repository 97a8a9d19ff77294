using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Infrastructure;
using Platform.Messaging.Inbox;
using Platform.Api.Security;

namespace Platform.JointPlanning.IntegrationEvents;

/// <summary>The lead keeps each owner's latest state of its conference's tasks: progress reported, or fallen overdue.</summary>
public sealed class TaskStatesConsumer<TContext>(
    TContext db, ConferenceProcess process, CurrentActor actor, ILogger<TaskStatesConsumer<TContext>> logger) :
    IConsumer<JointTaskProgressReported>,
    IConsumer<JointTaskFellOverdue>
    where TContext : DbContext
{
    public const string InboxName = "joint-planning.task-states";

    public Task Consume(ConsumeContext<JointTaskProgressReported> context) => TakeAsync(context, context.Message.Task, context.Message.ChangedBy);
    public Task Consume(ConsumeContext<JointTaskFellOverdue> context) => TakeAsync(context, context.Message.Task, context.Message.ChangedBy);

    private Task TakeAsync(ConsumeContext context, JointTaskState state, Actor changedBy)
    {
        if (state.LeadBody != process.Body)
        {
            return Task.CompletedTask;
        }
        actor.Actor = changedBy;
        return Inbox.ApplyOnceAsync(db, context, InboxName, logger, cancellationToken => process.TakeTaskStateAsync(state, cancellationToken));
    }
}
