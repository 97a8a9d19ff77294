using Platform.Contracts.IntegrationEvents;
using Platform.Auditing;

namespace Platform.JointPlanning.Model;

/// <summary>How many attended at one bridge point of one body.</summary>
public sealed record AttendanceRecord(string Body, string BridgePointKey, int Attendees);

/// <summary>A good practice presented at the conference (mô hình mới, cách làm hay).</summary>
public sealed record GoodPracticeRecord(string Unit, string Title, string Summary);

/// <summary>
/// A joint conference as its lead's service owns it, and the state of its process manager: the status
/// moves Planning → Scheduled → Concluded, back to Planning when a body changes its part after scheduling
/// or the lead postpones. Every change the participants are told of increases <see cref="Revision"/>.
/// </summary>
public sealed class LedConference : IAuditable
{
    public required string Id { get; init; }
    public required string LeadBody { get; init; }
    public required string Title { get; set; }
    public required string Kind { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public required string Format { get; set; }
    public required string ChairName { get; set; }
    public required string ChairTitle { get; set; }
    public required string ChairBody { get; set; }
    public DateOnly ResponseDeadline { get; set; }
    public string Status { get; set; } = ConferenceStatuses.Planning;
    public List<ScheduledAgendaItem> Agenda { get; set; } = [];
    public List<AttendanceRecord> Attendance { get; set; } = [];
    public List<GoodPracticeRecord> GoodPractices { get; set; } = [];
    public string? ConclusionSummary { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public List<ConferenceTaskInfo> Tasks { get; set; } = [];
    public string? PostponementReason { get; set; }
    public string? CancellationReason { get; set; }
    public long Revision { get; set; }
    /// <summary>Set by every change, participants' included, so that two concurrent steps of the process conflict on the row version.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Date then id: the order of lists.</summary>
    public string ListKey { get; set; } = "";
    public uint RowVersion { get; set; }
    public List<ConferenceParticipant> Participants { get; set; } = [];

    public string AuditResource => $"conferences/{Id}";

    public IEnumerable<ConferenceParticipant> Required => Participants.Where(p => !p.Excluded);

    public ConferenceParticipant? Participant(string body) => Participants.SingleOrDefault(p => p.Body == body);

    public static string KeyFor(DateOnly date, string id) => $"{date:yyyy-MM-dd}|{id}";

    /// <summary>Fixes the agenda and schedules the conference if it is being planned and every required body is ready.</summary>
    public bool TrySchedule()
    {
        if (Status != ConferenceStatuses.Planning || !Required.All(p => p.IsReady))
        {
            return false;
        }
        Agenda = AgendaScheduler.Fix(StartTime, Required.OrderBy(p => p.Position).Select(p => (p.Body, (IReadOnlyList<AgendaItemInfo>)p.AgendaItems)));
        Status = ConferenceStatuses.Scheduled;
        return true;
    }

    /// <summary>A body's part changed after scheduling: the agenda is open again until everyone is ready.</summary>
    public void Reopen()
    {
        Status = ConferenceStatuses.Planning;
        Agenda = [];
    }

    public void Postpone(DateOnly date, TimeOnly startTime, DateOnly responseDeadline, string reason)
    {
        (Date, StartTime, ResponseDeadline, PostponementReason) = (date, startTime, responseDeadline, reason);
        ListKey = KeyFor(date, Id);
        Reopen();
        foreach (var participant in Participants)
        {
            participant.Overdue = false; // judged again against the new deadline
        }
    }

    /// <summary>Called off: the agenda and every part stay as they were, for the record.</summary>
    public void Cancel(string reason) => (Status, CancellationReason) = (ConferenceStatuses.Cancelled, reason);

    public void Conclude(string summary, DateOnly issuedOn, List<ConferenceTaskInfo> tasks)
    {
        (ConclusionSummary, ConcludedOn, Tasks, Status) = (summary, issuedOn, tasks, ConferenceStatuses.Concluded);
    }

    public ConferenceSnapshot ToSnapshot() => new(
        Id, LeadBody, Revision, Title, Kind, PeriodStart, PeriodEnd, Date, StartTime, Format,
        new ConferenceChair(ChairName, ChairTitle, ChairBody),
        Participants.OrderBy(p => p.Position).Select(p => p.Body).ToList(),
        ResponseDeadline, Status, Agenda, Tasks);
}
