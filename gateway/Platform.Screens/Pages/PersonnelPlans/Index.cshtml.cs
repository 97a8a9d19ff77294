using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Parts;
using Platform.Organization.V1;

namespace Platform.Screens.Pages.PersonnelPlans;

/// <summary>
/// The personnel plans (phương án nhân sự) for Party committees at their congresses, a page at a time, one term's when
/// chosen, each named by its organization. The Organization's alone: the service refuses the other bodies.
/// </summary>
public sealed class IndexModel(ServiceChannels channels, ScreenSession session, ILogger<IndexModel> logger) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "term")]
    public string? Term { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public PagePart<ListPersonnelPlansResponse> Plans { get; private set; } = PagePart<ListPersonnelPlansResponse>.Without(PartState.Unavailable);

    /// <summary>The organizations of this page's plans by id (null: could not be read; the row shows the id).</summary>
    public Dictionary<string, PartyOrganization?> Organizations { get; } = [];

    public async Task OnGetAsync()
    {
        var channel = channels["organization"];
        var options = await session.CallAsync();
        Plans = await PageParts.LoadAsync(async () => await new PersonnelService.PersonnelServiceClient(channel).ListPersonnelPlansAsync(
            new ListPersonnelPlansRequest { Term = Term?.Trim() ?? "", PageSize = PageSize, PageToken = PageToken ?? "" }, options), logger, "the personnel plans");
        if (Plans.Value is not { } page)
        {
            return;
        }
        var party = new PartyService.PartyServiceClient(channel);
        var read = await Task.WhenAll(page.PersonnelPlans.Select(p => p.OrganizationId).Distinct().Select(async id => (id,
            (await PageParts.LoadAsync(async () => await party.GetPartyOrganizationAsync(new GetPartyOrganizationRequest { Id = id }, options),
                logger, "a Party organization")).Value)));
        foreach (var (id, organization) in read)
        {
            Organizations[id] = organization;
        }
    }

    public string OrganizationName(string id) => Organizations.GetValueOrDefault(id)?.Name ?? id;

    public Pager Pager => Pager.For("Phân trang phương án nhân sự", PageToken, Plans.Value?.NextPageToken, PageUrl,
        ListTotal.Of(Plans.Value?.TotalSize, Plans.Value?.TotalSizeCapped, "phương án"));

    private string PageUrl(string? pageToken) => Pager.Link("/personnel-plans", pageToken, ("term", Term));
}
