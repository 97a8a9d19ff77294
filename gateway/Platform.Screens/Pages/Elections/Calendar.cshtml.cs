using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.DelegateAffairs.V1;
using Platform.Screens.Calendars;

namespace Platform.Screens.Pages.Elections;

/// <summary>An election's legal timeline as an iCalendar file (/elections/{id}/lich.ics): each step of the law on its day.</summary>
public sealed class CalendarModel(ServiceChannels channels, ScreenSession session) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var elections = new ElectionService.ElectionServiceClient(channels["delegate-affairs"]);
        try
        {
            var options = await session.CallAsync();
            var election = elections.GetElectionAsync(new GetElectionRequest { Id = Id }, options).ResponseAsync;
            var timeline = elections.GetElectionTimelineAsync(new GetElectionTimelineRequest { Id = Id }, options).ResponseAsync;
            var ics = ScheduleCalendar.Election(await election, await timeline);
            return File(Encoding.UTF8.GetBytes(ics), BodyCalendar.ContentType, $"lich-trinh-{Id}.ics");
        }
        catch (RpcException failure) when (failure.StatusCode is Grpc.Core.StatusCode.NotFound or Grpc.Core.StatusCode.InvalidArgument)
        {
            return NotFound();
        }
        catch (RpcException failure) when (failure.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            return Forbid(ScreensExtensions.CookieScheme);
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
