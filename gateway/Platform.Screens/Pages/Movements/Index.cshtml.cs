using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Screens.Parts;
using Platform.HomeAffairs.V1;

namespace Platform.Screens.Pages.Movements;

/// <summary>Home Affairs' emulation movements (phong trào thi đua), a page at a time, each leading to its commendations. Every body may read them.</summary>
public sealed class IndexModel(ServiceChannels channels, ScreenSession session, ILogger<IndexModel> logger) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public PagePart<ListEmulationMovementsResponse> Movements { get; private set; } = PagePart<ListEmulationMovementsResponse>.Without(PartState.Unavailable);

    public async Task OnGetAsync()
    {
        var recognition = new RecognitionService.RecognitionServiceClient(channels["home-affairs"]);
        Movements = await PageParts.LoadAsync(async () => await recognition.ListEmulationMovementsAsync(
            new ListEmulationMovementsRequest { PageSize = PageSize, PageToken = PageToken ?? "" }, await session.CallAsync()), logger, "the emulation movements");
    }

    public Pager Pager => new("Phân trang phong trào thi đua",
        string.IsNullOrEmpty(PageToken) ? null : "/movements",
        Movements.Value?.NextPageToken is { Length: > 0 } next ? QueryHelpers.AddQueryString("/movements", "pageToken", next) : null,
        ListTotal.Of(Movements.Value?.TotalSize, Movements.Value?.TotalSizeCapped, "phong trào"));
}
