using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Pages.Conferences;

/// <summary>The person's body's review report (báo cáo sơ kết), written over the one stored.</summary>
public sealed class ReportModel(ConferenceServices services) : ConferenceFormPage(services)
{
    [BindProperty]
    public ReportInput ReportText { get; set; } = new();

    public Task<IActionResult> OnPostAsync() =>
        UpdateParticipationAsync(
            (_, change) => change.Report = new ReviewReport
            {
                Results = ReportText.Results ?? "", Shortcomings = ReportText.Shortcomings ?? "", Proposals = ReportText.Proposals ?? "",
            },
            ["report"],
            field => field switch
            {
                "participation.report.results" => "report-results",
                "participation.report.shortcomings" => "report-shortcomings",
                "participation.report.proposals" => "report-proposals",
                _ => null,
            },
            () => "Đã lưu báo cáo sơ kết.");

    protected override void KeepSent(ConferenceScreen screen) => screen.ReportText = ReportText;
}
