using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.JointPlanning.Reads;
using Platform.Screens.Calendars;
using Platform.Screens.Parts;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages;

/// <summary>
/// The signed-in person's body's calendar (/lich.ics): its conferences and its tasks' deadlines, read from its own
/// service with the person's token, for a calendar program to import. At most <see cref="MaxPages"/> pages of each.
/// </summary>
public sealed class CalendarModel(JointPlanningClients clients, ScreenSession session) : PageModel
{
    private const int PageSize = 1000;
    private const int MaxPages = 10;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!JointPlanningBodies.IsBody(session.Body))
        {
            return Forbid(ScreensExtensions.CookieScheme);
        }
        var service = clients[session.Body];
        List<Participation> participations;
        List<JointTask> tasks;
        try
        {
            var options = await session.CallAsync();
            participations = await AllPages.ReadAsync(token => service.ListParticipationsAsync(
                new ListParticipationsRequest { PageSize = PageSize, PageToken = token }, options).ResponseAsync, a => a.Participations, a => a.NextPageToken, MaxPages);
            tasks = await AllPages.ReadAsync(token => service.ListJointTasksAsync(
                new ListJointTasksRequest { PageSize = PageSize, PageToken = token }, options).ResponseAsync, a => a.Tasks, a => a.NextPageToken, MaxPages);
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            // No half calendar: a calendar program would take the missing items as removed.
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        var ics = BodyCalendar.Write(session.Body, participations, tasks);
        return File(Encoding.UTF8.GetBytes(ics), BodyCalendar.ContentType, $"ke-hoach-lien-tich-{session.Body}.ics");
    }
}
