using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.JointPlanning.Reads;
using Platform.Screens.Forms;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// A body's editor proposes a joint conference, which their body leads: the proposal goes to their own body's
/// service, which invites the co-organizers by event. A refusal is shown next to the fields it names, with what
/// was typed kept; once proposed, the person lands on the new conference's page.
/// </summary>
public sealed class NewModel(JointPlanningClients clients, ScreenSession session) : PageModel
{
    [BindProperty]
    public HeaderInput Header { get; set; } = new();

    public FormErrors Errors { get; } = new() { LabelOf = HeaderInput.LabelOf };

    public HeaderForm Form => new(Header, Errors, Proposing: true, session.Body, JointPlanningBodies.All);

    /// <summary>Only an editor proposes; their body leads. Viewers and people of no body are refused (the 403 page).</summary>
    private bool MayPropose => session.IsEditor && JointPlanningBodies.IsBody(session.Body);

    public IActionResult OnGet()
    {
        if (!MayPropose)
        {
            return Forbid(ScreensExtensions.CookieScheme);
        }
        Header = new HeaderInput { StartTime = "08:00", ChairBody = session.Body };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!MayPropose)
        {
            return Forbid(ScreensExtensions.CookieScheme);
        }
        Conference proposed;
        try
        {
            proposed = await clients[session.Body].ProposeConferenceAsync(
                new ProposeConferenceRequest { Conference = Header.ToConference() }, await session.CallAsync());
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            Errors.Add(failure, session.Body, HeaderInput.InputFor);
            return Page();
        }
        // The conference page's confirmation (its [TempData] Saved), shown at the top there.
        TempData[nameof(DetailsModel.Saved)] =
            $"Đã đề xuất hội nghị; lời mời đã gửi đến {string.Join(", ", proposed.CoOrganizers.Select(Labels.Body))}.";
        return RedirectToPage("/Conferences/Details", new { id = proposed.Id });
    }
}
