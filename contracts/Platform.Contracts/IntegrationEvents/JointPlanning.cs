namespace Platform.Contracts.IntegrationEvents;

// Joint conference planning between the three bodies' services. Each event carries the whole state it
// speaks of and a revision, so that a consumer applies the newest state it has seen and ignores an older
// one arriving late: events may overtake each other (retries, a restarted relay) and nothing depends on
// their order. Enum values travel as their names without the prefix, e.g. "HALF_YEAR_REVIEW".

/// <summary>Who chairs a conference (chủ trì).</summary>
public sealed record ConferenceChair(string Name, string Title, string Body);

/// <summary>A person named in the plan as written at the time: presenter, local chair.</summary>
public sealed record PersonNamed(string Name, string Title, string Unit);

/// <summary>An agenda item a body contributes; <paramref name="Kind"/> is REPORT, GOOD_PRACTICE, DISCUSSION or CONCLUSION.</summary>
public sealed record AgendaItemInfo(string Title, PersonNamed Presenter, int Minutes, string Kind);

/// <summary>A bridge point (điểm cầu) a body hosts, at an administrative unit of the reference data.</summary>
public sealed record BridgePointInfo(
    string Key, string SiteCode, string SiteName, string Address, PersonNamed LocalChair, int ExpectedAttendees, string ConnectionContact);

/// <summary>An agenda item fixed in the schedule, with the body that contributed it and its times ("HH:mm").</summary>
public sealed record ScheduledAgendaItem(int Position, string Body, string StartTime, string EndTime, AgendaItemInfo Item);

/// <summary>A legal document a task rests on, e.g. 35-CT/TW of 2019-05-30.</summary>
public sealed record LegalBasisInfo(string Number, DateOnly? Date, string Title);

/// <summary>A task of a conclusion notice: its owner bodies track it.</summary>
public sealed record ConferenceTaskInfo(
    string Id, IReadOnlyList<string> Owners, DateOnly DueDate, IReadOnlyList<LegalBasisInfo> LegalBasis, string Description);

/// <summary>
/// A conference as its lead announces it to the participants: header, status, the fixed agenda and, once
/// concluded, the tasks. <paramref name="Status"/> is PLANNING, SCHEDULED, CONCLUDED or CANCELLED.
/// </summary>
public sealed record ConferenceSnapshot(
    string ConferenceId,
    string LeadBody,
    long Revision,
    string Title,
    string Kind,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly Date,
    TimeOnly StartTime,
    string Format,
    ConferenceChair Chair,
    IReadOnlyList<string> Participants,
    DateOnly ResponseDeadline,
    string Status,
    IReadOnlyList<ScheduledAgendaItem> Agenda,
    IReadOnlyList<ConferenceTaskInfo> Tasks);

/// <summary>A body proposed a joint conference and leads it: the co-organizers are invited.</summary>
public sealed record JointConferenceProposed(ConferenceSnapshot Conference, Actor ChangedBy);

/// <summary>The lead changed the conference's header (title, chair, period, deadline…).</summary>
public sealed record JointConferenceUpdated(ConferenceSnapshot Conference, Actor ChangedBy);

/// <summary>Every required body is ready: the agenda is fixed with times.</summary>
public sealed record JointConferenceScheduled(ConferenceSnapshot Conference, Actor ChangedBy);

/// <summary>A body changed its part after scheduling: readiness is open again for it.</summary>
public sealed record JointConferenceReopened(ConferenceSnapshot Conference, string Body, string Reason, Actor ChangedBy);

/// <summary>The lead moved the conference to a new date.</summary>
public sealed record JointConferencePostponed(ConferenceSnapshot Conference, string Reason, Actor ChangedBy);

/// <summary>The lead issued the conclusion notice; its tasks go to their owner bodies.</summary>
public sealed record JointConferenceConcluded(ConferenceSnapshot Conference, Actor ChangedBy);

/// <summary>The lead called the conference off before its conclusion: why, told to every participant. Nothing of it changes after.</summary>
public sealed record JointConferenceCancelled(ConferenceSnapshot Conference, string Reason, Actor ChangedBy);

/// <summary>
/// A body answered an invitation or changed its contribution; the lead's process manager tracks readiness
/// from it. <paramref name="Response"/> is PENDING, ACCEPTED or DECLINED.
/// </summary>
public sealed record JointParticipationChanged(
    string ConferenceId,
    string LeadBody,
    string Body,
    long Revision,
    string Response,
    string? DeclineReason,
    IReadOnlyList<AgendaItemInfo> AgendaItems,
    IReadOnlyList<BridgePointInfo> BridgePoints,
    bool HasReport,
    Actor ChangedBy);

/// <summary>An owner body's state of a conference task: reported progress, or found overdue by the sweep.</summary>
public sealed record JointTaskState(
    string TaskId, string ConferenceId, string LeadBody, string OwnerBody, long Revision, int Percent, bool Done, bool Overdue, DateTimeOffset ChangedAt);

/// <summary>An owner body reported progress on a conference task.</summary>
public sealed record JointTaskProgressReported(JointTaskState Task, string Note, Actor ChangedBy);

/// <summary>A conference task passed its due date before its owner finished it.</summary>
public sealed record JointTaskFellOverdue(JointTaskState Task, Actor ChangedBy);
