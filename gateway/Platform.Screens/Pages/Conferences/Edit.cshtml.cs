using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.Reads;
using Platform.Screens.Forms;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// The lead's editor changes a conference's header (title, kind, period, format, chair, response deadline) until it
/// is concluded. The date moves by postponement (<see cref="PostponeModel"/>), and the participants stay as invited.
/// </summary>
public sealed class EditModel(JointPlanningClients clients, ScreenSession session) : LeadFormPage(clients, session)
{
    [BindProperty]
    public HeaderInput Header { get; set; } = new();

    public override FormErrors Errors { get; } = new() { LabelOf = HeaderInput.LabelOf };

    public HeaderForm Form => new(Header, Errors, Proposing: false, Lead, [Lead, .. Conference?.CoOrganizers ?? []]);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } answer)
        {
            return answer;
        }
        Header = HeaderInput.From(Conference!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Refused() is { } refused)
        {
            return refused;
        }
        var changed = Header.ToConference();
        (changed.Id, changed.Etag) = (Id, Etag ?? "");
        var request = new UpdateConferenceRequest { Conference = changed, UpdateMask = new FieldMask() };
        request.UpdateMask.Paths.AddRange(HeaderInput.EditablePaths);
        try
        {
            await LeadService.UpdateConferenceAsync(request, await CallAsync());
        }
        catch (RpcException failure) when (failure.StatusCode != Grpc.Core.StatusCode.Cancelled)
        {
            return await ShownAgainAsync(failure, HeaderInput.InputFor);
        }
        return SavedAndBack("Đã lưu thông tin chung; các cơ quan phối hợp được báo thay đổi.");
    }
}
