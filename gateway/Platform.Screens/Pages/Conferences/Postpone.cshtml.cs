using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.Reads;
using Platform.Screens.Conferences;
using Platform.Screens.Forms;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// The lead's editor postpones a conference not yet concluded: a new day (and start), a new response deadline and
/// the reason, which every participant is told. The plan goes back to collecting answers and contributions.
/// </summary>
public sealed class PostponeModel(JointPlanningClients clients, ScreenSession session) : LeadFormPage(clients, session)
{
    [BindProperty]
    public PostponeInput Postponement { get; set; } = new();

    public override FormErrors Errors { get; } = new() { LabelOf = PostponeInput.LabelOf };

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } answer)
        {
            return answer;
        }
        Postponement = new PostponeInput { StartTime = Conference!.StartTime };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Refused() is { } refused)
        {
            return refused;
        }
        var request = new PostponeConferenceRequest
        {
            Id = Id,
            Etag = Etag ?? "",
            Date = Postponement.Date ?? "",
            StartTime = Postponement.StartTime ?? "",
            ResponseDeadline = Postponement.ResponseDeadline ?? "",
            Reason = Postponement.Reason ?? "",
        };
        Conference postponed;
        try
        {
            postponed = await LeadService.PostponeConferenceAsync(request, await CallAsync());
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            return await ShownAgainAsync(failure, PostponeInput.InputFor);
        }
        return SavedAndBack($"Đã hoãn hội nghị đến {postponed.StartTime} ngày {ConferenceLabels.Date(postponed.Date)}; các cơ quan phối hợp được báo lý do.");
    }
}
