using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.Reads;
using Platform.Screens.Forms;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// The lead's editor calls a conference off before its conclusion, with the reason every participant is told.
/// The page asks once more, by its own form, before anything is sent: a cancellation cannot be undone.
/// </summary>
public sealed class CancelModel(JointPlanningClients clients, ScreenSession session) : LeadFormPage(clients, session)
{
    [BindProperty]
    public string? Reason { get; set; }

    public override FormErrors Errors { get; } = new() { LabelOf = id => id == "cancel-reason" ? "Lý do hủy" : null };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Refused() is { } refused)
        {
            return refused;
        }
        try
        {
            await LeadService.CancelConferenceAsync(new CancelConferenceRequest { Id = Id, Etag = Etag ?? "", Reason = Reason ?? "" }, await CallAsync());
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            return await ShownAgainAsync(failure, field => field == "reason" ? "cancel-reason" : null);
        }
        return SavedAndBack("Đã hủy hội nghị; các cơ quan phối hợp được báo lý do.");
    }
}
