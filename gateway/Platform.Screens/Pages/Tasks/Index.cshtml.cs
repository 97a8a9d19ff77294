using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.JointPlanning.Reads;
using Platform.Screens.Conferences;
using Platform.Screens.Forms;
using Platform.Screens.Pages.Conferences;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Tasks;

/// <summary>
/// The conference tasks across the bodies as a board: a column per owner body, its tasks by due date, each with its
/// progress history, read from each owner's own service with the person's token (a page of the merged lists at a
/// time, <see cref="JointPlanningLists"/>); an owner's editors report progress on their own cards (post-redirect-get).
/// </summary>
public sealed class IndexModel(JointPlanningCallsFactory callsFactory, JointPlanningClients clients, ScreenSession session) : PageModel
{
    public const int PageSize = 60;

    [BindProperty(SupportsGet = true, Name = "owner")]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool OverdueOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    [BindProperty]
    public ProgressInput ProgressReport { get; set; } = new();

    /// <summary>What was saved by the last report, shown once after its redirect.</summary>
    [TempData]
    public string? Saved { get; set; }

    /// <summary>The card whose form was saved: the confirmation shows on it, where the page lands.</summary>
    [TempData]
    public string? SavedIn { get; set; }

    public FormErrors Errors { get; } = new() { LabelOf = id => id.EndsWith("-percent", StringComparison.Ordinal) ? "Tỷ lệ hoàn thành" : "Kết quả, ghi chú" };

    public List<JointTask> Tasks { get; } = [];

    /// <summary>The titles of the tasks' conferences, as their owners last heard them.</summary>
    public Dictionary<string, string> ConferenceTitles { get; } = [];

    public List<string> Unavailable { get; } = [];
    public bool NoneAnswered { get; private set; }

    /// <summary>
    /// The list is whole on this page (the first, with no next, every body answered), so its count is the total. The
    /// merged list has no total otherwise: a conference several bodies take part in is one row but in each body's count.
    /// </summary>
    public bool IsWhole => string.IsNullOrEmpty(PageToken) && NextPageToken.Length == 0 && Unavailable.Count == 0 && !NoneAnswered;
    /// <summary>What is wrong with the owner filter.</summary>
    public string? Problem { get; private set; }

    /// <summary>What is wrong with the page token (edited, or issued for other filters).</summary>
    public string? PageProblem { get; private set; }
    public string NextPageToken { get; private set; } = "";
    public ScreenSession Session => session;

    /// <summary>The board's columns: the owner chosen, or every body.</summary>
    public IReadOnlyList<string> Columns => JointPlanningBodies.IsBody(Owner) ? [Owner!] : JointPlanningBodies.All;

    public async Task OnGetAsync()
    {
        if (!string.IsNullOrEmpty(Owner) && !JointPlanningBodies.IsBody(Owner))
        {
            Problem = "Không có cơ quan này.";
            return;
        }
        var calls = await callsFactory.ForPersonAsync(HttpContext);
        var owner = string.IsNullOrEmpty(Owner) ? null : Owner;
        try
        {
            var page = await JointPlanningLists.Tasks(calls, owner, OverdueOnly, "").ReadAsync(PageToken, PageSize, HttpContext.RequestAborted);
            Tasks.AddRange(page.Items);
            NextPageToken = page.NextPageToken;
        }
        catch (InvalidPageTokenException)
        {
            PageProblem = "Trang này không còn dùng được với bộ lọc hiện tại; hãy lọc lại từ trang đầu.";
            return;
        }
        // Each conference's title from one of its owners' participations (an owner takes part in it).
        var titles = await Task.WhenAll(Tasks.GroupBy(t => t.ConferenceId).Select(async group =>
        {
            var participation = await calls.CallAsync(group.First().OwnerBody, (client, options) =>
                client.GetParticipationAsync(new GetParticipationRequest { ConferenceId = group.Key }, options));
            return (group.Key, Title: participation.Value?.Conference?.Title);
        }));
        foreach (var (conferenceId, title) in titles.Where(t => t.Title is { Length: > 0 }))
        {
            ConferenceTitles[conferenceId] = title!;
        }
        NoneAnswered = !calls.AnyAnswered;
        Unavailable.AddRange(calls.Unavailable.Select(u => u.Body));
    }

    public async Task<IActionResult> OnPostProgressAsync()
    {
        if (!await ProgressReports.SendAsync(clients, session, ProgressReport, Errors))
        {
            await OnGetAsync();
            return Page();
        }
        (Saved, SavedIn) = ("Đã báo cáo tiến độ.", CardId(ProgressReport.TaskId ?? "", session.Body));
        return Redirect(PageLink(PageToken) + "#" + SavedIn);
    }

    /// <summary>Where a card's progress form posts: this page, with its filters.</summary>
    public string ProgressAction => Url.Page("/Tasks/Index", "Progress",
        new { owner = Owner, overdue = OverdueOnly ? "true" : null, pageToken = PageToken })!;

    /// <summary>The last confirmation if it belongs on the card with this id, else null.</summary>
    public string? SavedAt(string cardId) => SavedIn == cardId ? Saved : null;

    /// <summary>The id of the card of an owner's copy of a task.</summary>
    public static string CardId(string taskId, string owner) => ProgressReports.DomId("card", $"{taskId}.{owner}");

    /// <summary>The link to another page of the same filters.</summary>
    public string PageLink(string? pageToken)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["owner"] = Owner, ["overdue"] = OverdueOnly ? "true" : null, ["pageToken"] = pageToken,
        };
        var query = QueryString.Create(parameters.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
        return "/tasks" + query;
    }

    public bool CanReportOn(JointTask task) => session.IsEditor && task.OwnerBody == session.Body;
}
