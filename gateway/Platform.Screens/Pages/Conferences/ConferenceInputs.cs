namespace Platform.Screens.Pages.Conferences;

// What the conference page's forms post. Every field is nullable: an empty input binds to null, and the services,
// not the screens, decide what is required (their field violations are shown next to the inputs).

/// <summary>Accept or decline the invitation ("accept" / "decline"), with the reason for declining.</summary>
public sealed class AnswerInput
{
    public string? Response { get; set; }
    public string? DeclineReason { get; set; }
}

public sealed class AgendaItemInput
{
    public string? Title { get; set; }
    /// <summary>An AgendaItemKind name, e.g. "Report".</summary>
    public string? Kind { get; set; }
    public int? Minutes { get; set; }
    public string? PresenterName { get; set; }
    public string? PresenterTitle { get; set; }
    public string? PresenterUnit { get; set; }
}

public sealed class BridgePointInput
{
    /// <summary>Optional: made from the number of the bridge point when empty.</summary>
    public string? Key { get; set; }
    public string? SiteCode { get; set; }
    public string? Address { get; set; }
    public string? ChairName { get; set; }
    public string? ChairTitle { get; set; }
    public int? ExpectedAttendees { get; set; }
    public string? ConnectionContact { get; set; }
}

public sealed class ReportInput
{
    public string? Results { get; set; }
    public string? Shortcomings { get; set; }
    public string? Proposals { get; set; }
}

/// <summary>Those who attended at one bridge point; empty leaves the bridge point without a figure.</summary>
public sealed class AttendanceInput
{
    public string? Body { get; set; }
    public string? Key { get; set; }
    public int? Attendees { get; set; }
}

public sealed class GoodPracticeInput
{
    public string? Unit { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
}

/// <summary>The conclusion notice: its summary, the day it was issued (today when empty) and its task rows.</summary>
public sealed class NoticeInput
{
    public string? Summary { get; set; }
    public string? IssuedOn { get; set; }
    public List<TaskInput> Tasks { get; set; } = [];
}

/// <summary>One task row of the conclusion notice, with one document it rests on. A row left wholly empty is not sent.</summary>
public sealed class TaskInput
{
    public List<string> Owners { get; set; } = [];
    public string? DueDate { get; set; }
    public string? Description { get; set; }
    public string? BasisNumber { get; set; }
    public string? BasisDate { get; set; }
    public string? BasisTitle { get; set; }

    public bool IsEmpty => Owners.Count == 0 && string.IsNullOrWhiteSpace(DueDate) && string.IsNullOrWhiteSpace(Description)
        && string.IsNullOrWhiteSpace(BasisNumber) && string.IsNullOrWhiteSpace(BasisDate) && string.IsNullOrWhiteSpace(BasisTitle);
}

/// <summary>A progress report on one of the person's body's own copies of a task.</summary>
public sealed class ProgressInput
{
    public string? TaskId { get; set; }
    public string? Etag { get; set; }
    public int? Percent { get; set; }
    public bool Done { get; set; }
    public string? Note { get; set; }
}
