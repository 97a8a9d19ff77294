using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Parts;
using Platform.Organization.V1;

namespace Platform.Screens.Pages.PersonnelPlans;

/// <summary>
/// One personnel plan: its nominees, and the structure report the service computes (shares against the targets of
/// the term, each nominee against the age cut-off). The page shows the service's figures; it computes none.
/// </summary>
public sealed class DetailsModel(ServiceChannels channels, ScreenSession session, ILogger<DetailsModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public PagePart<PersonnelPlan> Plan { get; private set; } = PagePart<PersonnelPlan>.Without(PartState.Unavailable);
    public PagePart<StructureReport> Report { get; private set; } = PagePart<StructureReport>.Without(PartState.Unavailable);
    public PartyOrganization? Organization { get; private set; }

    public async Task OnGetAsync()
    {
        var channel = channels["organization"];
        var personnel = new PersonnelService.PersonnelServiceClient(channel);
        var options = await session.CallAsync();
        var plan = PageParts.LoadAsync(async () => await personnel.GetPersonnelPlanAsync(new GetPersonnelPlanRequest { Id = Id }, options), logger, "a personnel plan");
        var report = PageParts.LoadAsync(async () => await personnel.GetStructureReportAsync(new GetStructureReportRequest { Id = Id }, options), logger, "a structure report");
        (Plan, Report) = (await plan, await report);
        if (Plan.Value is { } shown)
        {
            Organization = (await PageParts.LoadAsync(async () => await new PartyService.PartyServiceClient(channel).GetPartyOrganizationAsync(
                new GetPartyOrganizationRequest { Id = shown.OrganizationId }, options), logger, "a Party organization")).Value;
        }
        Response.StatusCode = Plan.State switch
        {
            PartState.NotFound or PartState.Rejected => StatusCodes.Status404NotFound,
            PartState.Denied => StatusCodes.Status403Forbidden,
            _ => Response.StatusCode,
        };
    }

    /// <summary>"Đảng bộ tỉnh Yên Bái, nhiệm kỳ 2020-2025".</summary>
    public string Title => Plan.Value is { } plan ? $"{Organization?.Name ?? plan.OrganizationId}, nhiệm kỳ {plan.Term}" : "Phương án nhân sự";
}
