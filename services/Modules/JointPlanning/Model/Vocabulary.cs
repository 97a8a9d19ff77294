namespace Platform.JointPlanning.Model;

// The values the model keeps as text: the names of the proto enums without their prefix, the same words
// the integration events carry, so that a row, an event and the API all say "SCHEDULED".

public static class ConferenceStatuses
{
    public const string Planning = "PLANNING";
    public const string Scheduled = "SCHEDULED";
    public const string Concluded = "CONCLUDED";
    public const string Cancelled = "CANCELLED";
}

public static class Responses
{
    public const string Pending = "PENDING";
    public const string Accepted = "ACCEPTED";
    public const string Declined = "DECLINED";
}

public static class AgendaItemKinds
{
    public const string Report = "REPORT";
    public const string GoodPractice = "GOOD_PRACTICE";
    public const string Discussion = "DISCUSSION";
    public const string Conclusion = "CONCLUSION";

    /// <summary>The order of kinds in a fixed agenda: reports, then good practices, discussion, the conclusion last.</summary>
    public static int Rank(string kind) => kind switch
    {
        Report => 0,
        GoodPractice => 1,
        Discussion => 2,
        Conclusion => 3,
        _ => 4,
    };
}

/// <summary>Viet Nam time: UTC+7 all year (no daylight saving), the clock every date of the plan is read in.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = Platform.Vietnamese.VietnameseDate.VietnamOffset;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}

/// <summary>Times of day as the plan writes them: "HH:mm", 24-hour.</summary>
public static class ClockTime
{
    public static string Format(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);
}
