using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Errors;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Infrastructure;
using Platform.JointPlanning.V1;
using JointPlanningService = Platform.JointPlanning.V1.JointPlanningService;
using Platform.Organization.Infrastructure;
using Platform.Organization.V1;
using Platform.Testing;
using static Platform.FunctionalTests.JointPlanning.JointPlanningData;

namespace Platform.FunctionalTests.JointPlanning;

/// <summary>Organization with its outbox kept (no relay): the tests read what it would have told the others.</summary>
public sealed class LeadHost : ServiceHost<OrganizationDbContext>
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Messaging:Outbox:RelayEnabled", "false")];
}

/// <summary>
/// Organization as the lead of joint conferences: its API and process manager over real PostgreSQL and
/// RabbitMQ. The co-organizers' side arrives as the events their services would publish.
/// </summary>
public sealed class LeadProcessTests(LeadHost host) : IClassFixture<LeadHost>, IAsyncLifetime
{
    private JointPlanningService.JointPlanningServiceClient Api => new(host.Channel);

    public async Task InitializeAsync()
    {
        await using var db = host.CreateDbContext();
        await ProvinceCopies.EnsureAsync(db, Provinces);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Conference> ProposeAsync(params string[] coOrganizers) =>
        await Api.ProposeConferenceAsync(new ProposeConferenceRequest { ConferenceId = NewSlug(), Conference = Proposal(coOrganizers) });

    private async Task<Participation> ContributeAsLeadAsync(string conferenceId, string itemTitle = "Báo cáo sơ kết của Ban Tổ chức Trung ương")
    {
        var own = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conferenceId });
        return await Api.UpdateParticipationAsync(Contribution(own, itemTitle));
    }

    private Task<Conference> WaitForAsync(string id, Func<Conference, bool> condition, string what) =>
        Poll.UntilAsync(async () =>
        {
            var conference = await Api.GetConferenceAsync(new GetConferenceRequest { Id = id });
            return condition(conference) ? conference : null;
        }, what);

    private Task<long> OutboxCountAsync(string type, string conferenceId) =>
        PostgresServer.ScalarAsync<long>(host.DatabaseConnectionString,
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE $1 AND body::text LIKE $2", $"%.{type},%", $"%{conferenceId}%");

    [Fact]
    public async Task Proposing_names_the_lead_invites_the_co_organizers_and_makes_the_leads_own_participation()
    {
        var conference = await ProposeAsync("home-affairs", "delegate-affairs");

        Assert.StartsWith("organization.hoi-nghi-", conference.Id);
        Assert.Equal(ConferenceStatus.Planning, conference.Status);
        Assert.Equal(["organization", "home-affairs", "delegate-affairs"], conference.Readiness.Select(r => r.Body));
        Assert.Equal(InvitationResponse.Accepted, conference.Readiness[0].Response);
        Assert.Equal(["acceptance", "agenda items", "bridge points", "report"], conference.Readiness[1].Missing);
        var own = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conference.Id });
        Assert.Equal("Hội nghị trực tuyến sơ kết 6 tháng đầu năm, triển khai công tác 6 tháng cuối năm 2020", own.Conference.Title);
        Assert.Equal(1, await OutboxCountAsync(nameof(JointConferenceProposed), conference.Id));
    }

    [Fact]
    public async Task The_conference_is_scheduled_when_every_body_is_ready_and_its_agenda_fixed_in_order_with_times()
    {
        var conference = await ProposeAsync("home-affairs");
        await ContributeAsLeadAsync(conference.Id);
        Assert.Equal(ConferenceStatus.Planning, (await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id })).Status);

        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), ContributionOf("home-affairs", conference.Id, 1, "Báo cáo của Bộ Nội vụ", "Kết quả sắp xếp bộ máy"));

        var scheduled = await WaitForAsync(conference.Id, c => c.Status == ConferenceStatus.Scheduled, "the conference to be scheduled");
        Assert.All(scheduled.Readiness, r => Assert.True(r.Ready));
        Assert.Equal(
            [("organization", "08:00", "08:20"), ("home-affairs", "08:20", "08:35"), ("home-affairs", "08:35", "08:50")],
            scheduled.Agenda.Select(a => (a.Body, a.StartTime, a.EndTime)));
        Assert.Equal(1, await OutboxCountAsync(nameof(JointConferenceScheduled), conference.Id));
        var own = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conference.Id });
        Assert.Equal(3, own.Conference.Agenda.Count);
    }

    [Fact]
    public async Task A_change_after_scheduling_reopens_readiness_tells_everyone_and_an_older_state_changes_nothing()
    {
        var conference = await ProposeAsync("home-affairs");
        await ContributeAsLeadAsync(conference.Id);
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), ContributionOf("home-affairs", conference.Id, 2, "Báo cáo của Bộ Nội vụ"));
        var scheduled = await WaitForAsync(conference.Id, c => c.Status == ConferenceStatus.Scheduled, "the conference to be scheduled");

        // An older revision arriving late (after a retry, say) is ignored.
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), ContributionOf("home-affairs", conference.Id, 1, "Bản cũ"));
        // Home Affairs adds an item: readiness reopens, and since it is still ready the agenda is fixed again.
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(),
            ContributionOf("home-affairs", conference.Id, 3, "Báo cáo của Bộ Nội vụ", "Tham luận bổ sung"));

        var again = await WaitForAsync(conference.Id, c => c.Agenda.Count == 3, "the new agenda");
        Assert.Equal(ConferenceStatus.Scheduled, again.Status);
        Assert.Equal(scheduled.Revision + 2, again.Revision);
        Assert.DoesNotContain(again.Agenda, a => a.Item.Title == "Bản cũ");
        Assert.Equal(1, await OutboxCountAsync(nameof(JointConferenceReopened), conference.Id));
        Assert.Equal(2, await OutboxCountAsync(nameof(JointConferenceScheduled), conference.Id));

        // Declining after scheduling leaves the conference waiting for the lead's decision.
        var declined = ContributionOf("home-affairs", conference.Id, 4) with { Response = "DECLINED", DeclineReason = "Trùng lịch" };
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), declined);
        var waiting = await WaitForAsync(conference.Id, c => c.Status == ConferenceStatus.Planning, "the conference to reopen");
        Assert.Equal(["declined", "agenda items"], waiting.Readiness[1].Missing);
        Assert.Empty(waiting.Agenda);
    }

    [Fact]
    public async Task Scheduling_a_conference_that_is_not_ready_fails_and_changes_nothing_until_the_lead_goes_on_without_a_body()
    {
        var conference = await ProposeAsync("home-affairs", "delegate-affairs");
        await ContributeAsLeadAsync(conference.Id);
        conference = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });

        var notReady = await Assert.ThrowsAsync<RpcException>(() =>
            Api.ScheduleConferenceAsync(new ScheduleConferenceRequest { Id = conference.Id, Etag = conference.Etag, ProceedWithout = { "home-affairs" } }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, notReady.StatusCode);
        Assert.Contains("delegate-affairs: acceptance, agenda items, bridge points, report", notReady.Status.Detail);
        var unchanged = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        Assert.All(unchanged.Readiness, r => Assert.False(r.Excluded));
        Assert.Equal(conference.Etag, unchanged.Etag);

        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            Api.ScheduleConferenceAsync(new ScheduleConferenceRequest { Id = conference.Id, Etag = conference.Etag, ProceedWithout = { "organization" } }).ResponseAsync);
        Assert.Equal(["proceed_without[0]"], FieldsOf(unknown));

        var scheduled = await Api.ScheduleConferenceAsync(new ScheduleConferenceRequest
        {
            Id = conference.Id, Etag = conference.Etag, ProceedWithout = { "home-affairs", "delegate-affairs" },
        });
        Assert.Equal(ConferenceStatus.Scheduled, scheduled.Status);
        Assert.Equal([false, true, true], scheduled.Readiness.Select(r => r.Excluded));
    }

    [Fact]
    public async Task A_proposal_with_bad_fields_is_rejected_field_by_field_and_nothing_is_written()
    {
        var proposal = Proposal("home-affairs", "home-affairs", "ban-kinh-te");
        proposal.Title = "  ";
        proposal.Kind = (ConferenceKind)42;
        proposal.Date = "2020-02-30";
        proposal.StartTime = "25:00";
        proposal.ResponseDeadline = "2020-08-01";
        proposal.PeriodEnd = "2019-12-31";
        proposal.Chair.Body = "home-affairs-and-more";
        var slug = NewSlug();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Api.ProposeConferenceAsync(new ProposeConferenceRequest { ConferenceId = slug, Conference = proposal }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["conference.co_organizers[2]", "conference.co_organizers", "conference.date", "conference.start_time", "conference.title",
             "conference.kind", "conference.period_end", "conference.chair.body"],
            FieldsOf(error));
        Assert.Equal(0, await PostgresServer.ScalarAsync<long>(host.DatabaseConnectionString,
            "SELECT count(*) FROM joint_conferences WHERE id = $1", $"organization.{slug}"));
        var late = Proposal("home-affairs");
        late.ResponseDeadline = "2020-07-02";
        var lateError = await Assert.ThrowsAsync<RpcException>(() => Api.ProposeConferenceAsync(new ProposeConferenceRequest { Conference = late }).ResponseAsync);
        Assert.Equal(["conference.response_deadline"], FieldsOf(lateError));
    }

    [Fact]
    public async Task Bad_contributions_are_rejected_naming_the_field_and_leave_the_participation_as_it_was()
    {
        var conference = await ProposeAsync("home-affairs");
        var own = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conference.Id });
        var bad = Contribution(own, "Báo cáo");
        bad.Participation.AgendaItems[0].Minutes = -5;
        bad.Participation.BridgePoints.Add(Point("dao-xa", "99"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Api.UpdateParticipationAsync(bad).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["participation.agenda_items[0].minutes", "participation.bridge_points[1].site_code"], FieldsOf(error));
        var after = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conference.Id });
        Assert.Equal(own.Etag, after.Etag);
        Assert.Empty(after.AgendaItems);

        var decline = Change(after, "response", "decline_reason");
        decline.Participation.Response = InvitationResponse.Declined;
        decline.Participation.DeclineReason = "Không tham dự";
        var leadDeclines = await Assert.ThrowsAsync<RpcException>(() => Api.UpdateParticipationAsync(decline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, leadDeclines.StatusCode);

        var notInvited = await Assert.ThrowsAsync<RpcException>(() =>
            Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = "home-affairs.hoi-nghi-khac" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notInvited.StatusCode);
    }

    [Fact]
    public async Task Two_edits_from_the_same_read_give_aborted_to_the_second_never_a_lost_update()
    {
        var conference = await ProposeAsync("home-affairs");
        var own = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conference.Id });

        await Api.UpdateParticipationAsync(Contribution(own, "Báo cáo thứ nhất"));
        var second = await Assert.ThrowsAsync<RpcException>(() => Api.UpdateParticipationAsync(Contribution(own, "Báo cáo thứ hai")).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, second.StatusCode);
        var after = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conference.Id });
        Assert.Equal("Báo cáo thứ nhất", Assert.Single(after.AgendaItems).Title);

        var stale = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        stale.Title = "Tên khác";
        await Api.UpdateConferenceAsync(new UpdateConferenceRequest { Conference = stale, UpdateMask = new() { Paths = { "title" } } });
        var staleAgain = await Assert.ThrowsAsync<RpcException>(() =>
            Api.UpdateConferenceAsync(new UpdateConferenceRequest { Conference = stale, UpdateMask = new() { Paths = { "title" } } }).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, staleAgain.StatusCode);
    }

    [Fact]
    public async Task Postponing_moves_the_day_keeps_the_start_when_none_is_given_and_tells_everyone_why()
    {
        var conference = await ProposeAsync("home-affairs");

        var tooLate = await Assert.ThrowsAsync<RpcException>(() => Api.PostponeConferenceAsync(new PostponeConferenceRequest
        {
            Id = conference.Id, Etag = conference.Etag, Date = "2020-07-15", ResponseDeadline = "2020-07-16", StartTime = "25:00", Reason = "",
        }).ResponseAsync);
        Assert.Equal(["reason", "response_deadline", "start_time"],
            tooLate.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));

        var postponed = await Api.PostponeConferenceAsync(new PostponeConferenceRequest
        {
            Id = conference.Id, Etag = conference.Etag, Date = "2020-07-15", ResponseDeadline = "2020-07-10", Reason = "Trùng lịch làm việc",
        });
        Assert.Equal(("2020-07-15", "08:00", "2020-07-10"), (postponed.Date, postponed.StartTime, postponed.ResponseDeadline));
        Assert.Equal(("Trùng lịch làm việc", ConferenceStatus.Planning), (postponed.PostponementReason, postponed.Status));
        Assert.Equal(1, await OutboxCountAsync(nameof(JointConferencePostponed), conference.Id));
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_tells_everyone_why_and_closes_the_conference_to_every_later_step()
    {
        var conference = await ProposeAsync("home-affairs");

        var noReason = await Assert.ThrowsAsync<RpcException>(() =>
            Api.CancelConferenceAsync(new CancelConferenceRequest { Id = conference.Id, Etag = conference.Etag, Reason = "  " }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal("reason", noReason.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(0, await OutboxCountAsync(nameof(JointConferenceCancelled), conference.Id));

        var cancelled = await Api.CancelConferenceAsync(new CancelConferenceRequest
        {
            Id = conference.Id, Etag = conference.Etag, Reason = "Trùng lịch họp của Bộ Chính trị",
        });
        Assert.Equal(ConferenceStatus.Cancelled, cancelled.Status);
        Assert.Equal("Trùng lịch họp của Bộ Chính trị", cancelled.CancellationReason);
        Assert.Equal(1, await OutboxCountAsync(nameof(JointConferenceCancelled), conference.Id));
        var own = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conference.Id });
        Assert.Equal(ConferenceStatus.Cancelled, own.Conference.Status); // the lead's own copy follows at once

        // Every later step is refused with its reason, and nothing more is announced.
        var steps = new Func<Task>[]
        {
            () => Api.CancelConferenceAsync(new CancelConferenceRequest { Id = conference.Id, Etag = cancelled.Etag, Reason = "Lần nữa" }).ResponseAsync,
            () => Api.PostponeConferenceAsync(new PostponeConferenceRequest
            {
                Id = conference.Id, Etag = cancelled.Etag, Date = "2020-07-15", ResponseDeadline = "2020-07-10", Reason = "Đổi ngày",
            }).ResponseAsync,
            () => Api.UpdateConferenceAsync(new UpdateConferenceRequest
            {
                Conference = new Conference { Id = conference.Id, Etag = cancelled.Etag, Title = "Tên mới" }, UpdateMask = new() { Paths = { "title" } },
            }).ResponseAsync,
            () => Api.UpdateParticipationAsync(Contribution(own, "Báo cáo sau khi hủy")).ResponseAsync,
        };
        foreach (var step in steps)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(step);
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.Equal(ErrorReasons.ConferenceCancelled, refused.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        }
        var scheduling = await Assert.ThrowsAsync<RpcException>(() =>
            Api.ScheduleConferenceAsync(new ScheduleConferenceRequest { Id = conference.Id, Etag = cancelled.Etag, ProceedWithout = { "home-affairs" } }).ResponseAsync);
        Assert.Equal(ErrorReasons.ConferenceNotPlanning, scheduling.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(1, await OutboxCountAsync(nameof(JointConferenceCancelled), conference.Id));
        Assert.Equal(cancelled.Etag, (await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id })).Etag);
    }

    [Fact]
    public async Task A_conclusion_needs_a_scheduled_conference_and_every_task_an_owner_a_due_date_and_a_legal_basis()
    {
        var conference = await ProposeAsync("home-affairs");
        await ContributeAsLeadAsync(conference.Id);
        conference = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        var conclusion = new Conclusion { Summary = "Thống nhất các nhiệm vụ 6 tháng cuối năm 2020." };
        conclusion.Tasks.Add(new ConferenceTask { Description = "Thực hiện Chỉ thị 35-CT/TW", DueDate = "2020-12-31", Owners = { "organization" },
            LegalBasis = { new LegalBasis { Number = "35-CT/TW", Date = "2019-05-30" } } });

        var early = await Assert.ThrowsAsync<RpcException>(() =>
            Api.ConcludeConferenceAsync(new ConcludeConferenceRequest { Id = conference.Id, Etag = conference.Etag, Conclusion = conclusion }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);

        conference = await Api.ScheduleConferenceAsync(new ScheduleConferenceRequest { Id = conference.Id, Etag = conference.Etag, ProceedWithout = { "home-affairs" } });
        var bad = conclusion.Clone();
        bad.IssuedOn = "2020-06-30";
        bad.Tasks.Add(new ConferenceTask { Description = "Không có chủ", LegalBasis = { new LegalBasis { Number = "45-CT/TW", Date = "2020-06-20" } } });
        bad.Tasks.Add(new ConferenceTask { Description = "Cơ quan vắng mặt", DueDate = "2020-10-01", Owners = { "home-affairs" } });
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Api.ConcludeConferenceAsync(new ConcludeConferenceRequest { Id = conference.Id, Etag = conference.Etag, Conclusion = bad }).ResponseAsync);
        Assert.Equal(
            ["conclusion.tasks[1].owners", "conclusion.tasks[1].due_date", "conclusion.tasks[2].owners[0]", "conclusion.tasks[2].legal_basis",
             "conclusion.issued_on"],
            FieldsOf(error));
        Assert.Equal(ConferenceStatus.Scheduled, (await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id })).Status);
    }

    [Fact]
    public async Task A_task_may_cite_a_document_by_its_number_alone_but_not_by_a_malformed_date()
    {
        var conference = await ProposeAsync("home-affairs");
        await ContributeAsLeadAsync(conference.Id);
        conference = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        conference = await Api.ScheduleConferenceAsync(new ScheduleConferenceRequest { Id = conference.Id, Etag = conference.Etag, ProceedWithout = { "home-affairs" } });
        ConferenceTask Citing(string date) => new()
        {
            Description = "Quán triệt Kết luận 75-KL/TW", DueDate = "2020-12-31", Owners = { "organization" },
            LegalBasis = { new LegalBasis { Number = "75-KL/TW", Date = date, Title = "Kết luận của Ban Chấp hành Trung ương" } },
        };

        var malformed = await Assert.ThrowsAsync<RpcException>(() => Api.ConcludeConferenceAsync(new ConcludeConferenceRequest
        {
            Id = conference.Id, Etag = conference.Etag, Conclusion = new Conclusion { Summary = "Kết luận.", Tasks = { Citing("cuối tháng 5") } },
        }).ResponseAsync);
        var concluded = await Api.ConcludeConferenceAsync(new ConcludeConferenceRequest
        {
            Id = conference.Id, Etag = conference.Etag, Conclusion = new Conclusion { Summary = "Kết luận.", Tasks = { Citing("") } },
        });

        Assert.Equal(["conclusion.tasks[0].legal_basis[0].date"], FieldsOf(malformed));
        var cited = concluded.Conclusion.Tasks.Single().LegalBasis.Single();
        Assert.Equal(("75-KL/TW", ""), (cited.Number, cited.Date));
        var task = (await Api.ListJointTasksAsync(new ListJointTasksRequest { ConferenceId = conference.Id })).Tasks.Single();
        Assert.Equal("", task.LegalBasis.Single().Date); // the owner's copy, by event, as well
    }

    [Fact]
    public async Task The_sweep_reports_late_co_organizers_and_overdue_tasks_and_the_lead_sees_its_own_progress()
    {
        var conference = await ProposeAsync("home-affairs"); // its response deadline, 2020-06-25, passed long ago
        var sweep = host.Services.GetRequiredService<JointPlanningSweep<OrganizationDbContext>>();
        await sweep.SweepOnceAsync(CancellationToken.None);
        conference = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        Assert.Equal([true, true], conference.Readiness.Select(r => r.Overdue));

        await ContributeAsLeadAsync(conference.Id);
        conference = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        Assert.Equal([false, true], conference.Readiness.Select(r => r.Overdue)); // ready now, so no longer late
        conference = await Api.ScheduleConferenceAsync(new ScheduleConferenceRequest { Id = conference.Id, Etag = conference.Etag, ProceedWithout = { "home-affairs" } });
        var conclusion = new Conclusion { Summary = "Kết luận." };
        foreach (var due in new[] { "2020-12-31", "2099-12-31" })
        {
            conclusion.Tasks.Add(new ConferenceTask { Description = $"Nhiệm vụ hạn {due}", DueDate = due, Owners = { "organization" },
                LegalBasis = { new LegalBasis { Number = "205-QĐ/TW", Date = "2019-09-23" } } });
        }
        await Api.ConcludeConferenceAsync(new ConcludeConferenceRequest { Id = conference.Id, Etag = conference.Etag, Conclusion = conclusion });
        var tasks = (await Api.ListJointTasksAsync(new ListJointTasksRequest { ConferenceId = conference.Id })).Tasks;
        Assert.Equal([$"{conference.Id}.1", $"{conference.Id}.2"], tasks.Select(t => t.Id));

        await sweep.SweepOnceAsync(CancellationToken.None);
        var overdue = (await Api.ListJointTasksAsync(new ListJointTasksRequest { ConferenceId = conference.Id, OverdueOnly = true })).Tasks;
        Assert.Equal($"{conference.Id}.1", Assert.Single(overdue).Id);

        var done = await Api.ReportJointTaskProgressAsync(new ReportJointTaskProgressRequest { Id = overdue[0].Id, Etag = overdue[0].Etag, Done = true, Note = "Đã hoàn thành" });
        Assert.Equal((100, true, false), (done.Percent, done.Done, done.Overdue));
        Assert.Equal("Đã hoàn thành", Assert.Single(done.Progress).Note);
        var seen = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        Assert.Equal([(100, true), (0, false)], seen.Conclusion.Tasks.Select(t => (t.OwnerStates[0].Percent, t.OwnerStates[0].Done)));
    }

    [Fact]
    public async Task Replicas_sweeping_at_once_flag_each_overdue_task_and_each_late_co_organizer_once()
    {
        var conference = await ProposeAsync("home-affairs"); // its response deadline, 2020-06-25, passed long ago
        await ContributeAsLeadAsync(conference.Id);
        conference = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        conference = await Api.ScheduleConferenceAsync(new ScheduleConferenceRequest { Id = conference.Id, Etag = conference.Etag, ProceedWithout = { "home-affairs" } });
        var conclusion = new Conclusion { Summary = "Kết luận." };
        for (var i = 0; i < 6; i++)
        {
            conclusion.Tasks.Add(new ConferenceTask { Description = $"Nhiệm vụ {i + 1}", DueDate = "2020-12-31", Owners = { "organization" },
                LegalBasis = { new LegalBasis { Number = "205-QĐ/TW", Date = "2019-09-23" } } });
        }
        await Api.ConcludeConferenceAsync(new ConcludeConferenceRequest { Id = conference.Id, Etag = conference.Etag, Conclusion = conclusion });
        var late = await ProposeAsync("home-affairs"); // still planning, its co-organizer silent past the deadline

        // Two sweeps at once over one database, as two replicas' timers may fire: neither may fail or redo the other's work.
        var sweep = host.Services.GetRequiredService<JointPlanningSweep<OrganizationDbContext>>();
        await Task.WhenAll(sweep.SweepOnceAsync(CancellationToken.None), sweep.SweepOnceAsync(CancellationToken.None));

        var overdue = (await Api.ListJointTasksAsync(new ListJointTasksRequest { ConferenceId = conference.Id, OverdueOnly = true })).Tasks;
        Assert.Equal(6, overdue.Count);
        await using var db = host.CreateDbContext();
        var resources = overdue.Select(t => $"joint-tasks/{t.Id}").ToList();
        var flags = await db.Set<Platform.Auditing.AuditEntry>()
            .Where(a => resources.Contains(a.Resource) && a.Subject == "system:deadline-sweep")
            .GroupBy(a => a.Resource).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Enumerable.Repeat(1, 6), flags);
        Assert.Contains((await Api.GetConferenceAsync(new GetConferenceRequest { Id = late.Id })).Readiness, r => r.Overdue);
    }
}
