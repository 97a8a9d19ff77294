using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.Reads;
using Platform.Screens.Conferences;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// A joint conference's plan (<see cref="ConferenceScreen"/>), with the forms of what the person's body and role may
/// do: its own participation (any participant's editors), attendance, good practices and the conclusion (the lead's
/// editors), progress on its own tasks (an owner's editors). Each form posts to a page of its own
/// (<see cref="ConferenceFormPage"/>), which comes back here after a save, to the part whose form was used.
/// </summary>
public sealed class DetailsModel(ConferenceServices services) : ConferencePage(services)
{
    /// <summary>What was saved by the last write, shown once after its redirect.</summary>
    [TempData]
    public string? Saved { get; set; }

    /// <summary>The part of the page whose form was saved: the confirmation shows there, where the page lands.</summary>
    [TempData]
    public string? SavedIn { get; set; }

    /// <summary>What the last "Bỏ" took away, offered back beside its confirmation (<see cref="ConferenceScreen.Removed"/>).</summary>
    [TempData]
    public string? Removed { get; set; }

    public Task<IActionResult> OnGetAsync() => ShownAsync(screen => (screen.Saved, screen.SavedIn, screen.Removed) = (Saved, SavedIn, Removed));

    /// <summary>The conclusion notice as a Word document (.docx), once issued, for anyone who may see the conference.</summary>
    public async Task<IActionResult> OnGetNoticeAsync()
    {
        // The notice is the lead's alone: one read of its conference, not the plan from all three services.
        if (JointPlanningBodies.LeadOf(Id) is not { } lead)
        {
            return NotFound();
        }
        try
        {
            var conference = await Services.Clients[lead].GetConferenceAsync(new GetConferenceRequest { Id = Id }, await Services.Session.CallAsync());
            return conference.Status == ConferenceStatus.Concluded
                ? File(ConclusionNotice.Write(conference), ConclusionNotice.ContentType, $"thong-bao-ket-luan-{Id}.docx")
                : NotFound();
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
