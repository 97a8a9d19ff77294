namespace Platform.Screens.Pages.Conferences;

/// <summary>What the summary of errors at the top of the conference page calls an input of its forms.</summary>
public static class ConferenceInputLabels
{
    public static string? Of(string inputId) => inputId switch
    {
        "answer-response" => "Trả lời lời mời",
        "answer-decline-reason" => "Lý do từ chối",
        "agenda-title" => "Tên nội dung",
        "agenda-kind" => "Loại nội dung",
        "agenda-minutes" => "Thời lượng",
        "agenda-presenter-name" => "Người trình bày",
        "agenda-presenter-title" => "Chức vụ người trình bày",
        "agenda-presenter-unit" => "Đơn vị người trình bày",
        "bridge-site-code" => "Mã đơn vị hành chính",
        "bridge-key" => "Mã điểm cầu",
        "bridge-address" => "Địa điểm",
        "bridge-chair-name" => "Người chủ trì tại điểm cầu",
        "bridge-chair-title" => "Chức vụ người chủ trì",
        "bridge-expected" => "Số người dự kiến",
        "bridge-contact" => "Liên hệ kỹ thuật",
        "report-results" => "Kết quả đạt được",
        "report-shortcomings" => "Hạn chế, khó khăn",
        "report-proposals" => "Kiến nghị, đề xuất",
        "practice-unit" => "Đơn vị",
        "practice-title" => "Tên mô hình, cách làm",
        "practice-summary" => "Tóm tắt",
        "notice-summary" => "Nội dung kết luận",
        "notice-issued-on" => "Ngày ban hành",
        "notice-tasks" => "Nhiệm vụ",
        _ when inputId.StartsWith("attendance-", StringComparison.Ordinal) => "Số người có mặt",
        _ when inputId.StartsWith("progress-", StringComparison.Ordinal) =>
            inputId.EndsWith("-percent", StringComparison.Ordinal) ? "Tỷ lệ hoàn thành" : "Kết quả, ghi chú",
        _ when inputId.Split('-') is ["task", var row, .. var field] && int.TryParse(row, out var i) =>
            $"Nhiệm vụ {i + 1}, " + string.Join('-', field) switch
            {
                "owners" => "cơ quan thực hiện",
                "description" => "nội dung",
                "due" => "hạn hoàn thành",
                "basis-number" => "số hiệu văn bản căn cứ",
                "basis-date" => "ngày của văn bản căn cứ",
                _ => "trích yếu văn bản căn cứ",
            },
        _ => null,
    };
}
