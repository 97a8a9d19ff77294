using Google.Rpc;
using Grpc.Core;
using Platform.Contracts.Errors;
using Platform.Contracts.IntegrationEvents;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.V1;
using Platform.JointPlanning.V1;
using JointPlanningService = Platform.JointPlanning.V1.JointPlanningService;
using Platform.Testing;
using static Platform.FunctionalTests.JointPlanning.JointPlanningData;

namespace Platform.FunctionalTests.JointPlanning;

/// <summary>Delegate Affairs with its outbox kept (no relay): the tests read what it tells the lead.</summary>
public sealed class ParticipantHost : ServiceHost<DelegateAffairsDbContext>
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Messaging:Outbox:RelayEnabled", "false")];
}

/// <summary>
/// Delegate Affairs as a co-organizer: it hears the lead's announcements in any order, answers and
/// contributes through its own API, and tracks the tasks the conclusion gives it.
/// </summary>
public sealed class ParticipantTests(ParticipantHost host) : IClassFixture<ParticipantHost>, IAsyncLifetime
{
    private JointPlanningService.JointPlanningServiceClient Api => new(host.Channel);

    public async Task InitializeAsync()
    {
        await using var db = host.CreateDbContext();
        await ProvinceCopies.EnsureAsync(db, Provinces);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly Actor Lead = new("tests", "organization", null);

    private static ConferenceSnapshot Snapshot(string id, long revision, string status, IReadOnlyList<ConferenceTaskInfo>? tasks = null) => new(
        id, "organization", revision, "Hội nghị sơ kết", "HALF_YEAR_REVIEW", new(2020, 1, 1), new(2020, 6, 30), new(2020, 7, 1), new(8, 0), "ONLINE",
        new ConferenceChair("Phạm Minh Chính", "Trưởng Ban Tổ chức Trung ương", "organization"), ["organization", "home-affairs", "delegate-affairs"],
        new(2020, 6, 25), status,
        status == "PLANNING" ? [] : [new Platform.Contracts.IntegrationEvents.ScheduledAgendaItem(1, "organization", "08:00", "08:20",
            new AgendaItemInfo("Báo cáo sơ kết", new PersonNamed("Phạm Minh Chính", "Trưởng ban", "Ban Tổ chức Trung ương"), 20, "REPORT"))],
        tasks ?? []);

    private Task<Participation> WaitForParticipationAsync(string id, Func<Participation, bool> condition, string what) =>
        Poll.UntilAsync(async () =>
        {
            try
            {
                var participation = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = id });
                return condition(participation) ? participation : null;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, what);

    private Task<long> OutboxCountAsync(string type, string text) =>
        PostgresServer.ScalarAsync<long>(host.DatabaseConnectionString,
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE $1 AND body::text LIKE $2", $"%.{type},%", $"%{text}%");

    [Fact]
    public async Task An_invitation_overtaken_by_a_later_announcement_changes_nothing_and_the_body_contributes_through_its_own_api()
    {
        var id = $"organization.{NewSlug()}";
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new JointConferenceScheduled(Snapshot(id, 3, "SCHEDULED"), Lead));
        var scheduled = await WaitForParticipationAsync(id, p => p.Conference.Status == ConferenceStatus.Scheduled, "the scheduled conference");
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new JointConferenceProposed(Snapshot(id, 1, "PLANNING"), Lead));
        // The invitation is consumed (its inbox row appears) but the newer state stays.
        await Poll.UntilAsync(async () => await PostgresServer.ScalarAsync<long>(host.DatabaseConnectionString,
            "SELECT count(*) FROM inbox_messages WHERE consumer = 'joint-planning.conference-announcements'") >= 2, "the invitation to be consumed");
        var participation = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = id });
        Assert.Equal((ConferenceStatus.Scheduled, 3L, 1), (participation.Conference.Status, participation.Conference.Revision, participation.Conference.Agenda.Count));
        Assert.Equal(InvitationResponse.Pending, participation.Response);
        Assert.Equal(scheduled.Etag, participation.Etag);

        var contributed = await Api.UpdateParticipationAsync(Contribution(participation, "Báo cáo của Ban Công tác đại biểu", "yen-bai", "15"));
        Assert.Equal((1L, "Yên Bái"), (contributed.Revision, contributed.BridgePoints[0].SiteName));
        Assert.Equal(1, await OutboxCountAsync(nameof(JointParticipationChanged), id));
    }

    [Fact]
    public async Task A_cancellation_heard_closes_the_bodys_own_part()
    {
        var id = $"organization.{NewSlug()}";
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new JointConferenceProposed(Snapshot(id, 1, "PLANNING"), Lead));
        var invited = await WaitForParticipationAsync(id, _ => true, "the invitation");
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new JointConferenceCancelled(Snapshot(id, 2, "CANCELLED"), "Trùng lịch", Lead));
        var cancelled = await WaitForParticipationAsync(id, p => p.Conference.Status == ConferenceStatus.Cancelled, "the cancellation");

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Api.UpdateParticipationAsync(Contribution(cancelled, "Báo cáo sau khi hủy", "yen-bai", "15")).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(ErrorReasons.ConferenceCancelled, refused.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(0, await OutboxCountAsync(nameof(JointParticipationChanged), id));
        Assert.Equal(InvitationResponse.Pending, (await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = id })).Response);
        Assert.NotEqual(invited.Etag, cancelled.Etag);
    }

    [Fact]
    public async Task A_body_not_invited_cannot_contribute_and_a_redelivered_announcement_is_applied_once()
    {
        var id = $"organization.{NewSlug()}";
        var notInvited = await Assert.ThrowsAsync<RpcException>(() => Api.UpdateParticipationAsync(new UpdateParticipationRequest
        {
            Participation = new Participation { ConferenceId = id, Etag = "1", Response = InvitationResponse.Accepted },
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notInvited.StatusCode);

        var messageId = Guid.NewGuid();
        await TestBus.PublishAsync(host.RabbitMqUrl, messageId, new JointConferenceProposed(Snapshot(id, 1, "PLANNING"), Lead));
        await TestBus.PublishAsync(host.RabbitMqUrl, messageId, new JointConferenceProposed(Snapshot(id, 1, "PLANNING"), Lead));
        await WaitForParticipationAsync(id, _ => true, "the invitation");
        await Poll.UntilAsync(async () => await PostgresServer.ScalarAsync<long>(host.DatabaseConnectionString,
            "SELECT count(*) FROM inbox_messages WHERE message_id = $1", messageId) == 1, "the invitation in the inbox");
        Assert.Equal(1, await PostgresServer.ScalarAsync<long>(host.DatabaseConnectionString,
            "SELECT count(*) FROM audit_entries WHERE resource = $1", $"participations/{id}"));
    }

    [Fact]
    public async Task The_tasks_a_conclusion_gives_this_body_are_tracked_here_and_their_progress_told_to_the_lead()
    {
        var id = $"organization.{NewSlug()}";
        var basis = new List<LegalBasisInfo> { new("45-CT/TW", new(2020, 6, 20), "Chỉ thị về đại hội đảng bộ các cấp") };
        var tasks = new List<ConferenceTaskInfo>
        {
            new($"{id}.1", ["delegate-affairs", "home-affairs"], new(2020, 12, 31), basis, "Chuẩn bị bầu cử đại biểu Quốc hội khóa XV"),
            new($"{id}.2", ["organization"], new(2020, 9, 30), basis, "Nhân sự đại hội"),
        };
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new JointConferenceConcluded(Snapshot(id, 7, "CONCLUDED", tasks), Lead));

        var mine = await Poll.UntilAsync(async () =>
        {
            var list = await Api.ListJointTasksAsync(new ListJointTasksRequest { ConferenceId = id });
            return list.Tasks.Count > 0 ? list.Tasks : null;
        }, "the task");
        var task = Assert.Single(mine);
        Assert.Equal(($"{id}.1", "delegate-affairs", "2020-12-31", "45-CT/TW"), (task.Id, task.OwnerBody, task.DueDate, task.LegalBasis[0].Number));
        var participation = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = id });
        Assert.Equal(ConferenceStatus.Concluded, participation.Conference.Status);

        var reported = await Api.ReportJointTaskProgressAsync(new ReportJointTaskProgressRequest { Id = task.Id, Etag = task.Etag, Percent = 40, Note = "Đã rà soát danh sách" });
        Assert.Equal(40, reported.Percent);
        var bad = await Assert.ThrowsAsync<RpcException>(() =>
            Api.ReportJointTaskProgressAsync(new ReportJointTaskProgressRequest { Id = task.Id, Etag = reported.Etag, Percent = 140 }).ResponseAsync);
        Assert.Equal(["percent"], FieldsOf(bad));
        var stale = await Assert.ThrowsAsync<RpcException>(() =>
            Api.ReportJointTaskProgressAsync(new ReportJointTaskProgressRequest { Id = task.Id, Etag = task.Etag, Percent = 50 }).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        // One event when the task arrived (its first state), one for the progress report.
        Assert.Equal(2, await OutboxCountAsync(nameof(JointTaskProgressReported), task.Id));

        var contribution = await Assert.ThrowsAsync<RpcException>(() => Api.UpdateParticipationAsync(Contribution(participation, "Muộn")).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, contribution.StatusCode);
    }
}
