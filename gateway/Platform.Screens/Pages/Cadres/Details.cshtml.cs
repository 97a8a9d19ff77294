using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Parts;
using Platform.Organization.V1;

namespace Platform.Screens.Pages.Cadres;

/// <summary>
/// One cadre record: standing, succession plan, discipline, Regulation 205 findings and relatives in linked posts. What
/// is shown is what the service sends to this person (it decides who may read a personnel file; the page never filters).
/// </summary>
public sealed class DetailsModel(ServiceChannels channels, ScreenSession session, ILogger<DetailsModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string NationalId { get; set; } = "";

    public PagePart<CadreRecord> Cadre { get; private set; } = PagePart<CadreRecord>.Without(PartState.Unavailable);

    public async Task OnGetAsync()
    {
        var cadres = new CadreService.CadreServiceClient(channels["organization"]);
        Cadre = await PageParts.LoadAsync(async () => await cadres.GetCadreRecordAsync(new GetCadreRecordRequest { NationalId = NationalId },
            await session.CallAsync()), logger, "a cadre record");
        Response.StatusCode = Cadre.State switch
        {
            PartState.NotFound or PartState.Rejected => StatusCodes.Status404NotFound,
            PartState.Denied => StatusCodes.Status403Forbidden,
            _ => Response.StatusCode,
        };
    }
}
