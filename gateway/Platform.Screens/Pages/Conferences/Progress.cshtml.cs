using Microsoft.AspNetCore.Mvc;
using Platform.Screens.Conferences;

namespace Platform.Screens.Pages.Conferences;

/// <summary>Progress on one of the person's body's own copies of a conclusion's task, to its own service.</summary>
public sealed class ProgressModel(ConferenceServices services) : ConferenceFormPage(services)
{
    [BindProperty]
    public ProgressInput ProgressReport { get; set; } = new();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await ProgressReports.SendAsync(Services.Clients, Services.Session, ProgressReport, Errors))
        {
            return await ShownAgainAsync();
        }
        return SavedAt(ProgressReports.DomId("task", ProgressReport.TaskId ?? ""), "Đã báo cáo tiến độ.");
    }

    protected override void KeepSent(ConferenceScreen screen) => screen.ProgressReport = ProgressReport;
}
