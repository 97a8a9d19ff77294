using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.DelegateAffairs.V1;
using Platform.Screens.Parts;
using Platform.Screens.Places;

namespace Platform.Screens.Pages.Elections;

/// <summary>
/// An election's constituencies (đơn vị bầu cử), a page at a time, each with its seats, the candidates standing and the
/// fewest the law requires for its seats (Law 85/2015 art. 58), so a shortfall shows before the list is closed; filtered
/// by province. Every body may read them (the candidates themselves only Delegate Affairs).
/// </summary>
public sealed class ConstituenciesModel(ServiceChannels channels, ScreenSession session, ProvinceNames provinces, ILogger<ConstituenciesModel> logger) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "province")]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public PagePart<Election> Election { get; private set; } = PagePart<Election>.Without(PartState.Unavailable);
    public PagePart<ListConstituenciesResponse> Constituencies { get; private set; } = PagePart<ListConstituenciesResponse>.Without(PartState.Unavailable);
    public IReadOnlyDictionary<string, string> ProvinceNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync()
    {
        var channel = channels["delegate-affairs"];
        var options = await session.CallAsync();
        var election = PageParts.LoadAsync(async () => await new ElectionService.ElectionServiceClient(channel)
            .GetElectionAsync(new GetElectionRequest { Id = Id }, options), logger, "an election");
        var list = PageParts.LoadAsync(async () => await new CandidateService.CandidateServiceClient(channel)
            .ListConstituenciesAsync(new ListConstituenciesRequest
            {
                ElectionId = Id, ProvinceCode = Province?.Trim() ?? "", PageSize = PageSize, PageToken = PageToken ?? "",
            }, options), logger, "the constituencies");
        (Election, Constituencies) = (await election, await list);
        ProvinceNames = await provinces.GetAsync(Election.Value?.ElectionDay ?? ""); // the provinces as on election day
        if (Election.State == PartState.NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>"Hà Nội" for "01", or the code when Home Affairs could not name it.</summary>
    public string ProvinceName(string code) => ProvinceNames.GetValueOrDefault(code) ?? code;

    /// <summary>The provinces for the filter, in Vietnamese order.</summary>
    public IEnumerable<KeyValuePair<string, string>> ProvinceChoices => ProvinceNames.OrderBy(p => p.Value, Platform.Vietnamese.VietnameseText.Order);

    public Pager Pager => Pager.For("Phân trang đơn vị bầu cử", PageToken, Constituencies.Value?.NextPageToken, PageUrl,
        ListTotal.Of(Constituencies.Value?.TotalSize, Constituencies.Value?.TotalSizeCapped, "đơn vị bầu cử"));

    private string PageUrl(string? pageToken) =>
        Pager.Link($"/elections/{Uri.EscapeDataString(Id)}/constituencies", pageToken, ("province", Province));
}
