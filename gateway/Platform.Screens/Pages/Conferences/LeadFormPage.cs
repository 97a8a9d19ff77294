using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.JointPlanning.Reads;
using Platform.Screens.Forms;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// What the lead's own forms on one conference share (edit its header, postpone it): only the lead body's editors
/// reach them; the conference is read from the lead's service, before the form is shown and again after a refusal
/// (so the hidden etag is the newest while what the person typed is kept); a save goes back to the conference page.
/// </summary>
public abstract class LeadFormPage(JointPlanningClients clients, ScreenSession session) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>The etag the form was shown with; the form writes the newest it read.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>As the lead's service has it; null when it does not exist or the service did not answer.</summary>
    public Conference? Conference { get; private set; }

    public bool IsMissing { get; private set; }

    public abstract FormErrors Errors { get; }

    /// <summary>Concluded or cancelled: the lead's forms no longer apply.</summary>
    public bool IsClosed => Conference?.Status is ConferenceStatus.Concluded or ConferenceStatus.Cancelled;

    /// <summary>Whether the form is shown: the conference read, and neither concluded nor cancelled.</summary>
    public bool ShowsForm => !IsMissing && Conference is not null && !IsClosed;

    protected string Lead => JointPlanningBodies.LeadOf(Id) ?? "";

    protected JointPlanningClient LeadService => clients[Lead];

    protected Task<CallOptions> CallAsync() => session.CallAsync();

    /// <summary>
    /// Reads the conference for the form; null when the form may be shown, else what to answer instead: the 404
    /// page part for an id no lead has, the 403 page for anyone but the lead's editors.
    /// </summary>
    protected async Task<IActionResult?> LoadAsync()
    {
        if (Refused() is { } refused)
        {
            return refused;
        }
        try
        {
            Conference = await LeadService.GetConferenceAsync(new GetConferenceRequest { Id = Id }, await CallAsync());
        }
        catch (RpcException failure) when (failure.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return NotFoundShown();
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            Errors.Add(failure, Lead, _ => null);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        return null;
    }

    /// <summary>Null when the person may use the form; else the 404 part for an id no lead has, or the 403 page.</summary>
    protected IActionResult? Refused()
    {
        if (JointPlanningBodies.LeadOf(Id) is null)
        {
            return NotFoundShown();
        }
        return session.IsEditor && session.Body == Lead ? null : Forbid(ScreensExtensions.CookieScheme);
    }

    /// <summary>After a refusal: the conference read again for the page, the person's input kept by the caller.</summary>
    protected async Task<IActionResult> ShownAgainAsync(RpcException failure, Func<string, string?> inputFor)
    {
        Errors.Add(failure, Lead, inputFor);
        return await LoadAsync() ?? Page();
    }

    /// <summary>Back to the conference page, which says what was saved at its top (its [TempData] Saved).</summary>
    protected IActionResult SavedAndBack(string message)
    {
        TempData[nameof(DetailsModel.Saved)] = message;
        return RedirectToPage("/Conferences/Details", new { id = Id });
    }

    private PageResult NotFoundShown()
    {
        IsMissing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

/// <summary>What the top of a lead's form says: its heading, and what cannot be done on a closed conference.</summary>
public sealed record LeadFormTop(LeadFormPage Page, string Heading, string WhyClosed);
