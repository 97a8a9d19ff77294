using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Parts;
using Platform.Screens.Places;
using Platform.HomeAffairs.V1;

namespace Platform.Screens.Pages.CouncilSeats;

/// <summary>
/// How many deputies each People's Council elects in a term (số đại biểu HĐND), as Home Affairs fixes them, a page at a
/// time, each council named by its administrative unit and with the document that fixes its seats. Every body may read them.
/// </summary>
public sealed class IndexModel(ServiceChannels channels, ScreenSession session, ProvinceNames provinces, ILogger<IndexModel> logger) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The term councils were last elected for; the service needs one.</summary>
    public const string DefaultTerm = "2021-2026";

    [BindProperty(SupportsGet = true, Name = "term")]
    public string? Term { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public string ChosenTerm => string.IsNullOrWhiteSpace(Term) ? DefaultTerm : Term.Trim();

    public PagePart<ListCouncilSeatsResponse> Seats { get; private set; } = PagePart<ListCouncilSeatsResponse>.Without(PartState.Unavailable);

    /// <summary>The names of this page's units (a province from the cached map, the others read one by one).</summary>
    public Dictionary<string, string> UnitNames { get; } = [];

    public async Task OnGetAsync()
    {
        var channel = channels["home-affairs"];
        var options = await session.CallAsync();
        var list = PageParts.LoadAsync(async () => await new RecognitionService.RecognitionServiceClient(channel).ListCouncilSeatsAsync(
            new ListCouncilSeatsRequest { Term = ChosenTerm, PageSize = PageSize, PageToken = PageToken ?? "" }, options), logger, "the council seats");
        var names = provinces.GetAsync();
        Seats = await list;
        foreach (var (code, name) in await names)
        {
            UnitNames[code] = name;
        }
        if (Seats.Value is not { } page)
        {
            return;
        }
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(channel);
        var read = await Task.WhenAll(page.CouncilSeats.Select(s => s.UnitCode).Where(c => !UnitNames.ContainsKey(c)).Distinct().Select(async code => (code,
            (await PageParts.LoadAsync(async () => await units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = code }, options),
                logger, "an administrative unit")).Value)));
        foreach (var (code, unit) in read.Where(r => r.Value is not null))
        {
            UnitNames[code] = unit!.Name;
        }
    }

    /// <summary>"Hội đồng nhân dân Thành phố Hà Nội", or the unit's code when its name could not be read.</summary>
    public string Council(string code) => UnitNames.TryGetValue(code, out var name) ? $"HĐND {name}" : $"HĐND đơn vị mã {code}";

    public Pager Pager => Pager.For("Phân trang số đại biểu HĐND", PageToken, Seats.Value?.NextPageToken, PageUrl,
        ListTotal.Of(Seats.Value?.TotalSize, Seats.Value?.TotalSizeCapped, "hội đồng nhân dân"));

    private string PageUrl(string? pageToken) => Pager.Link("/council-seats", pageToken, ("term", ChosenTerm));
}
