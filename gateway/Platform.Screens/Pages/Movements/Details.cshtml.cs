using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Screens.Parts;
using Platform.HomeAffairs.V1;

namespace Platform.Screens.Pages.Movements;

/// <summary>One emulation movement and the commendations awarded in it, a page at a time.</summary>
public sealed class DetailsModel(ServiceChannels channels, ScreenSession session, ILogger<DetailsModel> logger) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public PagePart<EmulationMovement> Movement { get; private set; } = PagePart<EmulationMovement>.Without(PartState.Unavailable);
    public PagePart<ListCommendationsResponse> Commendations { get; private set; } = PagePart<ListCommendationsResponse>.Without(PartState.Unavailable);

    public async Task OnGetAsync()
    {
        var recognition = new RecognitionService.RecognitionServiceClient(channels["home-affairs"]);
        var options = await session.CallAsync();
        var movement = PageParts.LoadAsync(async () => await recognition.GetEmulationMovementAsync(new GetEmulationMovementRequest { Id = Id }, options),
            logger, "an emulation movement");
        var commendations = PageParts.LoadAsync(async () => await recognition.ListCommendationsAsync(
            new ListCommendationsRequest { MovementId = Id, PageSize = PageSize, PageToken = PageToken ?? "" }, options), logger, "the commendations");
        (Movement, Commendations) = (await movement, await commendations);
        if (Movement.State is PartState.NotFound or PartState.Rejected)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private string Here => $"/movements/{Uri.EscapeDataString(Id)}";

    public Pager Pager => new("Phân trang khen thưởng",
        string.IsNullOrEmpty(PageToken) ? null : Here,
        Commendations.Value?.NextPageToken is { Length: > 0 } next ? QueryHelpers.AddQueryString(Here, "pageToken", next) : null,
        ListTotal.Of(Commendations.Value?.TotalSize, Commendations.Value?.TotalSizeCapped, "khen thưởng"));
}
