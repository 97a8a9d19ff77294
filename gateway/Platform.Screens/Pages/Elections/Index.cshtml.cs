using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.DelegateAffairs.V1;
using Platform.Screens.Parts;

namespace Platform.Screens.Pages.Elections;

/// <summary>The elections Delegate Affairs prepares (readable by the three bodies), a page at a time.</summary>
public sealed class IndexModel(ServiceChannels channels, ScreenSession session, ILogger<IndexModel> logger) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public PagePart<ListElectionsResponse> Elections { get; private set; } = PagePart<ListElectionsResponse>.Without(PartState.Unavailable);

    public async Task OnGetAsync()
    {
        var elections = new ElectionService.ElectionServiceClient(channels["delegate-affairs"]);
        var options = await session.CallAsync();
        Elections = await PageParts.LoadAsync(async () =>
            await elections.ListElectionsAsync(new ListElectionsRequest { PageSize = PageSize, PageToken = PageToken ?? "" }, options),
            logger, "the elections");
    }
}
