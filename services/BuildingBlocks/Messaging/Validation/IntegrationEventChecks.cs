using Platform.Contracts.IntegrationEvents;

namespace Platform.Messaging.Validation;

/// <summary>
/// What every integration event of the platform must hold to be applied. The JSON deserializer fills a missing
/// field with null or zero whatever the record declares, so a consumer would otherwise store an empty name, a
/// revision 0 or a conference without participants. Each problem names the field, as the APIs' violations do.
/// </summary>
public static class IntegrationEventChecks
{
    private static readonly HashSet<string> UnitKinds = ["PROVINCE", "CENTRALLY_RUN_CITY", "DISTRICT", "COMMUNE"];
    private static readonly HashSet<string> Responses = ["PENDING", "ACCEPTED", "DECLINED"];

    public static IReadOnlyList<string> Problems(object message)
    {
        var check = new Checks();
        switch (message)
        {
            case AdministrativeUnitChanged unit:
                check.Text(unit.Code, "code", max: 10).Text(unit.Name, "name", max: 200)
                    .That(unit.Kind is not null && UnitKinds.Contains(unit.Kind), "kind", "must be one of " + string.Join(", ", UnitKinds))
                    .That(unit.Revision > 0, "revision", "must be positive")
                    .That(unit.ChangedAt != default, "changed_at", "is required");
                if (unit.ChangedBy is not null)
                {
                    check.Actor(unit.ChangedBy, "changed_by");
                }
                break;
            case JointConferenceProposed e: check.Conference(e.Conference).Actor(e.ChangedBy, "changed_by"); break;
            case JointConferenceUpdated e: check.Conference(e.Conference).Actor(e.ChangedBy, "changed_by"); break;
            case JointConferenceScheduled e: check.Conference(e.Conference).Actor(e.ChangedBy, "changed_by"); break;
            case JointConferenceReopened e: check.Conference(e.Conference).Text(e.Body, "body").Actor(e.ChangedBy, "changed_by"); break;
            case JointConferencePostponed e: check.Conference(e.Conference).Actor(e.ChangedBy, "changed_by"); break;
            case JointConferenceConcluded e: check.Conference(e.Conference).Actor(e.ChangedBy, "changed_by"); break;
            case JointConferenceCancelled e: check.Conference(e.Conference).Text(e.Reason, "reason", max: 1000).Actor(e.ChangedBy, "changed_by"); break;
            case JointParticipationChanged p:
                check.Text(p.ConferenceId, "conference_id").Text(p.LeadBody, "lead_body").Text(p.Body, "body")
                    .That(p.Revision >= 0, "revision", "must not be negative")
                    .That(p.Response is not null && Responses.Contains(p.Response), "response", "must be one of " + string.Join(", ", Responses))
                    .That(p.AgendaItems is not null && p.AgendaItems.All(i => i?.Presenter is not null && i.Title is not null), "agenda_items", "are required, each with a title and a presenter")
                    .That(p.BridgePoints is not null && p.BridgePoints.All(b => b?.LocalChair is not null && !string.IsNullOrEmpty(b.SiteCode)), "bridge_points", "are required, each with a site and a local chair")
                    .Actor(p.ChangedBy, "changed_by");
                break;
            case JointTaskProgressReported r: check.TaskState(r.Task).That(r.Note is not null, "note", "is required").Actor(r.ChangedBy, "changed_by"); break;
            case JointTaskFellOverdue o: check.TaskState(o.Task).Actor(o.ChangedBy, "changed_by"); break;
            case VettingRequested request:
                check.That(request.BatchId != Guid.Empty, "batch_id", "is required")
                    .That(request.Bodies is { Count: > 0 }, "bodies", "are required")
                    .That(request.Subjects is { Count: > 0 } && request.Subjects.All(s => s is not null && s.CandidateId != Guid.Empty
                        && !string.IsNullOrEmpty(s.NationalId) && !string.IsNullOrEmpty(s.ElectionId) && s.Request >= 0 && s.BirthDate != default),
                        "subjects", "are required, each with a candidate id, a request number, an election, a national id and a birth date")
                    .Actor(request.RequestedBy, "requested_by");
                break;
            case VettingAnswered answered:
                check.That(answered.BatchId != Guid.Empty, "batch_id", "is required").Text(answered.Body, "body")
                    .That(answered.Answers is not null && answered.Answers.All(a => a is not null && a.CandidateId != Guid.Empty && a.Request >= 0
                        && a.Findings is not null && a.Findings.All(f => f is not null && !string.IsNullOrEmpty(f.Rule) && !string.IsNullOrEmpty(f.Result))),
                        "answers", "are required, each with a candidate id, the request it answers and findings with a rule and a result")
                    .Actor(answered.AnsweredBy, "answered_by");
                break;
        }
        return check.Found;
    }

    private sealed class Checks
    {
        public List<string> Found { get; } = [];

        public Checks That(bool condition, string field, string description)
        {
            if (!condition)
            {
                Found.Add($"{field}: {description}");
            }
            return this;
        }

        public Checks Text(string? value, string field, int max = 100) =>
            That(!string.IsNullOrWhiteSpace(value) && value.Length <= max, field, $"is required, at most {max} characters");

        public Checks Actor(Actor? actor, string field) =>
            That(actor is not null && !string.IsNullOrEmpty(actor.Subject) && !string.IsNullOrEmpty(actor.Body), field, "is required, with a subject and a body");

        public Checks Conference(ConferenceSnapshot? conference)
        {
            if (conference is null)
            {
                return That(false, "conference", "is required");
            }
            return Text(conference.ConferenceId, "conference.conference_id").Text(conference.LeadBody, "conference.lead_body")
                .Text(conference.Title, "conference.title", max: 500).Text(conference.Status, "conference.status")
                .That(conference.Revision >= 0, "conference.revision", "must not be negative")
                .That(conference.Chair is not null, "conference.chair", "is required")
                .That(conference.Participants is not null, "conference.participants", "are required")
                .That(conference.Agenda is not null && conference.Agenda.All(a => a?.Item?.Presenter is not null), "conference.agenda", "is required, each item with its presenter")
                .That(conference.Tasks is not null && conference.Tasks.All(t => t is not null && !string.IsNullOrEmpty(t.Id) && t.Owners is not null && t.LegalBasis is not null),
                    "conference.tasks", "are required, each with an id, owners and legal basis");
        }

        public Checks TaskState(JointTaskState? task)
        {
            if (task is null)
            {
                return That(false, "task", "is required");
            }
            return Text(task.TaskId, "task.task_id").Text(task.ConferenceId, "task.conference_id").Text(task.LeadBody, "task.lead_body")
                .Text(task.OwnerBody, "task.owner_body")
                .That(task.Revision >= 0, "task.revision", "must not be negative")
                .That(task.Percent is >= 0 and <= 100, "task.percent", "must be between 0 and 100");
        }
    }
}
