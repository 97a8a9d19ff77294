using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Platform.DelegateAffairs.V1;
using Platform.Screens.Elections;
using Platform.Organization.V1;

namespace Platform.Screens.Calendars;

/// <summary>
/// The schedules the three bodies plan around, as iCalendar (RFC 5545, Ical.Net): the Party congresses of a term
/// (Organization) and an election's legal timeline (Delegate Affairs). Each item is a whole day (a congress's or a
/// step's date, not an hour), with a stable uid so that importing again updates the calendar.
/// </summary>
public static class ScheduleCalendar
{
    /// <summary>A congress and the name of its organization (its id when the name could not be read).</summary>
    public sealed record NamedCongress(PartyCongress Congress, string Organization);

    public static string Congresses(IEnumerable<NamedCongress> congresses, string? term)
    {
        var calendar = New($"Lịch đại hội đảng bộ{(string.IsNullOrWhiteSpace(term) ? "" : $" nhiệm kỳ {term}")}");
        foreach (var (congress, organization) in congresses)
        {
            var held = congress.ActualDate.Length > 0;
            if (Day(held ? congress.ActualDate : congress.PlannedDate) is not { } day)
            {
                continue;
            }
            var deadline = congress.Deadline.Length > 0 ? $"Thời hạn: {Formatting.VietnameseFormat.Date(congress.Deadline)} ({congress.DeadlineSource})." : "";
            calendar.Events.Add(AllDay($"{congress.Id}@ke-hoach-lien-tich", day,
                $"Đại hội {organization} nhiệm kỳ {congress.Term}{(congress.Late ? " (muộn so với thời hạn)" : "")}",
                $"{(held ? "Đã tổ chức" : "Dự kiến")}. {deadline}".Trim()));
        }
        return Serialize(calendar);
    }

    public static string Election(Election election, ElectionTimeline timeline)
    {
        var name = $"{ElectionLabels.Kind(election.Kind)} khóa {election.Term}";
        var calendar = New($"Lịch trình {name}");
        foreach (var milestone in timeline.Milestones)
        {
            if (Day(milestone.Date) is { } day)
            {
                calendar.Events.Add(AllDay($"{election.Id}.{milestone.Key}@ke-hoach-lien-tich", day, milestone.Title,
                    $"{name}: {milestone.Title}. Căn cứ: {milestone.Source}."));
            }
        }
        if (Day(election.ElectionDay) is { } electionDay && timeline.Milestones.All(m => m.Date != election.ElectionDay))
        {
            calendar.Events.Add(AllDay($"{election.Id}.election-day@ke-hoach-lien-tich", electionDay, $"Ngày bầu cử — {name}", name));
        }
        return Serialize(calendar);
    }

    private static Ical.Net.Calendar New(string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Ke hoach lien tich//Platform.Gateway//VI" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh");
        return calendar;
    }

    /// <summary>A whole-day event: DTSTART as a date and DTEND the next day (RFC 5545 3.6.1: the end is exclusive).</summary>
    private static CalendarEvent AllDay(string uid, DateOnly day, string summary, string description) => new()
    {
        Uid = uid,
        Summary = summary,
        Description = description,
        DtStart = new CalDateTime(day),
        DtEnd = new CalDateTime(day.AddDays(1)),
        Transparency = TransparencyType.Transparent, // a date to keep in mind, not time taken
    };

    private static DateOnly? Day(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Serialize(Ical.Net.Calendar calendar) => new CalendarSerializer().SerializeToString(calendar)!;
}
