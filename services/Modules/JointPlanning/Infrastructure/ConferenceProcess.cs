using Microsoft.EntityFrameworkCore;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Model;
using Platform.Messaging.Outbox;
using Platform.Api.Security;

namespace Platform.JointPlanning.Infrastructure;

/// <summary>
/// The steps of joint planning that change state and tell other bodies, shared by the API (a caller's
/// request) and the consumers (another body's event). Every step runs inside the caller's unit of work:
/// the changed rows and the events in the outbox are saved together by one SaveChanges.
/// </summary>
public sealed class ConferenceProcess(DbContext db, ServiceIdentity service, CurrentActor actor, TimeProvider clock)
{
    public string Body => service.Body;

    private Actor Actor => actor.Actor ?? CurrentActor.System("joint-planning", service.Body);

    /// <summary>The lead's step when a participant's state arrives (its own, or another body's by event).</summary>
    public async Task ApplyParticipationAsync(LedConference conference, JointParticipationChanged state, CancellationToken cancellationToken)
    {
        var participant = conference.Participant(state.Body);
        if (participant is null || state.Revision <= participant.Revision)
        {
            return; // not invited (nothing to track), or an older state overtaken by a newer one
        }
        var change = participant.Apply(state);
        conference.UpdatedAt = clock.GetUtcNow();
        if (change is not null && conference.Status == ConferenceStatuses.Scheduled && !participant.Excluded)
        {
            conference.Reopen();
            await AnnounceAsync(conference, snapshot => new JointConferenceReopened(snapshot, state.Body, change, Actor), cancellationToken);
        }
        await AdvanceAsync(conference, cancellationToken);
    }

    /// <summary>Schedules the conference if every required body is ready, and tells every participant.</summary>
    public async Task<bool> AdvanceAsync(LedConference conference, CancellationToken cancellationToken)
    {
        if (!conference.TrySchedule())
        {
            return false;
        }
        await AnnounceAsync(conference, snapshot => new JointConferenceScheduled(snapshot, Actor), cancellationToken);
        return true;
    }

    /// <summary>
    /// Tells every participant of a change of the conference: a new revision, the event in the outbox, and
    /// the lead's own participation brought up to date at once (the lead does not send events to itself).
    /// </summary>
    public async Task AnnounceAsync<TEvent>(LedConference conference, Func<ConferenceSnapshot, TEvent> announcement, CancellationToken cancellationToken)
        where TEvent : class
    {
        conference.Revision++;
        conference.UpdatedAt = clock.GetUtcNow();
        var snapshot = conference.ToSnapshot();
        db.AddIntegrationEvent(announcement(snapshot));
        var own = await db.Set<Participation>().FindAsync([conference.Id], cancellationToken);
        if (own is null)
        {
            own = Participation.From(snapshot, service.Body, Responses.Accepted);
            db.Set<Participation>().Add(own);
        }
        else
        {
            own.Take(snapshot);
        }
        await TakeTasksAsync(snapshot, cancellationToken);
    }

    /// <summary>A participant keeps the lead's announcement, and the tasks it owns from a conclusion.</summary>
    public async Task TakeAnnouncementAsync(ConferenceSnapshot snapshot, CancellationToken cancellationToken)
    {
        var participation = await db.Set<Participation>().FindAsync([snapshot.ConferenceId], cancellationToken);
        if (participation is null)
        {
            // The first announcement this body hears of, whichever it is: an invitation overtaken by a later
            // announcement still makes a participation, from the newer state.
            db.Set<Participation>().Add(Participation.From(snapshot, service.Body, Responses.Pending));
        }
        else
        {
            participation.Take(snapshot);
        }
        await TakeTasksAsync(snapshot, cancellationToken);
    }

    private async Task TakeTasksAsync(ConferenceSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var task in snapshot.Tasks.Where(t => t.Owners.Contains(service.Body)))
        {
            if (await db.Set<OwnedTask>().FindAsync([task.Id], cancellationToken) is null)
            {
                await AddOwnedTaskAsync(snapshot, task, cancellationToken);
            }
        }
    }

    private async Task AddOwnedTaskAsync(ConferenceSnapshot snapshot, ConferenceTaskInfo task, CancellationToken cancellationToken)
    {
        var owned = OwnedTask.From(task, snapshot.ConferenceId, snapshot.LeadBody, service.Body, clock.GetUtcNow());
        db.Set<OwnedTask>().Add(owned);
        await TellLeadAsync(owned, new JointTaskProgressReported(owned.ToState(), "", Actor), cancellationToken);
    }

    /// <summary>
    /// Tells the lead an owner's new state of a task: by event, or at once when this body leads the conference.
    /// </summary>
    public async Task TellLeadAsync<TEvent>(OwnedTask task, TEvent taskEvent, CancellationToken cancellationToken) where TEvent : class
    {
        if (task.LeadBody != service.Body)
        {
            db.AddIntegrationEvent(taskEvent);
            return;
        }
        var state = task.ToState();
        var copy = await db.Set<TaskOwnerState>().FindAsync([task.Id, task.OwnerBody], cancellationToken);
        if (copy is null)
        {
            copy = new TaskOwnerState { TaskId = task.Id, OwnerBody = task.OwnerBody, ConferenceId = task.ConferenceId, Revision = -1 };
            db.Set<TaskOwnerState>().Add(copy);
        }
        copy.Take(state);
    }

    /// <summary>The lead keeps an owner's state of a task (newer than the one held).</summary>
    public async Task TakeTaskStateAsync(JointTaskState state, CancellationToken cancellationToken)
    {
        if (state.LeadBody != service.Body)
        {
            return;
        }
        var copy = await db.Set<TaskOwnerState>().FindAsync([state.TaskId, state.OwnerBody], cancellationToken);
        if (copy is null)
        {
            copy = new TaskOwnerState { TaskId = state.TaskId, OwnerBody = state.OwnerBody, ConferenceId = state.ConferenceId, Revision = -1 };
            db.Set<TaskOwnerState>().Add(copy);
        }
        copy.Take(state);
    }
}
