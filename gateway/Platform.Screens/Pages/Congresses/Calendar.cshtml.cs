using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Calendars;
using Platform.Screens.Parts;
using Platform.Organization.V1;

namespace Platform.Screens.Pages.Congresses;

/// <summary>
/// The Party congress schedule as an iCalendar file (/congresses/lich.ics, one term's with ?term=), each congress on its
/// day named by its organization, for a calendar program to import. At most <see cref="MaxPages"/> pages of congresses.
/// </summary>
public sealed class CalendarModel(ServiceChannels channels, ScreenSession session) : PageModel
{
    private const int PageSize = 1000;
    private const int MaxPages = 10;

    [BindProperty(SupportsGet = true, Name = "term")]
    public string? Term { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var party = new PartyService.PartyServiceClient(channels["organization"]);
        List<PartyCongress> congresses;
        Dictionary<string, string> names;
        try
        {
            var options = await session.CallAsync();
            congresses = await AllPages.ReadAsync(token => party.ListPartyCongressesAsync(
                new ListPartyCongressesRequest { Term = Term?.Trim() ?? "", PageSize = PageSize, PageToken = token }, options).ResponseAsync,
                a => a.PartyCongresses, a => a.NextPageToken, MaxPages);
            names = (await AllPages.ReadAsync(token => party.ListPartyOrganizationsAsync(
                new ListPartyOrganizationsRequest { PageSize = PageSize, PageToken = token }, options).ResponseAsync,
                a => a.PartyOrganizations, a => a.NextPageToken, MaxPages)).ToDictionary(o => o.Id, o => o.Name);
        }
        catch (RpcException failure) when (failure.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            return BadRequest();
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            // No half calendar: a calendar program would take the missing congresses as removed.
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        var ics = ScheduleCalendar.Congresses(
            congresses.Select(c => new ScheduleCalendar.NamedCongress(c, names.GetValueOrDefault(c.OrganizationId) ?? c.OrganizationId)), Term?.Trim());
        return File(Encoding.UTF8.GetBytes(ics), BodyCalendar.ContentType, "lich-dai-hoi-dang-bo.ics");
    }
}
