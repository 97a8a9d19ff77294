using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Platform.DelegateAffairs.V1;
using Platform.Screens.Elections;
using Platform.Screens.Places;
using Platform.Screens.Charts;
using Platform.Screens.Formatting;
using Platform.Screens.Parts;

namespace Platform.Screens.Pages.Elections;

/// <summary>
/// One election: its legal timeline and its quota report as charts (for the three bodies), and its candidates with
/// their vetting status (Delegate Affairs only: the service refuses the others, and the page says so).
/// Each part is read in parallel and shows on its own, so one failing call leaves the others standing.
/// </summary>
public sealed class DetailsModel(ServiceChannels channels, ScreenSession session, ProvinceNames provinces, ILogger<DetailsModel> logger) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>Name search (diacritics and case folded by the service).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? NameQuery { get; set; }

    /// <summary>A vetting status name, e.g. NEEDS_REVIEW; empty for all.</summary>
    [BindProperty(SupportsGet = true, Name = "vetting")]
    public string? VettingFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public DateOnly Today { get; } = VietnameseFormat.Today(TimeProvider.System);

    /// <summary>
    /// The review queue lists candidates, which only Delegate Affairs may read (ListCandidates is its body's own):
    /// for anyone else the link would only lead to a refusal.
    /// </summary>
    public bool SeesReviewQueue => session.Body == "delegate-affairs";

    public PagePart<Election> Election { get; private set; } = PagePart<Election>.Without(PartState.Unavailable);
    public PagePart<ElectionTimeline> Timeline { get; private set; } = PagePart<ElectionTimeline>.Without(PartState.Unavailable);
    public PagePart<QuotaReport> Quota { get; private set; } = PagePart<QuotaReport>.Without(PartState.Unavailable);
    public PagePart<ListCandidatesResponse> Candidates { get; private set; } = PagePart<ListCandidatesResponse>.Without(PartState.Unavailable);

    public TimelineChart? TimelineChart { get; private set; }
    public QuotaChart? QuotaChart { get; private set; }

    public async Task OnGetAsync()
    {
        var channel = channels["delegate-affairs"];
        var elections = new ElectionService.ElectionServiceClient(channel);
        var candidates = new CandidateService.CandidateServiceClient(channel);
        var options = await session.CallAsync();
        var election = PageParts.LoadAsync(async () => await elections.GetElectionAsync(new GetElectionRequest { Id = Id }, options), logger, "an election");
        var timeline = PageParts.LoadAsync(async () =>
            await elections.GetElectionTimelineAsync(new GetElectionTimelineRequest { Id = Id }, options), logger, "an election's timeline");
        var quota = PageParts.LoadAsync(async () => await elections.GetQuotaReportAsync(new GetQuotaReportRequest { Id = Id }, options), logger, "a quota report");
        var list = PageParts.LoadAsync(async () => await candidates.ListCandidatesAsync(new ListCandidatesRequest
        {
            ElectionId = Id, NameQuery = NameQuery ?? "", VettingStatus = VettingFilter ?? "", PageSize = PageSize, PageToken = PageToken ?? "",
        }, options), logger, "an election's candidates");
        await Task.WhenAll(election, timeline, quota, list);
        (Election, Timeline, Quota, Candidates) = (election.Result, timeline.Result, quota.Result, list.Result);
        ProvinceNames = await provinces.GetAsync(Election.Value?.ElectionDay ?? ""); // the provinces as on election day

        if (Election.State == PartState.NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        if (Timeline.Value is { } t)
        {
            TimelineChart = Charts.TimelineChart.Layout(t, Today);
        }
        if (Quota.Value is { } q)
        {
            QuotaChart = Charts.QuotaChart.Layout(q.Overall);
        }
    }

    /// <summary>This page's URL with the candidate filters and the given page.</summary>
    public string CandidatesUrl(string? pageToken)
    {
        var query = new Dictionary<string, string?>();
        if (!string.IsNullOrEmpty(NameQuery))
        {
            query["q"] = NameQuery;
        }
        if (!string.IsNullOrEmpty(VettingFilter))
        {
            query["vetting"] = VettingFilter;
        }
        if (!string.IsNullOrEmpty(pageToken))
        {
            query["pageToken"] = pageToken;
        }
        return QueryHelpers.AddQueryString($"/elections/{Uri.EscapeDataString(Id)}", query) + "#candidates";
    }

    public Pager CandidatesPager => Pager.For("Phân trang người ứng cử", PageToken, Candidates.Value?.NextPageToken, CandidatesUrl,
        ListTotal.Of(Candidates.Value?.TotalSize, Candidates.Value?.TotalSizeCapped, "người ứng cử"));

    public IReadOnlyDictionary<string, string> ProvinceNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>"quoc-hoi-xv.01-02" → "Hà Nội, đơn vị số 2".</summary>
    public string Constituency(string id) => Screens.Places.ProvinceNames.Constituency(id, ProvinceNames);
}
