using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Gateway.JointPlanning;
using Platform.Gateway.Screens.Conferences;
using Platform.Gateway.Screens.Forms;
using Platform.Gateway.Screens.Formatting;
using Platform.Gateway.Screens.Places;
using Platform.JointPlanning.V1;

namespace Platform.Gateway.Screens.Pages.Conferences;

/// <summary>
/// A joint conference's plan, read like the JSON API's (<see cref="JointPlanReader"/>) with the person's own token,
/// and the forms of what the person's body and role may do: its own participation (any participant's editors),
/// attendance, good practices and the conclusion (the lead's editors), progress on its own tasks (an owner's
/// editors). Each write goes to the person's own body's service with the etag shown; after it, the page is read again
/// (post-redirect-get); a refusal is shown on the page re-read, next to the field it names.
/// </summary>
public sealed class DetailsModel(
    JointPlanningCallsFactory callsFactory, JointPlanningClients clients, ScreenSession session, ProvinceNames provinces) : PageModel
{
    private const int TaskRowsAtFirst = 1;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public JointPlanView View { get; private set; } = null!;
    public JointPlan Plan => View.Plan;
    public Conference? Conference => View.Conference;
    public ScreenSession Session => session;
    public FormErrors Errors { get; } = new() { LabelOf = LabelOf };

    /// <summary>What was saved by the last write, shown once after its redirect.</summary>
    [TempData]
    public string? Saved { get; set; }

    /// <summary>The part of the page whose form was saved: the confirmation shows there, where the page lands.</summary>
    [TempData]
    public string? SavedIn { get; set; }

    /// <summary>The last confirmation if it belongs beside the part with this id, else null.</summary>
    public string? SavedAt(string part) => SavedIn == part ? Saved : null;

    /// <summary>
    /// What the last "Bỏ" took away (<see cref="RemovedItem"/>, written out), shown once beside its confirmation with
    /// a "Hoàn tác" button that puts it back: removing is one click, so it must be as easy to take back.
    /// </summary>
    [TempData]
    public string? Removed { get; set; }

    /// <summary>The removed item a "Hoàn tác" button sends back.</summary>
    [BindProperty]
    public string? Restore { get; set; }

    /// <summary>The last removal if its confirmation is beside the part with this id, else null.</summary>
    public string? RemovedAt(string part) => SavedIn == part && Saved is not null ? Removed : null;

    /// <summary>
    /// The added item the add form edits instead ("agenda-item-2", "bridge-point-0", "good-practice-1"): the page's
    /// ?sua=, which each item's "Sửa" link sets, and the form sends back.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "sua")]
    public string? Editing { get; set; }

    /// <summary>The position of the item of <paramref name="kind"/> the add form edits, or null when it adds.</summary>
    public int? EditingAt(string kind) =>
        Editing is { } editing && editing.StartsWith(kind + "-", StringComparison.Ordinal)
        && int.TryParse(editing.AsSpan(kind.Length + 1), out var at) && at >= 0 ? at : null;

    /// <summary>The etag of what the form edits, as the page showed it.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>The position of the item a remove button removes.</summary>
    [BindProperty]
    public int? Index { get; set; }

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    [BindProperty]
    public AgendaItemInput NewAgendaItem { get; set; } = new();

    [BindProperty]
    public BridgePointInput NewBridgePoint { get; set; } = new();

    /// <summary>What the bridge point form's site search looks for: a province's name, typed with or without marks.</summary>
    [BindProperty]
    public string? SiteQuery { get; set; }

    /// <summary>The province a search result's button chose: its code goes into the form.</summary>
    [BindProperty]
    public string? PickSite { get; set; }

    /// <summary>The provinces the last site search found, for the person to choose one; null when none was asked.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? SiteMatches { get; private set; }

    [BindProperty]
    public ReportInput ReportText { get; set; } = new();

    [BindProperty]
    public List<AttendanceInput> AttendanceCounts { get; set; } = [];

    [BindProperty]
    public GoodPracticeInput NewGoodPractice { get; set; } = new();

    [BindProperty]
    public NoticeInput Notice { get; set; } = new();

    [BindProperty]
    public ProgressInput ProgressReport { get; set; } = new();

    [BindProperty]
    public List<string> ProceedWithout { get; set; } = [];

    /// <summary>The person's body's own participation, when it takes part and its service answered.</summary>
    public Participation? Own => Plan.ParticipationOf(session.Body);

    public bool IsLeadEditor => session.IsEditor && session.Body == Plan.LeadBody;

    /// <summary>Its own part, until the conclusion closes contributions.</summary>
    public bool CanContribute => session.IsEditor && Own is not null && View.Status is not (ConferenceStatus.Concluded or ConferenceStatus.Cancelled);

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

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        PrefillForms(posted: null);
        return Shown();
    }

    public Task<IActionResult> OnPostAnswerAsync()
    {
        var response = Answer.Response switch
        {
            "accept" => InvitationResponse.Accepted,
            "decline" => InvitationResponse.Declined,
            _ => InvitationResponse.Unspecified,
        };
        return UpdateParticipationAsync(
            (_, change) => (change.Response, change.DeclineReason) = (response, Answer.DeclineReason ?? ""),
            ["response", "decline_reason"],
            field => field switch
            {
                "participation.response" => "answer-response",
                "participation.decline_reason" => "answer-decline-reason",
                _ => null,
            },
            response == InvitationResponse.Declined ? "Đã gửi lời từ chối." : "Đã gửi trả lời.");
    }

    public Task<IActionResult> OnPostAgendaItemAsync()
    {
        var position = 0;
        var edited = false;
        return UpdateParticipationAsync(
            (current, change) =>
            {
                (position, edited) = Slot(EditingAt(RemovedItem.AgendaItem), current.AgendaItems.Count);
                change.AgendaItems.AddRange(current.AgendaItems);
                Put(change.AgendaItems, position, new AgendaItem
                {
                    Title = NewAgendaItem.Title ?? "",
                    Kind = System.Enum.TryParse<AgendaItemKind>(NewAgendaItem.Kind, out var kind) ? kind : AgendaItemKind.Unspecified,
                    Minutes = NewAgendaItem.Minutes ?? 0,
                    Presenter = new Person
                    {
                        Name = NewAgendaItem.PresenterName ?? "", Title = NewAgendaItem.PresenterTitle ?? "", Unit = NewAgendaItem.PresenterUnit ?? "",
                    },
                });
            },
            ["agenda_items"],
            field => Within(field, $"participation.agenda_items[{position}].") switch
            {
                "title" => "agenda-title",
                "kind" => "agenda-kind",
                "minutes" => "agenda-minutes",
                "presenter.name" => "agenda-presenter-name",
                "presenter.title" => "agenda-presenter-title",
                "presenter.unit" => "agenda-presenter-unit",
                _ => null,
            },
            () => edited ? "Đã sửa nội dung." : "Đã thêm nội dung vào chương trình.");
    }

    public Task<IActionResult> OnPostRemoveAgendaItemAsync() =>
        UpdateParticipationAsync(
            (current, change) =>
            {
                Removed = RemovedItem.Of(RemovedItem.AgendaItem, Index, current.AgendaItems);
                change.AgendaItems.AddRange(current.AgendaItems.Where((_, i) => i != Index));
            },
            ["agenda_items"], _ => null, "Đã bỏ nội dung khỏi chương trình.");

    public Task<IActionResult> OnPostBridgePointAsync()
    {
        var position = 0;
        var edited = false;
        return UpdateParticipationAsync(
            (current, change) =>
            {
                (position, edited) = Slot(EditingAt(RemovedItem.BridgePoint), current.BridgePoints.Count);
                change.BridgePoints.AddRange(current.BridgePoints);
                // An edited point keeps its key unless one is typed (the lead's attendance refers to it).
                var key = !string.IsNullOrWhiteSpace(NewBridgePoint.Key) ? NewBridgePoint.Key.Trim()
                    : edited ? current.BridgePoints[position].Key
                    : Enumerable.Range(position + 1, current.BridgePoints.Count + 1)
                        .Select(n => $"diem-cau-{n}").First(k => current.BridgePoints.All(p => p.Key != k));
                Put(change.BridgePoints, position, new BridgePoint
                {
                    Key = key,
                    SiteCode = NewBridgePoint.SiteCode?.Trim() ?? "",
                    Address = NewBridgePoint.Address ?? "",
                    LocalChair = new Person { Name = NewBridgePoint.ChairName ?? "", Title = NewBridgePoint.ChairTitle ?? "" },
                    ExpectedAttendees = NewBridgePoint.ExpectedAttendees ?? 0,
                    ConnectionContact = NewBridgePoint.ConnectionContact ?? "",
                });
            },
            ["bridge_points"],
            field => Within(field, $"participation.bridge_points[{position}].") switch
            {
                "key" => "bridge-key",
                "site_code" => "bridge-site-code",
                "address" => "bridge-address",
                "local_chair.name" => "bridge-chair-name",
                "local_chair.title" => "bridge-chair-title",
                "expected_attendees" => "bridge-expected",
                "connection_contact" => "bridge-contact",
                _ => null,
            },
            () => edited ? "Đã sửa điểm cầu." : "Đã thêm điểm cầu.");
    }

    /// <summary>
    /// The bridge point form's site search (nothing is sent to a service but Home Affairs' map): the provinces whose
    /// name contains what was typed, without marks or with; one found, or one chosen, fills the code. The form keeps
    /// everything else typed.
    /// </summary>
    public async Task<IActionResult> OnPostFindSiteAsync()
    {
        // The conference first: the provinces offered are those of its day, named as then (the map changed in 2025).
        var shown = await ShownAgainAsync(nameof(NewBridgePoint));
        if (PickSite is { Length: > 0 })
        {
            NewBridgePoint.SiteCode = PickSite;
        }
        else
        {
            var matches = ProvinceNames.Matching(await SitesAsync(), SiteQuery);
            if (matches.Count == 1)
            {
                NewBridgePoint.SiteCode = matches[0].Key;
            }
            SiteMatches = matches;
        }
        return shown;
    }

    /// <summary>The province of the code in the bridge point form, to show beside it; null when it names none on the conference's day.</summary>
    public async Task<string?> SiteNameAsync() =>
        NewBridgePoint.SiteCode is { Length: > 0 } code && (await SitesAsync()).TryGetValue(code, out var name) ? name : null;

    /// <summary>The provinces that exist on the conference's day, named as then; all of today's when its day is unknown.</summary>
    private Task<IReadOnlyDictionary<string, string>> SitesAsync() =>
        provinces.GetAsync(View?.Conference?.Date is { Length: > 0 } day ? day : VietnameseFormat.Today(TimeProvider.System).ToString("yyyy-MM-dd"));

    public Task<IActionResult> OnPostRemoveBridgePointAsync() =>
        UpdateParticipationAsync(
            (current, change) =>
            {
                Removed = RemovedItem.Of(RemovedItem.BridgePoint, Index, current.BridgePoints);
                change.BridgePoints.AddRange(current.BridgePoints.Where((_, i) => i != Index));
            },
            ["bridge_points"], _ => null, "Đã bỏ điểm cầu.");

    public Task<IActionResult> OnPostReportAsync() =>
        UpdateParticipationAsync(
            (_, change) => change.Report = new ReviewReport
            {
                Results = ReportText.Results ?? "", Shortcomings = ReportText.Shortcomings ?? "", Proposals = ReportText.Proposals ?? "",
            },
            ["report"],
            field => field switch
            {
                "participation.report.results" => "report-results",
                "participation.report.shortcomings" => "report-shortcomings",
                "participation.report.proposals" => "report-proposals",
                _ => null,
            },
            "Đã lưu báo cáo sơ kết.");

    public Task<IActionResult> OnPostAttendanceAsync()
    {
        // Rows left empty are not sent: the i-th record sent is the row at sent[i].
        var sent = AttendanceCounts.Select((row, i) => (row, i)).Where(x => x.row.Attendees is not null).Select(x => x.i).ToList();
        return UpdateConferenceAsync(
            (_, change) => change.Attendance.AddRange(sent.Select(i => new Attendance
            {
                Body = AttendanceCounts[i].Body ?? "", BridgePointKey = AttendanceCounts[i].Key ?? "", Attendees = AttendanceCounts[i].Attendees!.Value,
            })),
            "attendance",
            field => RowOf(field, "conference.attendance[") is { } k && k < sent.Count ? $"attendance-{sent[k]}" : null,
            "Đã ghi nhận số người dự.", "bridge-points");
    }

    public Task<IActionResult> OnPostGoodPracticeAsync()
    {
        var position = 0;
        var edited = false;
        return UpdateConferenceAsync(
            (current, change) =>
            {
                (position, edited) = Slot(EditingAt(RemovedItem.GoodPractice), current.GoodPractices.Count);
                change.GoodPractices.AddRange(current.GoodPractices);
                Put(change.GoodPractices, position, new GoodPractice
                {
                    Unit = NewGoodPractice.Unit ?? "", Title = NewGoodPractice.Title ?? "", Summary = NewGoodPractice.Summary ?? "",
                });
            },
            "good_practices",
            field => Within(field, $"conference.good_practices[{position}].") switch
            {
                "unit" => "practice-unit",
                "title" => "practice-title",
                "summary" => "practice-summary",
                _ => null,
            },
            () => edited ? "Đã sửa mô hình, cách làm hay." : "Đã thêm mô hình, cách làm hay.", "good-practices");
    }

    public Task<IActionResult> OnPostRemoveGoodPracticeAsync() =>
        UpdateConferenceAsync(
            (current, change) =>
            {
                Removed = RemovedItem.Of(RemovedItem.GoodPractice, Index, current.GoodPractices);
                change.GoodPractices.AddRange(current.GoodPractices.Where((_, i) => i != Index));
            },
            "good_practices", _ => null, "Đã bỏ mô hình, cách làm hay.", "good-practices");

    /// <summary>The conclusion notice as a Word document (.docx), once issued, for anyone who may see the conference.</summary>
    public async Task<IActionResult> OnGetNoticeAsync()
    {
        // The notice is the lead's alone: one read of its conference, not the plan from all three services.
        if (JointPlanningBodies.LeadOf(Id) is not { } lead)
        {
            return NotFound();
        }
        try
        {
            var conference = await clients[lead].GetConferenceAsync(new GetConferenceRequest { Id = Id }, await session.CallAsync());
            return conference.Status == ConferenceStatus.Concluded
                ? File(ConclusionNotice.Write(conference), ConclusionNotice.ContentType, $"thong-bao-ket-luan-{Id}.docx")
                : NotFound();
        }
        catch (RpcException failure) when (failure.StatusCode is Grpc.Core.StatusCode.NotFound or Grpc.Core.StatusCode.InvalidArgument)
        {
            return NotFound();
        }
        catch (RpcException failure) when (failure.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            return Forbid(ScreensExtensions.CookieScheme);
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>"Hoàn tác": the item the last "Bỏ" removed, put back where it was (or last, if the list got shorter).</summary>
    public async Task<IActionResult> OnPostRestoreAsync()
    {
        switch (RemovedItem.Parse(Restore))
        {
            case { Kind: RemovedItem.AgendaItem } item:
                return await UpdateParticipationAsync(
                    (current, change) => change.AgendaItems.AddRange(item.InsertInto(current.AgendaItems)),
                    ["agenda_items"], _ => null, "Đã khôi phục nội dung vào chương trình.");
            case { Kind: RemovedItem.BridgePoint } item:
                return await UpdateParticipationAsync(
                    (current, change) => change.BridgePoints.AddRange(item.InsertInto(current.BridgePoints)),
                    ["bridge_points"], _ => null, "Đã khôi phục điểm cầu.");
            case { Kind: RemovedItem.GoodPractice } item:
                return await UpdateConferenceAsync(
                    (current, change) => change.GoodPractices.AddRange(item.InsertInto(current.GoodPractices)),
                    "good_practices", _ => null, "Đã khôi phục mô hình, cách làm hay.", "good-practices");
            default:
                Errors.AddPage("Không khôi phục được: dữ liệu gửi đi không đọc được. Vui lòng tải lại trang.");
                return await ShownAgainAsync(null);
        }
    }

    /// <summary>One more task row in the conclusion form (nothing is sent).</summary>
    public async Task<IActionResult> OnPostAddTaskRowAsync()
    {
        Notice.Tasks.Add(new TaskInput());
        await LoadAsync();
        PrefillForms(posted: nameof(Notice));
        return Shown();
    }

    public async Task<IActionResult> OnPostConcludeAsync()
    {
        var lead = JointPlanningBodies.LeadOf(Id) ?? "";
        var rows = Notice.Tasks.Select((row, i) => (row, i)).Where(x => !x.row.IsEmpty).Select(x => x.i).ToList();
        var conclusion = new Conclusion { Summary = Notice.Summary ?? "", IssuedOn = Notice.IssuedOn ?? "" };
        conclusion.Tasks.AddRange(rows.Select(i => Notice.Tasks[i]).Select(row =>
        {
            var task = new ConferenceTask { DueDate = row.DueDate ?? "", Description = row.Description ?? "" };
            task.Owners.AddRange(row.Owners);
            if (!string.IsNullOrWhiteSpace(row.BasisNumber) || !string.IsNullOrWhiteSpace(row.BasisDate) || !string.IsNullOrWhiteSpace(row.BasisTitle))
            {
                task.LegalBasis.Add(new LegalBasis { Number = row.BasisNumber ?? "", Date = row.BasisDate ?? "", Title = row.BasisTitle ?? "" });
            }
            return task;
        }));
        try
        {
            await clients[lead].ConcludeConferenceAsync(
                new ConcludeConferenceRequest { Id = Id, Etag = Etag ?? "", Conclusion = conclusion }, await session.CallAsync());
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            Errors.Add(failure, lead, field =>
            {
                switch (field)
                {
                    case "conclusion.summary":
                        return "notice-summary";
                    case "conclusion.issued_on":
                        return "notice-issued-on";
                    case "conclusion.tasks":
                        return "notice-tasks";
                }
                if (RowOf(field, "conclusion.tasks[") is not { } k || k >= rows.Count)
                {
                    return null;
                }
                var rest = Within(field, $"conclusion.tasks[{k}].");
                var row = rows[k];
                return rest switch
                {
                    "owners" => $"task-{row}-owners",
                    _ when rest?.StartsWith("owners[", StringComparison.Ordinal) == true => $"task-{row}-owners",
                    "due_date" => $"task-{row}-due",
                    "description" => $"task-{row}-description",
                    "legal_basis" or "legal_basis[0].number" => $"task-{row}-basis-number",
                    "legal_basis[0].date" => $"task-{row}-basis-date",
                    "legal_basis[0].title" => $"task-{row}-basis-title",
                    _ => null,
                };
            });
            return await ShownAgainAsync(nameof(Notice));
        }
        return SavedAt("conclusion", $"Đã ban hành thông báo kết luận với {conclusion.Tasks.Count} nhiệm vụ.");
    }

    public async Task<IActionResult> OnPostProgressAsync()
    {
        if (!await ProgressReports.SendAsync(clients, session, ProgressReport, Errors))
        {
            return await ShownAgainAsync(nameof(ProgressReport));
        }
        return SavedAt(ProgressReports.DomId("task", ProgressReport.TaskId ?? ""), "Đã báo cáo tiến độ.");
    }

    public async Task<IActionResult> OnPostScheduleAsync()
    {
        var lead = JointPlanningBodies.LeadOf(Id) ?? "";
        var request = new ScheduleConferenceRequest { Id = Id, Etag = Etag ?? "" };
        request.ProceedWithout.AddRange(ProceedWithout);
        try
        {
            await clients[lead].ScheduleConferenceAsync(request, await session.CallAsync());
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            Errors.Add(failure, lead, _ => null);
            return await ShownAgainAsync(nameof(ProceedWithout));
        }
        return SavedAt("agenda", "Đã xếp lịch hội nghị.");
    }

    /// <summary>What the summary of errors calls an input of the page's forms.</summary>
    public static string? LabelOf(string inputId) => inputId switch
    {
        "answer-response" => "Trả lời lời mời",
        "answer-decline-reason" => "Lý do từ chối",
        "agenda-title" => "Tên nội dung",
        "agenda-kind" => "Loại nội dung",
        "agenda-minutes" => "Thời lượng",
        "agenda-presenter-name" => "Người trình bày",
        "agenda-presenter-title" => "Chức vụ người trình bày",
        "agenda-presenter-unit" => "Đơn vị người trình bày",
        "bridge-site-code" => "Mã đơn vị hành chính",
        "bridge-key" => "Mã điểm cầu",
        "bridge-address" => "Địa điểm",
        "bridge-chair-name" => "Người chủ trì tại điểm cầu",
        "bridge-chair-title" => "Chức vụ người chủ trì",
        "bridge-expected" => "Số người dự kiến",
        "bridge-contact" => "Liên hệ kỹ thuật",
        "report-results" => "Kết quả đạt được",
        "report-shortcomings" => "Hạn chế, khó khăn",
        "report-proposals" => "Kiến nghị, đề xuất",
        "practice-unit" => "Đơn vị",
        "practice-title" => "Tên mô hình, cách làm",
        "practice-summary" => "Tóm tắt",
        "notice-summary" => "Nội dung kết luận",
        "notice-issued-on" => "Ngày ban hành",
        "notice-tasks" => "Nhiệm vụ",
        _ when inputId.StartsWith("attendance-", StringComparison.Ordinal) => "Số người có mặt",
        _ when inputId.StartsWith("progress-", StringComparison.Ordinal) =>
            inputId.EndsWith("-percent", StringComparison.Ordinal) ? "Tỷ lệ hoàn thành" : "Kết quả, ghi chú",
        _ when inputId.Split('-') is ["task", var row, .. var field] && int.TryParse(row, out var i) =>
            $"Nhiệm vụ {i + 1}, " + string.Join('-', field) switch
            {
                "owners" => "cơ quan thực hiện",
                "description" => "nội dung",
                "due" => "hạn hoàn thành",
                "basis-number" => "số hiệu văn bản căn cứ",
                "basis-date" => "ngày của văn bản căn cứ",
                _ => "trích yếu văn bản căn cứ",
            },
        _ => null,
    };

    /// <summary>
    /// Sends a change of the person's body's participation: <paramref name="change"/> fills the fields of
    /// <paramref name="mask"/> from the participation as it is now (lists are sent whole), with the etag the page showed.
    /// </summary>
    private Task<IActionResult> UpdateParticipationAsync(
        Action<Participation, Participation> change, string[] mask, Func<string, string?> inputFor, string saved) =>
        UpdateParticipationAsync(change, mask, inputFor, () => saved);

    /// <param name="saved">The confirmation, asked after the write (what it says may depend on what <paramref name="change"/> found).</param>
    private async Task<IActionResult> UpdateParticipationAsync(
        Action<Participation, Participation> change, string[] mask, Func<string, string?> inputFor, Func<string> saved)
    {
        var body = session.Body;
        try
        {
            var options = await session.CallAsync();
            var current = await clients[body].GetParticipationAsync(new GetParticipationRequest { ConferenceId = Id }, options);
            var changed = new Participation { ConferenceId = Id, Etag = Etag ?? "" };
            change(current, changed);
            var request = new UpdateParticipationRequest { Participation = changed, UpdateMask = new FieldMask() };
            request.UpdateMask.Paths.AddRange(mask);
            await clients[body].UpdateParticipationAsync(request, options);
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            Removed = null; // nothing was removed
            Errors.Add(failure, body, inputFor);
            return await ShownAgainAsync(mask.Contains("report") ? nameof(ReportText) : null);
        }
        return SavedAt("participation", saved());
    }

    /// <summary>Sends a change of the conference's <paramref name="path"/> (attendance or good practices) to the lead's service.</summary>
    /// <summary>After a save, back to the part whose form was used (post, then redirect), with the confirmation beside it.</summary>
    private IActionResult SavedAt(string part, string message)
    {
        (Saved, SavedIn) = (message, part);
        return RedirectToPage(null, null, new { id = Id }, part);
    }

    private Task<IActionResult> UpdateConferenceAsync(
        Action<Conference, Conference> change, string path, Func<string, string?> inputFor, string saved, string section) =>
        UpdateConferenceAsync(change, path, inputFor, () => saved, section);

    private async Task<IActionResult> UpdateConferenceAsync(
        Action<Conference, Conference> change, string path, Func<string, string?> inputFor, Func<string> saved, string section)
    {
        var lead = JointPlanningBodies.LeadOf(Id) ?? "";
        try
        {
            var options = await session.CallAsync();
            var current = await clients[lead].GetConferenceAsync(new GetConferenceRequest { Id = Id }, options);
            var changed = new Conference { Id = Id, Etag = Etag ?? "" };
            change(current, changed);
            await clients[lead].UpdateConferenceAsync(
                new UpdateConferenceRequest { Conference = changed, UpdateMask = new FieldMask { Paths = { path } } }, options);
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            Removed = null; // nothing was removed
            Errors.Add(failure, lead, inputFor);
            return await ShownAgainAsync(path == "attendance" ? nameof(AttendanceCounts) : null);
        }
        return SavedAt(section, saved());
    }

    /// <summary>The page read again after a refusal, keeping what the person entered in the form they sent.</summary>
    private async Task<IActionResult> ShownAgainAsync(string? posted)
    {
        await LoadAsync();
        PrefillForms(posted);
        return Shown();
    }

    private async Task LoadAsync()
    {
        var calls = await callsFactory.ForPersonAsync(HttpContext);
        View = new JointPlanView(await new JointPlanReader(calls).ReadAsync(Id));
    }

    /// <summary>The forms that show what is stored (the report, attendance) or start with rows, except the one just sent.</summary>
    private void PrefillForms(string? posted)
    {
        if (posted is null)
        {
            PrefillEditedItem();
        }
        if (posted != nameof(ReportText) && Own?.Report is { } report && ReportText.Results is null)
        {
            ReportText = new ReportInput { Results = report.Results, Shortcomings = report.Shortcomings, Proposals = report.Proposals };
        }
        if (posted != nameof(AttendanceCounts))
        {
            AttendanceCounts = View.Sites.SelectMany(site => site.Points)
                .Select(row => new AttendanceInput { Body = row.Body, Key = row.Point.Key, Attendees = row.Attended })
                .ToList();
        }
        while (Notice.Tasks.Count < TaskRowsAtFirst)
        {
            Notice.Tasks.Add(new TaskInput());
        }
    }

    /// <summary>The add form filled with the item a "Sửa" link chose (?sua=), to be changed and saved in its place.</summary>
    private void PrefillEditedItem()
    {
        if (EditingAt(RemovedItem.AgendaItem) is { } a && Own?.AgendaItems.ElementAtOrDefault(a) is { } item)
        {
            NewAgendaItem = new AgendaItemInput
            {
                Title = item.Title, Kind = item.Kind.ToString(), Minutes = item.Minutes,
                PresenterName = item.Presenter?.Name, PresenterTitle = item.Presenter?.Title, PresenterUnit = item.Presenter?.Unit,
            };
        }
        if (EditingAt(RemovedItem.BridgePoint) is { } b && Own?.BridgePoints.ElementAtOrDefault(b) is { } point)
        {
            NewBridgePoint = new BridgePointInput
            {
                Key = point.Key, SiteCode = point.SiteCode, Address = point.Address, ChairName = point.LocalChair?.Name,
                ChairTitle = point.LocalChair?.Title, ExpectedAttendees = point.ExpectedAttendees, ConnectionContact = point.ConnectionContact,
            };
        }
        if (EditingAt(RemovedItem.GoodPractice) is { } g && Plan.Conference?.GoodPractices.ElementAtOrDefault(g) is { } practice)
        {
            NewGoodPractice = new GoodPracticeInput { Unit = practice.Unit, Title = practice.Title, Summary = practice.Summary };
        }
    }

    private IActionResult Shown()
    {
        switch (Plan.Outcome)
        {
            case JointPlanOutcome.InvalidId or JointPlanOutcome.NotFound:
                Response.StatusCode = StatusCodes.Status404NotFound;
                break;
            case JointPlanOutcome.Refused:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
        }
        return Page();
    }

    /// <summary>Where the add form's item goes: over the item it edits, if that is still there; else last (added).</summary>
    private static (int Position, bool Edited) Slot(int? editing, int count) =>
        editing is { } at && at < count ? (at, true) : (count, false);

    /// <summary>Puts <paramref name="item"/> at <paramref name="position"/>: over the item there, or after the last.</summary>
    private static void Put<T>(Google.Protobuf.Collections.RepeatedField<T> items, int position, T item)
    {
        if (position < items.Count)
        {
            items[position] = item;
        }
        else
        {
            items.Add(item);
        }
    }

    /// <summary>The rest of <paramref name="field"/> after <paramref name="prefix"/>, or null when it does not start with it.</summary>
    private static string? Within(string field, string prefix) =>
        field.StartsWith(prefix, StringComparison.Ordinal) ? field[prefix.Length..] : null;

    /// <summary>The index in "&lt;prefix&gt;3]…", or null.</summary>
    private static int? RowOf(string field, string prefix)
    {
        if (!field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var end = field.IndexOf(']', prefix.Length);
        return end > 0 && int.TryParse(field[prefix.Length..end], out var row) ? row : null;
    }
}
