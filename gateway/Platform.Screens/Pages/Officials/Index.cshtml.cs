using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Parts;
using Platform.HomeAffairs.V1;

namespace Platform.Screens.Pages.Officials;

/// <summary>
/// Home Affairs' records of cadres, civil servants and public employees (hồ sơ cán bộ, công chức, viên chức), a page at
/// a time, found by name with or without diacritics. The service answers Home Affairs' people only; others see why not.
/// </summary>
public sealed class IndexModel(ServiceChannels channels, ScreenSession session, ILogger<IndexModel> logger) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public PagePart<ListOfficialRecordsResponse> Officials { get; private set; } = PagePart<ListOfficialRecordsResponse>.Without(PartState.Unavailable);

    public async Task OnGetAsync()
    {
        var officials = new OfficialService.OfficialServiceClient(channels["home-affairs"]);
        var options = await session.CallAsync();
        Officials = await PageParts.LoadAsync(async () => await officials.ListOfficialRecordsAsync(new ListOfficialRecordsRequest
        {
            NameQuery = Query?.Trim() ?? "", PageSize = PageSize, PageToken = PageToken ?? "",
        }, options), logger, "the official records");
    }

    public Pager Pager => Pager.For("Phân trang hồ sơ công chức", PageToken, Officials.Value?.NextPageToken, PageUrl,
        ListTotal.Of(Officials.Value?.TotalSize, Officials.Value?.TotalSizeCapped, "hồ sơ"));

    private string PageUrl(string? pageToken) => Pager.Link("/officials", pageToken, ("q", Query));
}
