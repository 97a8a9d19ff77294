using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.DelegateAffairs.V1;
using Platform.Screens.Elections;
using Platform.Screens.Places;
using Platform.Screens.Parts;

namespace Platform.Screens.Pages.Elections;

/// <summary>
/// The Needs review queue of an election: the candidates whose vetting a person must settle, each with its reasons and,
/// for Delegate Affairs reviewers, a form to settle it with a decision and a written reason (post, then redirect).
/// The service judges the settlement: its field violations show beside the fields, its refusals as a message.
/// </summary>
public sealed class ReviewModel(ServiceChannels channels, ScreenSession session, ProvinceNames provinces, ILogger<ReviewModel> logger) : PageModel
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    [BindProperty]
    public string? CandidateId { get; set; }

    /// <summary>Only for the message after the redirect; the service is told the id.</summary>
    [BindProperty]
    public string? CandidateName { get; set; }

    /// <summary>The settle form, bound from its plain field names (Etag, Decision, Reason) on a post.</summary>
    [BindProperty]
    public SettlementForm Settlement { get; set; } = new();

    /// <summary>
    /// The settlement just made, for the page after the redirect: "id", "name" and "decision" on three lines (one string:
    /// TempData would read a lone candidate id back as a Guid).
    /// </summary>
    [TempData]
    public string? Settled { get; set; }

    public (string Id, string Name, string Decision)? JustSettled => Settled?.Split('\n') is [var id, var name, var decision] ? (id, name, decision) : null;

    public PagePart<Election> Election { get; private set; } = PagePart<Election>.Without(PartState.Unavailable);
    public PagePart<ListCandidatesResponse> Queue { get; private set; } = PagePart<ListCandidatesResponse>.Without(PartState.Unavailable);
    public Dictionary<string, PagePart<CandidateVetting>> Vettings { get; } = [];

    /// <summary>A Delegate Affairs reviewer: the forms are shown only to them (the service refuses everyone else anyway).</summary>
    public bool IsReviewer => session.Body == "delegate-affairs" && session.Is("reviewer");

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Settlement.SettleAsync(channels, session, logger, CandidateId ?? "") is { } settled)
        {
            Settled = string.Join('\n', settled.CandidateId, (CandidateName ?? "").ReplaceLineEndings(" "), ElectionLabels.Vetting(settled.Status));
            return Redirect(Request.Path.Add(Request.QueryString));
        }
        Settlement.FormError = Settlement.FormError?.Replace("Trang đã được tải lại.", "Danh sách dưới đây đã được tải lại.");
        await LoadAsync();
        return Page();
    }

    public IReadOnlyDictionary<string, string> ProvinceNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>"quoc-hoi-xv.01-02" → "Hà Nội, đơn vị số 2".</summary>
    public string Constituency(string id) => Screens.Places.ProvinceNames.Constituency(id, ProvinceNames);

    /// <summary>The failed form's own value of a field, to show it again.</summary>
    public string? Posted(string candidateId, string? value) => candidateId == CandidateId ? value : null;

    /// <summary>The election's review queue, a page at a time, and the vetting (reasons, etag) of each candidate on it.</summary>
    private async Task LoadAsync()
    {
        var channel = channels["delegate-affairs"];
        var elections = new ElectionService.ElectionServiceClient(channel);
        var candidates = new CandidateService.CandidateServiceClient(channel);
        var options = await session.CallAsync();
        var election = PageParts.LoadAsync(async () => await elections.GetElectionAsync(new GetElectionRequest { Id = Id }, options), logger, "an election");
        var queue = PageParts.LoadAsync(async () => await candidates.ListCandidatesAsync(new ListCandidatesRequest
        {
            ElectionId = Id, VettingStatus = ElectionLabels.FilterName(VettingStatus.NeedsReview), PageSize = PageSize, PageToken = PageToken ?? "",
        }, options), logger, "the review queue");
        (Election, Queue) = (await election, await queue);
        ProvinceNames = await provinces.GetAsync(Election.Value?.ElectionDay ?? ""); // the provinces as on election day
        if (Queue.Value is { } page)
        {
            var vettingOptions = await session.CallAsync();
            var vettings = await Task.WhenAll(page.Candidates.Select(async c => (c.Id, await PageParts.LoadAsync(async () =>
                await candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = c.Id }, vettingOptions), logger, "a vetting"))));
            foreach (var (id, vetting) in vettings)
            {
                Vettings[id] = vetting;
            }
        }
    }
}
