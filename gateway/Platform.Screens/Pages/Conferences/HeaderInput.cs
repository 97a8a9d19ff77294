using Platform.JointPlanning.V1;
using Platform.Screens.Forms;

namespace Platform.Screens.Pages.Conferences;

/// <summary>
/// What the propose and edit forms post about a conference's header. As with the conference page's inputs, every
/// field is nullable and the lead's service decides what is required; the date, its start and the co-organizers are
/// only set when proposing (a date moves by postponement, and the participants are fixed once invited).
/// </summary>
public sealed class HeaderInput
{
    public string? Title { get; set; }
    /// <summary>A ConferenceKind name, e.g. "HalfYearReview".</summary>
    public string? Kind { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public string? Date { get; set; }
    public string? StartTime { get; set; }
    /// <summary>A ConferenceFormat name, e.g. "Online".</summary>
    public string? Format { get; set; }
    public string? ChairName { get; set; }
    public string? ChairTitle { get; set; }
    public string? ChairBody { get; set; }
    public List<string> CoOrganizers { get; set; } = [];
    public string? ResponseDeadline { get; set; }

    /// <summary>The header's fields an edit sends (UpdateConference's update_mask).</summary>
    public static readonly string[] EditablePaths = ["title", "kind", "period_start", "period_end", "format", "chair", "response_deadline"];

    public static HeaderInput From(Conference conference) => new()
    {
        Title = conference.Title,
        Kind = conference.Kind.ToString(),
        PeriodStart = conference.PeriodStart,
        PeriodEnd = conference.PeriodEnd,
        Date = conference.Date,
        StartTime = conference.StartTime,
        Format = conference.Format.ToString(),
        ChairName = conference.Chair?.Name,
        ChairTitle = conference.Chair?.Title,
        ChairBody = conference.Chair?.Body,
        CoOrganizers = [.. conference.CoOrganizers],
        ResponseDeadline = conference.ResponseDeadline,
    };

    /// <summary>The conference as entered; a choice the form did not offer becomes unspecified, which the service refuses by field.</summary>
    public Conference ToConference()
    {
        var conference = new Conference
        {
            Title = Title ?? "",
            Kind = Enum.TryParse<ConferenceKind>(Kind, out var kind) ? kind : ConferenceKind.Unspecified,
            PeriodStart = PeriodStart ?? "",
            PeriodEnd = PeriodEnd ?? "",
            Date = Date ?? "",
            StartTime = StartTime ?? "",
            Format = Enum.TryParse<ConferenceFormat>(Format, out var format) ? format : ConferenceFormat.Unspecified,
            Chair = new Chair { Name = ChairName ?? "", Title = ChairTitle ?? "", Body = ChairBody ?? "" },
            ResponseDeadline = ResponseDeadline ?? "",
        };
        conference.CoOrganizers.AddRange(CoOrganizers);
        return conference;
    }

    /// <summary>The id of the input a field the service names was entered in, or null for one the forms have no input for.</summary>
    public static string? InputFor(string field) => field switch
    {
        "conference.title" => "header-title",
        "conference.kind" => "header-kind",
        "conference.period_start" => "header-period-start",
        "conference.period_end" => "header-period-end",
        "conference.date" => "header-date",
        "conference.start_time" => "header-start-time",
        "conference.format" => "header-format",
        "conference.chair.name" => "header-chair-name",
        "conference.chair.title" => "header-chair-title",
        "conference.chair.body" => "header-chair-body",
        "conference.response_deadline" => "header-response-deadline",
        "conference_id" => "header-title",
        _ when field.StartsWith("conference.co_organizers", StringComparison.Ordinal) => "header-co-organizers",
        _ => null,
    };

    /// <summary>What the summary of errors calls each input.</summary>
    public static string? LabelOf(string inputId) => inputId switch
    {
        "header-title" => "Tên hội nghị",
        "header-kind" => "Loại hội nghị",
        "header-period-start" => "Kỳ sơ kết, tổng kết từ ngày",
        "header-period-end" => "Kỳ sơ kết, tổng kết đến ngày",
        "header-date" => "Ngày họp",
        "header-start-time" => "Giờ bắt đầu",
        "header-format" => "Hình thức",
        "header-chair-name" => "Người chủ trì",
        "header-chair-title" => "Chức vụ người chủ trì",
        "header-chair-body" => "Cơ quan của người chủ trì",
        "header-co-organizers" => "Cơ quan phối hợp",
        "header-response-deadline" => "Hạn chậm nhất trả lời lời mời",
        _ => null,
    };
}

/// <summary>What the header's fields partial shows: the input, its errors, and whether it is a proposal (the lead's body proposes).</summary>
public sealed record HeaderForm(HeaderInput Input, FormErrors Errors, bool Proposing, string LeadBody, IReadOnlyList<string> Participants);
