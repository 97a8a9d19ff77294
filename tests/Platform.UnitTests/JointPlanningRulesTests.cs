using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Model;

namespace Platform.UnitTests;

/// <summary>The rules of joint planning that need no database: readiness, the fixed agenda, the plan's clock.</summary>
public sealed class JointPlanningRulesTests
{
    private static AgendaItemInfo Item(string title, int minutes, string kind) => new(title, new PersonNamed("Người trình bày", "", ""), minutes, kind);

    [Fact]
    public void The_agenda_puts_reports_first_and_the_conclusion_last_the_lead_first_within_a_kind_and_runs_the_times_on()
    {
        var agenda = AgendaScheduler.Fix(new TimeOnly(8, 0),
        [
            ("organization", [Item("Kết luận", 20, AgendaItemKinds.Conclusion), Item("Báo cáo sơ kết", 30, AgendaItemKinds.Report)]),
            ("home-affairs", [Item("Tham luận Yên Bái", 10, AgendaItemKinds.GoodPractice), Item("Báo cáo Bộ Nội vụ", 15, AgendaItemKinds.Report)]),
            ("delegate-affairs", [Item("Thảo luận", 45, AgendaItemKinds.Discussion)]),
        ]);

        Assert.Equal(
            [(1, "Báo cáo sơ kết", "08:00", "08:30"), (2, "Báo cáo Bộ Nội vụ", "08:30", "08:45"), (3, "Tham luận Yên Bái", "08:45", "08:55"),
             (4, "Thảo luận", "08:55", "09:40"), (5, "Kết luận", "09:40", "10:00")],
            agenda.Select(a => (a.Position, a.Item.Title, a.StartTime, a.EndTime)));
    }

    [Fact]
    public void A_body_is_ready_once_it_accepted_and_contributed_agenda_bridge_points_and_its_report()
    {
        var participant = new ConferenceParticipant { ConferenceId = "organization.x", Body = "home-affairs" };
        Assert.Equal(["acceptance", "agenda items", "bridge points", "report"], participant.Missing());

        var change = participant.Apply(new JointParticipationChanged("organization.x", "organization", "home-affairs", 1, Responses.Accepted, null,
            [Item("Báo cáo", 15, AgendaItemKinds.Report)],
            [new BridgePointInfo("ha-noi", "01", "Hà Nội", "", new PersonNamed("A", "", ""), 10, "")], true, new Actor("a", "home-affairs", null)));

        Assert.True(participant.IsReady);
        Assert.Equal("home-affairs changed its answer, its agenda items, its bridge points, its report", change);
        var declined = participant.Apply(new JointParticipationChanged("organization.x", "organization", "home-affairs", 2, Responses.Declined, "Trùng lịch",
            [], [], false, new Actor("a", "home-affairs", null)));
        Assert.Equal(["declined", "agenda items", "bridge points", "report"], participant.Missing());
        Assert.StartsWith("home-affairs changed declined", declined);
    }

    [Fact]
    public void The_plan_reads_dates_in_viet_nam_time_all_year()
    {
        var lateEvening = new FixedClock(new DateTimeOffset(2020, 6, 30, 17, 30, 0, TimeSpan.Zero)); // 00:30 on 1 July in Hà Nội
        Assert.Equal(new DateOnly(2020, 7, 1), VietnamTime.Today(lateEvening));
    }

    [Fact]
    public void A_task_falls_overdue_only_after_its_due_date_and_never_once_done()
    {
        var task = OwnedTask.From(new ConferenceTaskInfo("organization.x.1", ["home-affairs"], new DateOnly(2020, 12, 31), [], "Nhiệm vụ"),
            "organization.x", "organization", "home-affairs", DateTimeOffset.UnixEpoch);
        Assert.False(task.MarkOverdue(new DateOnly(2020, 12, 31), DateTimeOffset.UnixEpoch));
        Assert.True(task.MarkOverdue(new DateOnly(2021, 1, 1), DateTimeOffset.UnixEpoch));
        task.Report(30, done: true, "Xong", "tester", DateTimeOffset.UnixEpoch);
        Assert.Equal((100, true, false, 2L), (task.Percent, task.Done, task.Overdue, task.Revision));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
