using Ical.Net;
using Platform.DelegateAffairs.V1;
using Platform.Screens.Calendars;
using Platform.Organization.V1;

namespace Platform.UnitTests;

/// <summary>The congress schedule and an election's timeline written as iCalendar and parsed back: whole days, stable uids.</summary>
public sealed class ScheduleCalendarTests
{
    private static Calendar Parsed(string ics) => Calendar.Load(ics)!;

    [Fact]
    public void A_congress_is_a_whole_day_on_its_held_or_planned_date_named_by_its_organization_and_a_late_one_says_so()
    {
        var held = new PartyCongress { Id = "tinh-yen-bai.2020-2025", Term = "2020-2025", PlannedDate = "2020-09-10", ActualDate = "2020-09-12",
            Deadline = "2020-10-29", DeadlineSource = "Chỉ thị 35-CT/TW" };
        var late = new PartyCongress { Id = "huyen-a.2020-2025", Term = "2020-2025", PlannedDate = "2020-11-20", Late = true };
        var undated = new PartyCongress { Id = "xa-b.2020-2025", Term = "2020-2025" };

        var events = Parsed(ScheduleCalendar.Congresses(
            [new(held, "Đảng bộ tỉnh Yên Bái"), new(late, "Đảng bộ huyện A"), new(undated, "Đảng bộ xã B")], "2020-2025")).Events;

        Assert.Equal(2, events.Count); // a congress without a date is not on the calendar
        var first = events.Single(e => e.Uid == "tinh-yen-bai.2020-2025@ke-hoach-lien-tich");
        Assert.Equal("Đại hội Đảng bộ tỉnh Yên Bái nhiệm kỳ 2020-2025", first.Summary);
        Assert.Equal(new DateOnly(2020, 9, 12), DateOnly.FromDateTime(first.DtStart!.Value)); // held, not planned
        Assert.False(first.DtStart.HasTime); // a whole day
        Assert.Equal(new DateOnly(2020, 9, 13), DateOnly.FromDateTime(first.DtEnd!.Value)); // the end is exclusive
        Assert.Contains("29/10/2020", first.Description);
        Assert.EndsWith("(muộn so với thời hạn)", events.Single(e => e.Uid == "huyen-a.2020-2025@ke-hoach-lien-tich").Summary);
    }

    [Fact]
    public void An_elections_steps_are_whole_days_with_their_source_and_election_day_is_one_of_them()
    {
        var election = new Election { Id = "quoc-hoi-xv", Kind = ElectionKind.NationalAssembly, Term = "XV", ElectionDay = "2021-05-23" };
        var timeline = new ElectionTimeline
        {
            ElectionId = "quoc-hoi-xv", ElectionDay = "2021-05-23",
            Milestones =
            {
                new TimelineMilestone { Key = "candidate-files", Title = "Hạn nộp hồ sơ ứng cử", Date = "2021-03-14", Source = "Luật 85/2015/QH13, Điều 35" },
                new TimelineMilestone { Key = "list-published", Title = "Công bố danh sách chính thức", Date = "2021-05-03", Source = "Luật 85/2015/QH13, Điều 57" },
            },
        };

        var events = Parsed(ScheduleCalendar.Election(election, timeline)).Events;

        Assert.Equal(3, events.Count);
        var files = events.Single(e => e.Uid == "quoc-hoi-xv.candidate-files@ke-hoach-lien-tich");
        Assert.Equal("Hạn nộp hồ sơ ứng cử", files.Summary);
        Assert.Contains("Điều 35", files.Description);
        Assert.Equal(new DateOnly(2021, 3, 14), DateOnly.FromDateTime(files.DtStart!.Value));
        var day = events.Single(e => e.Uid == "quoc-hoi-xv.election-day@ke-hoach-lien-tich");
        Assert.Equal(new DateOnly(2021, 5, 23), DateOnly.FromDateTime(day.DtStart!.Value));
        Assert.StartsWith("Ngày bầu cử", day.Summary);
    }
}
