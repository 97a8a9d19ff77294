using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Gateway.JointPlanning;
using Platform.Gateway.Screens.Calendars;
using Platform.JointPlanning.V1;

namespace Platform.Gateway.Screens.Pages;

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
        var participations = new List<Participation>();
        var tasks = new List<JointTask>();
        try
        {
            var options = await session.CallAsync();
            var conferences = new ListParticipationsRequest { PageSize = PageSize };
            for (var page = 0; page < MaxPages; page++)
            {
                var answer = await service.ListParticipationsAsync(conferences, options);
                participations.AddRange(answer.Participations);
                if ((conferences.PageToken = answer.NextPageToken).Length == 0)
                {
                    break;
                }
            }
            var deadlines = new ListJointTasksRequest { PageSize = PageSize };
            for (var page = 0; page < MaxPages; page++)
            {
                var answer = await service.ListJointTasksAsync(deadlines, options);
                tasks.AddRange(answer.Tasks);
                if ((deadlines.PageToken = answer.NextPageToken).Length == 0)
                {
                    break;
                }
            }
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
