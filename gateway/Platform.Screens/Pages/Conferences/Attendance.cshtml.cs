using Microsoft.AspNetCore.Mvc;
using Platform.JointPlanning.V1;
using static Platform.Screens.Forms.FieldPaths;

namespace Platform.Screens.Pages.Conferences;

/// <summary>The lead records how many attended at each bridge point, once the conference is scheduled.</summary>
public sealed class AttendanceModel(ConferenceServices services) : ConferenceFormPage(services)
{
    [BindProperty]
    public List<AttendanceInput> AttendanceCounts { get; set; } = [];

    public Task<IActionResult> OnPostAsync()
    {
        // Rows left empty are not sent: the i-th record sent is the row at sent[i].
        var sent = AttendanceCounts.Select((row, i) => (row, i)).Where(x => x.row.Attendees is not null).Select(x => x.i).ToList();
        return UpdateConferenceAsync(
            (_, change) => change.Attendance.AddRange(sent.Select(i => new Attendance
            {
                Body = AttendanceCounts[i].Body ?? "", BridgePointKey = AttendanceCounts[i].Key ?? "", Attendees = AttendanceCounts[i].Attendees!.Value,
            })),
            "attendance",
            field => RowOf(field, "conference.attendance[") is { } k && k < sent.Count ? $"attendance-{sent[k]}" : null,
            "bridge-points",
            () => "Đã ghi nhận số người dự.");
    }

    protected override void KeepSent(ConferenceScreen screen) => screen.AttendanceCounts = AttendanceCounts;
}
