using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Platform.Screens.Conferences;
using Platform.JointPlanning.V1;
using Platform.Vietnamese;

namespace Platform.Screens.Calendars;

/// <summary>
/// A body's joint-planning calendar as iCalendar (RFC 5545, written by Ical.Net): each conference it takes part in as
/// an event at its day and start (two hours unless its agenda says otherwise), and each of its tasks as a to-do due on
/// its deadline. Times are written in UTC, which every calendar reads the same way; the conference's own clock is
/// Viet Nam's (UTC+7). Uids are stable, so a calendar that imports the file again updates, not duplicates.
/// </summary>
public static class BodyCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private static readonly TimeSpan DefaultLength = TimeSpan.FromHours(2);

    public static string Write(string body, IEnumerable<Participation> participations, IEnumerable<JointTask> tasks)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Ke hoach lien tich//Platform.Gateway//VI" };
        calendar.AddProperty("X-WR-CALNAME", $"Kế hoạch liên tịch — {Labels.Body(body)}");
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh");
        foreach (var participation in participations)
        {
            if (Event(participation.Conference) is { } conference)
            {
                calendar.Events.Add(conference);
            }
        }
        foreach (var task in tasks)
        {
            if (ToDo(task) is { } todo)
            {
                calendar.Todos.Add(todo);
            }
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent? Event(Conference? conference)
    {
        if (conference is null || Instant(conference.Date, conference.StartTime) is not { } start)
        {
            return null;
        }
        var end = conference.Agenda.Count > 0 && Instant(conference.Date, conference.Agenda[^1].EndTime) is { } last && last > start
            ? last
            : start + DefaultLength;
        var cancelled = conference.Status == ConferenceStatus.Cancelled;
        return new CalendarEvent
        {
            Uid = $"{conference.Id}@ke-hoach-lien-tich",
            Summary = conference.Title,
            Description = $"Chủ trì: {Labels.Body(conference.LeadBody)}. Phối hợp: {string.Join(", ", conference.CoOrganizers.Select(Labels.Body))}. "
                + $"{ConferenceLabels.Format(conference.Format)}. Trạng thái: {Labels.Status(conference.Status)}.",
            DtStart = new CalDateTime(start.UtcDateTime, CalDateTime.UtcTzId),
            DtEnd = new CalDateTime(end.UtcDateTime, CalDateTime.UtcTzId),
            Status = cancelled ? EventStatus.Cancelled : conference.Status == ConferenceStatus.Planning ? EventStatus.Tentative : EventStatus.Confirmed,
            Sequence = (int)Math.Min(conference.Revision, int.MaxValue),
        };
    }

    private static Todo? ToDo(JointTask task)
    {
        if (!DateOnly.TryParseExact(task.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
        {
            return null;
        }
        return new Todo
        {
            Uid = $"{task.Id}.{task.OwnerBody}@ke-hoach-lien-tich",
            Summary = $"Hạn chậm nhất: {Shorten(task.Description)}",
            Description = task.Description,
            Due = new CalDateTime(due), // a day, not an instant: the deadline is the whole day
            PercentComplete = task.Percent,
            Status = task.Done ? TodoStatus.Completed : TodoStatus.NeedsAction,
        };
    }

    /// <summary>The conference's day and "HH:mm" on Viet Nam's clock, as an instant.</summary>
    private static DateTimeOffset? Instant(string day, string time) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            ? new DateTimeOffset(date.ToDateTime(clock), VietnameseDate.VietnamOffset)
            : null;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
