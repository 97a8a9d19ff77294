using Platform.Contracts.IntegrationEvents;
using Platform.Auditing;

namespace Platform.JointPlanning.Model;

/// <summary>One progress report on a task.</summary>
public sealed record ProgressNoteRecord(DateTimeOffset ReportedAt, int Percent, bool Done, string Note, string ReportedBy);

/// <summary>
/// A conference task as one of its owner bodies tracks it: progress reports (a history kept with the task),
/// percent, done, and overdue (set by the sweep). Every change increases <see cref="Revision"/> and is told to the lead.
/// </summary>
public sealed class OwnedTask : IAuditable
{
    public required string Id { get; init; }
    public required string ConferenceId { get; init; }
    public required string LeadBody { get; init; }
    public required string OwnerBody { get; init; }
    public List<string> Owners { get; set; } = [];
    public DateOnly DueDate { get; set; }
    public List<LegalBasisInfo> LegalBasis { get; set; } = [];
    public required string Description { get; set; }
    public int Percent { get; set; }
    public bool Done { get; set; }
    public bool Overdue { get; set; }
    public List<ProgressNoteRecord> Progress { get; set; } = [];
    public long Revision { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    /// <summary>Due date then id: the order of lists.</summary>
    public string ListKey { get; set; } = "";
    public uint RowVersion { get; set; }

    public string AuditResource => $"joint-tasks/{Id}";

    public static OwnedTask From(ConferenceTaskInfo task, string conferenceId, string leadBody, string ownerBody, DateTimeOffset now) => new()
    {
        Id = task.Id,
        ConferenceId = conferenceId,
        LeadBody = leadBody,
        OwnerBody = ownerBody,
        Owners = [.. task.Owners],
        DueDate = task.DueDate,
        LegalBasis = [.. task.LegalBasis],
        Description = task.Description,
        ListKey = $"{task.DueDate:yyyy-MM-dd}|{task.Id}",
        ChangedAt = now,
    };

    public void Report(int percent, bool done, string note, string reportedBy, DateTimeOffset now)
    {
        Percent = done ? 100 : percent;
        Done = done;
        if (done)
        {
            Overdue = false;
        }
        Progress.Add(new ProgressNoteRecord(now, Percent, Done, note, reportedBy));
        Revision++;
        ChangedAt = now;
    }

    /// <summary>True if the task just fell overdue: not done after its due date.</summary>
    public bool MarkOverdue(DateOnly today, DateTimeOffset now)
    {
        if (Done || Overdue || today <= DueDate)
        {
            return false;
        }
        Overdue = true;
        Revision++;
        ChangedAt = now;
        return true;
    }

    public JointTaskState ToState() => new(Id, ConferenceId, LeadBody, OwnerBody, Revision, Percent, Done, Overdue, ChangedAt);
}

/// <summary>The lead's copy of an owner body's state of one of its conference's tasks.</summary>
public sealed class TaskOwnerState : IAuditable
{
    public required string TaskId { get; init; }
    public required string OwnerBody { get; init; }
    public required string ConferenceId { get; init; }
    public long Revision { get; set; }
    public int Percent { get; set; }
    public bool Done { get; set; }
    public bool Overdue { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    public string AuditResource => $"conferences/{ConferenceId}/tasks/{TaskId}/owners/{OwnerBody}";

    /// <summary>Takes the owner's state if it is newer than the one held.</summary>
    public bool Take(JointTaskState state)
    {
        if (state.Revision <= Revision)
        {
            return false;
        }
        (Revision, Percent, Done, Overdue, ChangedAt) = (state.Revision, state.Percent, state.Done, state.Overdue, state.ChangedAt);
        return true;
    }
}
