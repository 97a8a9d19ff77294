using Platform.JointPlanning.Reads;
using Platform.Screens.Conferences;
using Platform.Screens.Forms;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// The conference page as shown (_Conference.cshtml): the joint plan read with the person's own token, the forms of
/// what the person's body and role may do, and what each form shows. The page itself shows it after a read
/// (<see cref="DetailsModel"/>); a form's own page shows it again after a refusal, with what was sent put back.
/// </summary>
public sealed class ConferenceScreen(string id, JointPlanView view, ScreenSession session, Places.ProvinceNames provinces)
{
    public string Id => id;
    public JointPlanView View => view;
    public JointPlan Plan => view.Plan;
    public Conference? Conference => view.Conference;
    public ScreenSession Session => session;

    /// <summary>The browser's title: the conference's, once read.</summary>
    public string Title => Conference?.Title ?? "Hội nghị liên tịch";

    /// <summary>404 for an id no conference has, 403 for a conference the person may not see.</summary>
    public int StatusCode => Plan.Outcome switch
    {
        JointPlanOutcome.InvalidId or JointPlanOutcome.NotFound => StatusCodes.Status404NotFound,
        JointPlanOutcome.Refused => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>Why the last form sent was refused; empty after a plain read.</summary>
    public FormErrors Errors { get; init; } = new();

    /// <summary>What was saved by the last write, shown once after its redirect.</summary>
    public string? Saved { get; set; }

    /// <summary>The part of the page whose form was saved: the confirmation shows there, where the page lands.</summary>
    public string? SavedIn { get; set; }

    /// <summary>The last confirmation if it belongs beside the part with this id, else null.</summary>
    public string? SavedAt(string part) => SavedIn == part ? Saved : null;

    /// <summary>
    /// What the last "Bỏ" took away (<see cref="RemovedItem"/>, written out), shown once beside its confirmation with
    /// a "Hoàn tác" button that puts it back: removing is one click, so it must be as easy to take back.
    /// </summary>
    public string? Removed { get; set; }

    /// <summary>The last removal if its confirmation is beside the part with this id, else null.</summary>
    public string? RemovedAt(string part) => SavedIn == part && Saved is not null ? Removed : null;

    /// <summary>
    /// The added item the add form edits instead ("agenda-item-2", "bridge-point-0", "good-practice-1"): the page's
    /// ?sua=, which each item's "Sửa" link sets, and the form sends back.
    /// </summary>
    public string? Editing { get; init; }

    /// <summary>The position of the item of <paramref name="kind"/> the add form edits, or null when it adds.</summary>
    public int? EditingAt(string kind) => EditedPosition(Editing, kind);

    /// <summary>The position in <paramref name="editing"/> (a ?sua= value) if it names an item of <paramref name="kind"/>.</summary>
    public static int? EditedPosition(string? editing, string kind) =>
        editing is not null && editing.StartsWith(kind + "-", StringComparison.Ordinal)
        && int.TryParse(editing.AsSpan(kind.Length + 1), out var at) && at >= 0 ? at : null;

    // What each form shows: empty, what is stored, or (after a refusal) what was sent.

    public AnswerInput Answer { get; set; } = new();
    public AgendaItemInput NewAgendaItem { get; set; } = new();
    public BridgePointInput NewBridgePoint { get; set; } = new();

    /// <summary>What the bridge point form's site search looks for: a province's name, typed with or without marks.</summary>
    public string? SiteQuery { get; set; }

    /// <summary>The provinces the last site search found, for the person to choose one; null when none was asked.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? SiteMatches { get; set; }

    public ReportInput ReportText { get; set; } = new();
    public List<AttendanceInput> AttendanceCounts { get; set; } = [];
    public GoodPracticeInput NewGoodPractice { get; set; } = new();
    public NoticeInput Notice { get; set; } = new();
    public ProgressInput ProgressReport { get; set; } = new();
    public List<string> ProceedWithout { get; set; } = [];

    /// <summary>The person's body's own participation, when it takes part and its service answered.</summary>
    public Participation? Own => Plan.ParticipationOf(session.Body);

    public bool IsLeadEditor => session.IsEditor && session.Body == Plan.LeadBody;

    /// <summary>Its own part, until the conclusion closes contributions.</summary>
    public bool CanContribute => session.IsEditor && Own is not null && view.Status is not (ConferenceStatus.Concluded or ConferenceStatus.Cancelled);

    /// <summary>Attendance and good practices: by the lead, once the conference is scheduled.</summary>
    public bool CanRecordOutcome => IsLeadEditor && Plan.Conference is { Status: ConferenceStatus.Scheduled or ConferenceStatus.Concluded };

    /// <summary>The header's edit, the postponement and the cancellation (their own pages): by the lead, until it is concluded or cancelled.</summary>
    public bool CanChangeHeader => IsLeadEditor && Plan.Conference is { Status: not (ConferenceStatus.Concluded or ConferenceStatus.Cancelled) };

    public bool CanConclude => IsLeadEditor && Plan.Conference is { Status: ConferenceStatus.Scheduled };

    /// <summary>Co-organizers the lead may go on without: declined, or not ready after the response deadline.</summary>
    public IEnumerable<Readiness> Holdouts => Plan.Conference is { Status: ConferenceStatus.Planning } conference
        ? conference.Readiness.Skip(1).Where(r => !r.Ready && !r.Excluded && (r.Overdue || r.Response == InvitationResponse.Declined))
        : [];

    public bool CanSchedule => IsLeadEditor && Holdouts.Any();

    public bool CanReportOn(JointTask? copy) => copy is not null && session.IsEditor && copy.OwnerBody == session.Body;

    /// <summary>The province of the code in the bridge point form, to show beside it; null when it names none on the conference's day.</summary>
    public async Task<string?> SiteNameAsync() =>
        NewBridgePoint.SiteCode is { Length: > 0 } code && (await SitesAsync()).TryGetValue(code, out var name) ? name : null;

    /// <summary>The provinces that exist on the conference's day, named as then; all of today's when its day is unknown.</summary>
    public Task<IReadOnlyDictionary<string, string>> SitesAsync() =>
        provinces.GetAsync(Conference?.Date is { Length: > 0 } day ? day : Formatting.VietnameseFormat.Today(TimeProvider.System).ToString("yyyy-MM-dd"));
}
