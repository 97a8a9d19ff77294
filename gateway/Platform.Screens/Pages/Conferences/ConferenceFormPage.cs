using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.Reads;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// What the conference page's forms share, each posting to a page of its own (/conferences/{id}/answer, …): the
/// change goes to the service that holds it with the etag the page showed; after it, back to the conference page
/// (post-redirect-get) with the confirmation beside the part whose form was used. After a refusal the conference page
/// is shown again at the form's address, the service's reasons next to the fields they name, what was typed kept.
/// Who may use a form is the service's to decide, as it is for the JSON API: the page only offers the forms that apply.
/// </summary>
public abstract class ConferenceFormPage(ConferenceServices services) : ConferencePage(services)
{
    /// <summary>The etag of what the form edits, as the page showed it.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>The lead's body, whose service holds the conference itself (its attendance, good practices, conclusion).</summary>
    protected string Lead => JointPlanningBodies.LeadOf(Id) ?? "";

    /// <summary>What a "Bỏ" took away, offered back beside the confirmation; set by the change, kept only if saved.</summary>
    protected string? Removed { get; set; }

    /// <summary>A form's address opened rather than posted to (a bookmark, a link shared): the conference page.</summary>
    public IActionResult OnGet() => RedirectToPage("/Conferences/Details", new { id = Id });

    /// <summary>Puts back what the person sent in this form (the page's bound inputs) on the page shown again.</summary>
    protected virtual void KeepSent(ConferenceScreen screen)
    {
    }

    /// <summary>The position of the item of <paramref name="kind"/> the form edits, or null when it adds.</summary>
    protected int? EditingAt(string kind) => ConferenceScreen.EditedPosition(Editing, kind);

    /// <summary>After a save, back to the part whose form was used (post, then redirect), with the confirmation beside it.</summary>
    protected IActionResult SavedAt(string part, string message)
    {
        TempData[nameof(DetailsModel.Saved)] = message;
        TempData[nameof(DetailsModel.SavedIn)] = part;
        if (Removed is not null)
        {
            TempData[nameof(DetailsModel.Removed)] = Removed;
        }
        return RedirectToPage("/Conferences/Details", null, new { id = Id }, part);
    }

    /// <summary>The page read again after a refusal, keeping what the person entered in the form they sent.</summary>
    protected Task<IActionResult> ShownAgainAsync() => ShownAsync(KeepSent);

    /// <summary>
    /// Makes <paramref name="call"/> to <paramref name="body"/>'s service; then back to <paramref name="part"/> of the
    /// page saying <paramref name="saved"/> (asked after the call: what it says may depend on what the call found), or
    /// after a refusal the page again with the reasons at the inputs <paramref name="inputFor"/> finds for the fields.
    /// </summary>
    protected async Task<IActionResult> SendAsync(
        string body, Func<JointPlanningClient, CallOptions, Task> call, Func<string, string?> inputFor, string part, Func<string> saved)
    {
        try
        {
            await call(Services.Clients[body], await Services.Session.CallAsync());
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            Errors.Add(failure, body, inputFor);
            return await ShownAgainAsync();
        }
        return SavedAt(part, saved());
    }

    /// <summary>
    /// Sends a change of the person's body's participation: <paramref name="change"/> fills the fields of
    /// <paramref name="mask"/> from the participation as it is now (lists are sent whole), with the etag the page showed.
    /// </summary>
    protected Task<IActionResult> UpdateParticipationAsync(
        Action<Participation, Participation> change, string[] mask, Func<string, string?> inputFor, Func<string> saved) =>
        SendAsync(Services.Session.Body, async (service, options) =>
        {
            var current = await service.GetParticipationAsync(new GetParticipationRequest { ConferenceId = Id }, options);
            var changed = new Participation { ConferenceId = Id, Etag = Etag ?? "" };
            change(current, changed);
            var request = new UpdateParticipationRequest { Participation = changed, UpdateMask = new FieldMask() };
            request.UpdateMask.Paths.AddRange(mask);
            await service.UpdateParticipationAsync(request, options);
        }, inputFor, "participation", saved);

    /// <summary>Sends a change of the conference's <paramref name="path"/> (attendance or good practices) to the lead's service.</summary>
    /// <param name="part">The part of the page the confirmation shows in.</param>
    protected Task<IActionResult> UpdateConferenceAsync(
        Action<Conference, Conference> change, string path, Func<string, string?> inputFor, string part, Func<string> saved) =>
        SendAsync(Lead, async (service, options) =>
        {
            var current = await service.GetConferenceAsync(new GetConferenceRequest { Id = Id }, options);
            var changed = new Conference { Id = Id, Etag = Etag ?? "" };
            change(current, changed);
            await service.UpdateConferenceAsync(
                new UpdateConferenceRequest { Conference = changed, UpdateMask = new FieldMask { Paths = { path } } }, options);
        }, inputFor, part, saved);
}
