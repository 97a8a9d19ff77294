using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Parts;
using Platform.Organization.V1;

namespace Platform.Screens.Pages.Cadres;

/// <summary>
/// The Organization's cadre records (hồ sơ cán bộ), a page at a time in the service's name order, found by name with or
/// without diacritics. Personnel files: the service answers the Organization's people only; others see why not.
/// </summary>
public sealed class IndexModel(ServiceChannels channels, ScreenSession session, ILogger<IndexModel> logger) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public PagePart<ListCadreRecordsResponse> Cadres { get; private set; } = PagePart<ListCadreRecordsResponse>.Without(PartState.Unavailable);

    public async Task OnGetAsync()
    {
        var cadres = new CadreService.CadreServiceClient(channels["organization"]);
        var options = await session.CallAsync();
        Cadres = await PageParts.LoadAsync(async () => await cadres.ListCadreRecordsAsync(new ListCadreRecordsRequest
        {
            NameQuery = Query?.Trim() ?? "", PageSize = PageSize, PageToken = PageToken ?? "",
        }, options), logger, "the cadre records");
    }

    public Pager Pager => Pager.For("Phân trang hồ sơ cán bộ", PageToken, Cadres.Value?.NextPageToken, PageUrl,
        ListTotal.Of(Cadres.Value?.TotalSize, Cadres.Value?.TotalSizeCapped, "hồ sơ"));

    private string PageUrl(string? pageToken) => Pager.Link("/cadres", pageToken, ("q", Query));
}
