using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.JointPlanning.Reads;
using Platform.Screens.Conferences;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// The joint conferences of the three bodies, by date, read with the person's token: the bodies' lists merged
/// (<see cref="JointPlanningLists"/>), filtered by participating body and status at the services and by a period
/// of dates here, a page at a time.
/// </summary>
public sealed class IndexModel(JointPlanningCallsFactory callsFactory, ScreenSession session) : PageModel
{
    /// <summary>Whether the person may propose a conference (<see cref="NewModel"/>): an editor of one of the bodies.</summary>
    public bool MayPropose => session.IsEditor && JointPlanningBodies.IsBody(session.Body);

    public const int PageSize = 20;

    /// <summary>At most this many reads to fill one page when the period leaves out most conferences.</summary>
    private const int MaxReads = 20;

    [BindProperty(SupportsGet = true, Name = "body")]
    public string? Body { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    /// <summary>The first day of the period (yyyy-MM-dd), inclusive.</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    /// <summary>The last day of the period (yyyy-MM-dd), inclusive.</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public List<Conference> Conferences { get; } = [];
    public List<string> Unavailable { get; } = [];
    public Dictionary<string, string> Problems { get; } = [];
    public bool NoneAnswered { get; private set; }

    /// <summary>
    /// The list is whole on this page (the first, with no next, every body answered), so its count is the total. The
    /// merged list has no total otherwise: a conference several bodies take part in is one row but in each body's count.
    /// </summary>
    public bool IsWhole => string.IsNullOrEmpty(PageToken) && NextPageToken.Length == 0 && Unavailable.Count == 0 && !NoneAnswered;
    public string NextPageToken { get; private set; } = "";

    public static readonly IReadOnlyList<ConferenceStatus> Statuses =
        [ConferenceStatus.Planning, ConferenceStatus.Scheduled, ConferenceStatus.Concluded, ConferenceStatus.Cancelled];

    public async Task OnGetAsync()
    {
        var query = new ListQuery();
        var onlyBody = query.Body(Body, "body");
        var onlyStatus = query.Status(Status);
        var from = Day(From, "from");
        var to = Day(To, "to");
        if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0)
        {
            Problems["to"] = "Ngày cuối không được trước ngày đầu.";
        }
        if (!query.IsValid)
        {
            foreach (var field in query.Errors.Keys)
            {
                Problems[field] = field == "body" ? "Không có cơ quan này." : "Không có trạng thái này.";
            }
        }
        if (Problems.Count > 0)
        {
            return;
        }

        var calls = await callsFactory.ForPersonAsync(HttpContext);
        var pages = JointPlanningLists.Conferences(calls, onlyBody, onlyStatus);
        var token = PageToken;
        for (var reads = 0; reads < MaxReads && Conferences.Count < PageSize; reads++)
        {
            MergedPage<Participation> page;
            try
            {
                page = await pages.ReadAsync(token, PageSize - Conferences.Count, HttpContext.RequestAborted);
            }
            catch (InvalidPageTokenException)
            {
                Problems["page"] = "Trang này không còn dùng được với bộ lọc hiện tại; hãy lọc lại từ trang đầu.";
                return;
            }
            var pastThePeriod = false;
            foreach (var conference in page.Items.Select(p => p.Conference).OfType<Conference>())
            {
                // The lists run by date: once past the period, nothing further is in it.
                if (to is not null && string.CompareOrdinal(conference.Date, to) > 0)
                {
                    pastThePeriod = true;
                    break;
                }
                if (from is null || string.CompareOrdinal(conference.Date, from) >= 0)
                {
                    Conferences.Add(conference);
                }
            }
            token = pastThePeriod ? "" : page.NextPageToken;
            if (token.Length == 0)
            {
                break;
            }
        }
        NextPageToken = token ?? "";
        NoneAnswered = !calls.AnyAnswered;
        Unavailable.AddRange(calls.Unavailable.Select(u => u.Body));
    }

    /// <summary>The link to another page of the same filters.</summary>
    public string PageLink(string? pageToken)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["body"] = Body, ["status"] = Status, ["from"] = From, ["to"] = To, ["pageToken"] = pageToken,
        };
        return QueryString.Create(parameters.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is { Length: > 0 } query
            ? "/conferences" + query
            : "/conferences";
    }

    private string? Day(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            Problems[field] = "Phải là một ngày hợp lệ.";
            return null;
        }
        return value;
    }
}
