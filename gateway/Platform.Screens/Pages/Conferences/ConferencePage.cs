using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Screens.Forms;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// What shows the conference page (_Conference.cshtml, <see cref="ConferenceScreen"/>): the page itself
/// (<see cref="DetailsModel"/>) and each of its forms' pages after a refusal (<see cref="ConferenceFormPage"/>).
/// </summary>
public abstract class ConferencePage(ConferenceServices services) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>The item an add form edits (<see cref="ConferenceScreen.Editing"/>): the page's ?sua=, sent back by the form.</summary>
    [BindProperty(SupportsGet = true, Name = "sua")]
    public string? Editing { get; set; }

    public ConferenceScreen Screen { get; private set; } = null!;

    /// <summary>Why the form sent was refused, shown on the page; none after a plain read.</summary>
    protected FormErrors Errors { get; } = new() { LabelOf = ConferenceInputLabels.Of };

    protected ConferenceServices Services => services;

    /// <summary>The conference page as read now, <paramref name="then"/> putting on it what this request brings.</summary>
    protected async Task<IActionResult> ShownAsync(Action<ConferenceScreen> then)
    {
        Screen = await services.ReadScreenAsync(HttpContext, Id, Editing, Errors, then);
        Response.StatusCode = Screen.StatusCode;
        ViewData["Title"] = Screen.Title;
        return Page();
    }
}
