using System.Globalization;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Conferences;

/// <summary>The Vietnamese words and formats the joint-planning screens show for the plan's codes, dates and times.</summary>
public static class ConferenceLabels
{
    public static string Kind(ConferenceKind kind) => kind switch
    {
        ConferenceKind.HalfYearReview => "Sơ kết 6 tháng",
        ConferenceKind.AnnualReview => "Tổng kết năm",
        ConferenceKind.Thematic => "Chuyên đề",
        _ => "—",
    };

    public static string Format(ConferenceFormat format) => format switch
    {
        ConferenceFormat.Online => "Trực tuyến",
        ConferenceFormat.InPerson => "Trực tiếp",
        ConferenceFormat.Hybrid => "Trực tiếp kết hợp trực tuyến",
        _ => "—",
    };

    /// <summary>The kinds and formats a conference is proposed with, in the order the forms offer them.</summary>
    public static readonly IReadOnlyList<ConferenceKind> Kinds = [ConferenceKind.HalfYearReview, ConferenceKind.AnnualReview, ConferenceKind.Thematic];

    public static readonly IReadOnlyList<ConferenceFormat> Formats = [ConferenceFormat.Online, ConferenceFormat.InPerson, ConferenceFormat.Hybrid];

    public static string Response(InvitationResponse response) => response switch
    {
        InvitationResponse.Accepted => "Đã nhận lời",
        InvitationResponse.Declined => "Từ chối",
        _ => "Chưa trả lời",
    };

    public static string AgendaKind(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Report => "Báo cáo",
        AgendaItemKind.GoodPractice => "Tham luận",
        AgendaItemKind.Discussion => "Thảo luận",
        AgendaItemKind.Conclusion => "Kết luận",
        _ => "—",
    };

    /// <summary>The agenda item kinds a participant may propose, in the order of a fixed agenda.</summary>
    public static readonly IReadOnlyList<AgendaItemKind> AgendaKinds =
        [AgendaItemKind.Report, AgendaItemKind.GoodPractice, AgendaItemKind.Discussion, AgendaItemKind.Conclusion];

    /// <summary>What a body still has to do, as the lead's readiness names it.</summary>
    public static string Missing(string missing) => missing switch
    {
        "acceptance" => "nhận lời",
        "declined" => "đã từ chối",
        "agenda items" => "nội dung chương trình",
        "bridge points" => "điểm cầu",
        "report" => "báo cáo sơ kết",
        _ => missing,
    };

    /// <summary>"2020-07-01" → "01/07/2020"; empty → "—"; anything else as it came.</summary>
    public static string Date(string iso) =>
        iso.Length == 0 ? "—"
        : DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : iso;

    /// <summary>An ISO 8601 instant (UTC) as "dd/MM/yyyy HH:mm" in Viet Nam time (UTC+7).</summary>
    public static string Instant(string iso) =>
        iso.Length == 0 ? "—"
        : DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at.ToOffset(Formatting.VietnameseFormat.VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
            : iso;

    /// <summary>The one way a person is written in the plan: "Name, title (unit)".</summary>
    public static string Person(Person? person)
    {
        if (person is null || person.Name.Length == 0)
        {
            return "—";
        }
        var text = person.Title.Length > 0 ? $"{person.Name}, {person.Title}" : person.Name;
        return person.Unit.Length > 0 && !person.Title.Contains(person.Unit, StringComparison.Ordinal) ? $"{text} ({person.Unit})" : text;
    }

    /// <summary>"Name, title".</summary>
    public static string Chair(Chair? chair) =>
        chair is null || chair.Name.Length == 0 ? "—" : chair.Title.Length > 0 ? $"{chair.Name}, {chair.Title}" : chair.Name;
}
