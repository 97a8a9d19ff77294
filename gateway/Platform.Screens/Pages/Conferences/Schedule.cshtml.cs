using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>The lead schedules the conference without the co-organizers it chose to go on without (declined, or late).</summary>
public sealed class ScheduleModel(ConferenceServices services) : ConferenceFormPage(services)
{
    [BindProperty]
    public List<string> ProceedWithout { get; set; } = [];

    public Task<IActionResult> OnPostAsync()
    {
        var request = new ScheduleConferenceRequest { Id = Id, Etag = Etag ?? "" };
        request.ProceedWithout.AddRange(ProceedWithout);
        return SendAsync(Lead, async (service, options) => await service.ScheduleConferenceAsync(request, options),
            _ => null, "agenda", () => "Đã xếp lịch hội nghị.");
    }

    protected override void KeepSent(ConferenceScreen screen) => screen.ProceedWithout = ProceedWithout;
}
