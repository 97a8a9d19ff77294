using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Parts;
using Platform.HomeAffairs.V1;

namespace Platform.Screens.Pages.Units;

/// <summary>
/// Home Affairs' administrative units (đơn vị hành chính) by code, a page at a time: all of them, or those under one
/// unit; each with the period it exists for and, once merged, the unit that took it over. Every body may read them.
/// </summary>
public sealed class IndexModel(ServiceChannels channels, ScreenSession session, ILogger<IndexModel> logger) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "parent")]
    public string? Parent { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageToken")]
    public string? PageToken { get; set; }

    public PagePart<ListAdministrativeUnitsResponse> Units { get; private set; } = PagePart<ListAdministrativeUnitsResponse>.Without(PartState.Unavailable);

    /// <summary>The unit whose units are listed, when one is chosen.</summary>
    public PagePart<AdministrativeUnit>? ParentUnit { get; private set; }

    /// <summary>The names of the successors named on this page that are not on it (null: could not be read).</summary>
    public Dictionary<string, string?> Names { get; } = [];

    public async Task OnGetAsync()
    {
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(channels["home-affairs"]);
        var options = await session.CallAsync();
        var parent = Parent?.Trim() ?? "";
        var list = PageParts.LoadAsync(async () => await units.ListAdministrativeUnitsAsync(new ListAdministrativeUnitsRequest
        {
            ParentCode = parent, PageSize = PageSize, PageToken = PageToken ?? "",
        }, options), logger, "the administrative units");
        if (parent.Length > 0)
        {
            ParentUnit = await PageParts.LoadAsync(async () => await units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = parent }, options),
                logger, "an administrative unit");
        }
        Units = await list;
        if (Units.Value is not { } page)
        {
            return;
        }
        foreach (var unit in page.AdministrativeUnits)
        {
            Names[unit.Code] = unit.Name;
        }
        // A successor is often on another page: read the missing ones, in parallel (at most one per unit of the page).
        var missing = page.AdministrativeUnits.Select(u => u.SuccessorCode).Where(c => c.Length > 0 && !Names.ContainsKey(c)).Distinct();
        var read = await Task.WhenAll(missing.Select(async code => (code, await PageParts.LoadAsync(async () =>
            await units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = code }, options), logger, "an administrative unit"))));
        foreach (var (code, unit) in read)
        {
            Names[code] = unit.Value?.Name;
        }
    }

    /// <summary>"Thành phố Thủ Đức (769)", or the code alone when its name could not be read.</summary>
    public string Named(string code) => Names.GetValueOrDefault(code) is { Length: > 0 } name ? $"{name} ({code})" : code;

    public Pager Pager => Pager.For("Phân trang đơn vị hành chính", PageToken, Units.Value?.NextPageToken, token => PageUrl(Parent, token),
        ListTotal.Of(Units.Value?.TotalSize, Units.Value?.TotalSizeCapped, "đơn vị hành chính"));

    /// <summary>The list of the units under <paramref name="code"/>.</summary>
    public string Under(string code) => PageUrl(code, null);

    private static string PageUrl(string? parent, string? pageToken) => Pager.Link("/units", pageToken, ("parent", parent));
}
