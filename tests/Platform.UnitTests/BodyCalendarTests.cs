using Ical.Net;
using Platform.Screens.Calendars;
using Platform.JointPlanning.V1;

namespace Platform.UnitTests;

/// <summary>A body's calendar written as iCalendar and parsed back (Ical.Net): events at the right instant, deadlines as days.</summary>
public sealed class BodyCalendarTests
{
    private static Participation Invited(string id, ConferenceStatus status, params (string Start, string End)[] agenda)
    {
        var conference = new Conference
        {
            Id = id, LeadBody = "organization", Title = "Hội nghị liên tịch sơ kết 6 tháng đầu năm 2020", Date = "2020-07-01", StartTime = "08:00",
            Format = ConferenceFormat.Online, Status = status, Revision = 4, CoOrganizers = { "home-affairs" },
        };
        conference.Agenda.AddRange(agenda.Select(a => new ScheduledAgendaItem { StartTime = a.Start, EndTime = a.End }));
        return new Participation { ConferenceId = id, Conference = conference };
    }

    private static Calendar Parsed(string ics) => Calendar.Load(ics)!;

    [Fact]
    public void A_conference_is_an_event_at_its_start_on_Viet_Nams_clock_until_its_agenda_ends()
    {
        var ics = BodyCalendar.Write("home-affairs", [Invited("organization.a", ConferenceStatus.Scheduled, ("08:00", "08:20"), ("08:20", "10:45"))], []);
        var conference = Parsed(ics).Events.Single();

        Assert.Equal("organization.a@ke-hoach-lien-tich", conference.Uid);
        Assert.Equal(new DateTime(2020, 7, 1, 1, 0, 0, DateTimeKind.Utc), conference.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2020, 7, 1, 3, 45, 0, DateTimeKind.Utc), conference.DtEnd!.AsUtc);
        Assert.Equal(EventStatus.Confirmed, conference.Status);
        Assert.Equal("Hội nghị liên tịch sơ kết 6 tháng đầu năm 2020", conference.Summary); // UTF-8, marks kept
        Assert.Equal(4, conference.Sequence);
    }

    [Fact]
    public void Planned_and_cancelled_conferences_say_so_and_without_an_agenda_last_two_hours()
    {
        var events = Parsed(BodyCalendar.Write("home-affairs",
            [Invited("organization.a", ConferenceStatus.Planning), Invited("organization.b", ConferenceStatus.Cancelled)], [])).Events;
        Assert.Equal(EventStatus.Tentative, events.Single(e => e.Uid!.StartsWith("organization.a@")).Status);
        Assert.Equal(EventStatus.Cancelled, events.Single(e => e.Uid!.StartsWith("organization.b@")).Status);
        Assert.All(events, e => Assert.Equal(TimeSpan.FromHours(2), e.DtEnd!.AsUtc - e.DtStart!.AsUtc));
    }

    [Fact]
    public void A_task_is_a_to_do_due_on_its_deadline_as_a_whole_day()
    {
        var task = new JointTask
        {
            Id = "organization.a.1", OwnerBody = "home-affairs", DueDate = "2020-12-31", Description = "Chuẩn bị nhân sự đại hội", Percent = 60,
        };
        var todo = Parsed(BodyCalendar.Write("home-affairs", [], [task])).Todos.Single();

        Assert.Equal("organization.a.1.home-affairs@ke-hoach-lien-tich", todo.Uid);
        Assert.Equal(new DateOnly(2020, 12, 31), DateOnly.FromDateTime(todo.Due!.Value));
        Assert.False(todo.Due.HasTime);
        Assert.Equal(60, todo.PercentComplete);
        Assert.Equal("Hạn chậm nhất: Chuẩn bị nhân sự đại hội", todo.Summary);
    }
}
