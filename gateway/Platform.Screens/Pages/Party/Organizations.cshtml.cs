using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Parts;
using Platform.Screens.Places;
using Platform.Organization.V1;

namespace Platform.Screens.Pages.Party;

/// <summary>
/// The Party organizations (tổ chức đảng) the Organization keeps, a page at a time: all, those of one level, or those
/// directly under one organization, each with its level, province and the way down. Every body may read them.
/// </summary>
public sealed class OrganizationsModel(ServiceChannels channels, ScreenSession session, ProvinceNames provinces, ILogger<OrganizationsModel> logger) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "parent")]
    public string? Parent { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")]
    public PartyLevel Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public PagePart<ListPartyOrganizationsResponse> Organizations { get; private set; } = PagePart<ListPartyOrganizationsResponse>.Without(PartState.Unavailable);

    /// <summary>The organization whose organizations are listed, when one is chosen.</summary>
    public PagePart<PartyOrganization>? ParentOrganization { get; private set; }

    public IReadOnlyDictionary<string, string> ProvinceNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync()
    {
        var party = new PartyService.PartyServiceClient(channels["organization"]);
        var options = await session.CallAsync();
        var parent = Parent?.Trim() ?? "";
        var list = PageParts.LoadAsync(async () => await party.ListPartyOrganizationsAsync(new ListPartyOrganizationsRequest
        {
            ParentId = parent, Level = Level, PageSize = PageSize, PageToken = PageToken ?? "",
        }, options), logger, "the Party organizations");
        var names = provinces.GetAsync();
        if (parent.Length > 0)
        {
            ParentOrganization = await PageParts.LoadAsync(async () => await party.GetPartyOrganizationAsync(new GetPartyOrganizationRequest { Id = parent }, options),
                logger, "a Party organization");
        }
        (Organizations, ProvinceNames) = (await list, await names);
    }

    public string Province(string code) => code.Length == 0 ? "—" : ProvinceNames.GetValueOrDefault(code) ?? code;

    /// <summary>The organizations directly under <paramref name="id"/>.</summary>
    public string Under(string id) => PageUrl(id, PartyLevel.Unspecified, null);

    public Pager Pager => Pager.For("Phân trang tổ chức đảng", PageToken, Organizations.Value?.NextPageToken, token => PageUrl(Parent, Level, token),
        ListTotal.Of(Organizations.Value?.TotalSize, Organizations.Value?.TotalSizeCapped, "tổ chức đảng"));

    private static string PageUrl(string? parent, PartyLevel level, string? pageToken) =>
        Pager.Link("/party-organizations", pageToken, ("parent", parent), ("level", level == PartyLevel.Unspecified ? null : level.ToString()));
}
