using Platform.JointPlanning.V1;

namespace Platform.Screens;

/// <summary>The Vietnamese words the screens show for the platform's codes.</summary>
public static class Labels
{
    public static string Body(string body) => body switch
    {
        "organization" => "Ban Tổ chức Trung ương",
        "home-affairs" => "Bộ Nội vụ",
        "delegate-affairs" => "Ban Công tác đại biểu",
        _ => body,
    };

    public static string Status(ConferenceStatus status) => status switch
    {
        ConferenceStatus.Planning => "Đang chuẩn bị",
        ConferenceStatus.Scheduled => "Đã xếp lịch",
        ConferenceStatus.Concluded => "Đã kết luận",
        ConferenceStatus.Cancelled => "Đã hủy",
        _ => "—",
    };
}
