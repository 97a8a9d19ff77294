using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Elections;
using Platform.DelegateAffairs.V1;
using Platform.Screens.Parts;
using Platform.Screens.Places;

namespace Platform.Screens.Pages.Candidates;

/// <summary>
/// A candidate's vetting as the service returns it to this person: the outcome, the reasons and each body's findings
/// for the three bodies, the facts behind them only where the service sent them (Regulation 205: it decides, the page
/// shows what it gets). The candidate's own record is Delegate Affairs' alone.
/// </summary>
public sealed class DetailsModel(ServiceChannels channels, ScreenSession session, ProvinceNames provinces, ILogger<DetailsModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public PagePart<Candidate> Candidate { get; private set; } = PagePart<Candidate>.Without(PartState.Unavailable);
    public PagePart<CandidateVetting> Vetting { get; private set; } = PagePart<CandidateVetting>.Without(PartState.Unavailable);

    /// <summary>A Delegate Affairs reviewer, who settles a vetting that needs review (here, below its evidence, or in the queue).</summary>
    public bool IsReviewer => session.Body == "delegate-affairs" && session.Is("reviewer");

    /// <summary>The settle form, bound from its plain field names (Etag, Decision, Reason) on a post.</summary>
    [BindProperty]
    public SettlementForm Settlement { get; set; } = new();

    /// <summary>The decision just recorded, for the page after the redirect.</summary>
    [TempData]
    public string? JustSettled { get; set; }

    /// <summary>Settles the vetting (post, then redirect to the vetting); a refusal shows beside the form, what was typed kept.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await Settlement.SettleAsync(channels, session, logger, Id) is { } settled)
        {
            JustSettled = ElectionLabels.Vetting(settled.Status);
            return Redirect($"/candidates/{Uri.EscapeDataString(Id)}#vetting");
        }
        await OnGetAsync();
        return Page();
    }

    public IReadOnlyDictionary<string, string> ProvinceNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>"quoc-hoi-xv.01-02" → "Hà Nội, đơn vị số 2".</summary>
    public string Constituency(string id) => Screens.Places.ProvinceNames.Constituency(id, ProvinceNames);

    public async Task OnGetAsync()
    {
        var candidates = new CandidateService.CandidateServiceClient(channels["delegate-affairs"]);
        var options = await session.CallAsync();
        var candidate = PageParts.LoadAsync(async () => await candidates.GetCandidateAsync(new GetCandidateRequest { Id = Id }, options), logger, "a candidate");
        var vetting = PageParts.LoadAsync(async () =>
            await candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = Id }, options), logger, "a candidate's vetting");
        (Candidate, Vetting) = (await candidate, await vetting);
        if (Candidate.Value is { } shown)
        {
            // The constituency's province as on its election's day (a code may have been renamed since).
            var election = await PageParts.LoadAsync(async () => await new ElectionService.ElectionServiceClient(channels["delegate-affairs"])
                .GetElectionAsync(new GetElectionRequest { Id = shown.ElectionId }, options), logger, "an election");
            ProvinceNames = await provinces.GetAsync(election.Value?.ElectionDay ?? "");
        }
        if (Vetting.State is PartState.NotFound or PartState.Rejected && Candidate.State is not PartState.Shown)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
