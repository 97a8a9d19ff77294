namespace Platform.Screens.Pages.Conferences;

/// <summary>What the postpone form posts: the new day and start, the new response deadline, and why.</summary>
public sealed class PostponeInput
{
    public string? Date { get; set; }
    public string? StartTime { get; set; }
    public string? ResponseDeadline { get; set; }
    public string? Reason { get; set; }

    public static string? InputFor(string field) => field switch
    {
        "date" => "postpone-date",
        "start_time" => "postpone-start-time",
        "response_deadline" => "postpone-response-deadline",
        "reason" => "postpone-reason",
        _ => null,
    };

    public static string? LabelOf(string inputId) => inputId switch
    {
        "postpone-date" => "Ngày họp mới",
        "postpone-start-time" => "Giờ bắt đầu",
        "postpone-response-deadline" => "Hạn chậm nhất trả lời mới",
        "postpone-reason" => "Lý do hoãn",
        _ => null,
    };
}
