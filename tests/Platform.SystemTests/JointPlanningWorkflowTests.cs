using Platform.Contracts.Routing;
using JointPlanningClient = Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient;
using System.Net;
using Grpc.Core;
using Platform.JointPlanning.V1;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.SystemTests;

/// <summary>
/// Joint conference planning with every process running: the three bodies plan through the gateway,
/// each with its own editor's token and its own service, and the services agree over RabbitMQ — also
/// when one of them is killed mid-workflow.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class JointPlanningWorkflowTests(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private JointPlanningClient _organization = null!;
    private JointPlanningClient _homeAffairs = null!;
    private JointPlanningClient _delegateAffairs = null!;

    public async Task InitializeAsync()
    {
        await Provinces.EnsureAsync(platform);
        _organization = new(platform.GrpcChannelWith(await platform.TokenAsync("organization-editor")).ForBody("organization"));
        _homeAffairs = new(platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-editor")).ForBody("home-affairs"));
        _delegateAffairs = new(platform.GrpcChannelWith(await platform.TokenAsync("delegate-affairs-editor")).ForBody("delegate-affairs"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task RunAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            output.WriteLine(platform.Diagnostics());
            throw;
        }
    }

    private async Task<Conference> ProposeAsync() =>
        await _organization.ProposeConferenceAsync(new ProposeConferenceRequest
        {
            ConferenceId = $"so-ket-{Guid.NewGuid():N}"[..20],
            Conference = new Conference
            {
                Title = "Hội nghị trực tuyến sơ kết 6 tháng đầu năm, triển khai công tác 6 tháng cuối năm 2020",
                Kind = ConferenceKind.HalfYearReview, PeriodStart = "2020-01-01", PeriodEnd = "2020-06-30", Date = "2020-07-01", StartTime = "08:00",
                Format = ConferenceFormat.Online, ResponseDeadline = "2020-06-25", CoOrganizers = { "home-affairs", "delegate-affairs" },
                Chair = new Chair { Name = "Phạm Minh Chính", Title = "Trưởng Ban Tổ chức Trung ương", Body = "organization" },
            },
        });

    // Each body's service, read and written only with that body's token.
    private Task<Participation> GetParticipationAsync(string body, string id) => body switch
    {
        "organization" => _organization.GetParticipationAsync(new GetParticipationRequest { ConferenceId = id }).ResponseAsync,
        "home-affairs" => _homeAffairs.GetParticipationAsync(new GetParticipationRequest { ConferenceId = id }).ResponseAsync,
        _ => _delegateAffairs.GetParticipationAsync(new GetParticipationRequest { ConferenceId = id }).ResponseAsync,
    };

    private Task<Participation> UpdateParticipationAsync(string body, UpdateParticipationRequest request) => body switch
    {
        "organization" => _organization.UpdateParticipationAsync(request).ResponseAsync,
        "home-affairs" => _homeAffairs.UpdateParticipationAsync(request).ResponseAsync,
        _ => _delegateAffairs.UpdateParticipationAsync(request).ResponseAsync,
    };

    private Task<ListJointTasksResponse> ListTasksAsync(string body, string conferenceId) => body switch
    {
        "organization" => _organization.ListJointTasksAsync(new ListJointTasksRequest { ConferenceId = conferenceId }).ResponseAsync,
        "home-affairs" => _homeAffairs.ListJointTasksAsync(new ListJointTasksRequest { ConferenceId = conferenceId }).ResponseAsync,
        _ => _delegateAffairs.ListJointTasksAsync(new ListJointTasksRequest { ConferenceId = conferenceId }).ResponseAsync,
    };

    private Task<Participation> InvitationAsync(string body, string id, Func<Participation, bool>? condition = null) =>
        Poll.UntilAsync(async () =>
        {
            try
            {
                var participation = await GetParticipationAsync(body, id);
                return condition is null || condition(participation) ? participation : null;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.Unavailable)
            {
                return null;
            }
        }, $"{body}'s participation in {id}", PlatformFixture.Timeout);

    private async Task ContributeAsync(string body, string id, string site, params string[] items)
    {
        var current = await InvitationAsync(body, id);
        var participation = new Participation
        {
            ConferenceId = id, Etag = current.Etag, Response = InvitationResponse.Accepted,
            Report = new ReviewReport { Results = $"Kết quả 6 tháng đầu năm của {body}.", Shortcomings = "Còn chậm.", Proposals = "Tăng cường phối hợp." },
        };
        participation.AgendaItems.AddRange(items.Select(title => new AgendaItem
        {
            Title = title, Minutes = 15, Kind = AgendaItemKind.Report, Presenter = new Person { Name = "Nguyễn Thị Hồng", Title = "Vụ trưởng", Unit = body },
        }));
        participation.BridgePoints.Add(new BridgePoint
        {
            Key = $"diem-cau-{site}", SiteCode = site, Address = "Trụ sở", ExpectedAttendees = 50,
            LocalChair = new Person { Name = "Trần Văn Hải", Title = "Phó Bí thư" },
        });
        await UpdateParticipationAsync(body, new UpdateParticipationRequest { Participation = participation });
    }

    private Task<Conference> ConferenceWhenAsync(string id, Func<Conference, bool> condition, string what) =>
        Poll.UntilAsync(async () =>
        {
            try
            {
                var conference = await _organization.GetConferenceAsync(new GetConferenceRequest { Id = id });
                return condition(conference) ? conference : null;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                return null;
            }
        }, what, PlatformFixture.Timeout);

    [Fact]
    public Task Three_bodies_plan_a_conference_through_the_gateway_from_proposal_to_tasks_and_progress() => RunAsync(async () =>
    {
        var proposed = await ProposeAsync();
        var id = proposed.Id;

        await ContributeAsync("home-affairs", id, "22", "Báo cáo của Bộ Nội vụ");
        await ContributeAsync("delegate-affairs", id, "15", "Báo cáo của Ban Công tác đại biểu");
        var waiting = await ConferenceWhenAsync(id, c => c.Readiness.Skip(1).All(r => r.Ready), "the co-organizers to be ready");
        Assert.Equal(ConferenceStatus.Planning, waiting.Status); // the lead itself has not contributed
        await ContributeAsync("organization", id, "01", "Báo cáo sơ kết của Ban Tổ chức Trung ương");

        var scheduled = await ConferenceWhenAsync(id, c => c.Status == ConferenceStatus.Scheduled, "the conference to be scheduled");
        Assert.Equal(
            [("organization", "08:00"), ("home-affairs", "08:15"), ("delegate-affairs", "08:30")],
            scheduled.Agenda.Select(a => (a.Body, a.StartTime)));
        // Every participant learns of the schedule.
        foreach (var body in new[] { "home-affairs", "delegate-affairs" })
        {
            await InvitationAsync(body, id, p => p.Conference.Status == ConferenceStatus.Scheduled && p.Conference.Agenda.Count == 3);
        }

        // A change after scheduling: Delegate Affairs adds a presentation; the others hear of the new agenda.
        var da = await GetParticipationAsync("delegate-affairs", id);
        var change = new UpdateParticipationRequest { Participation = da.Clone(), UpdateMask = new() { Paths = { "agenda_items" } } };
        change.Participation.AgendaItems.Add(new AgendaItem
        {
            Title = "Tham luận: \"Dân tin, Đảng mới cử\"", Minutes = 10, Kind = AgendaItemKind.GoodPractice,
            Presenter = new Person { Name = "Nguyễn Xuân Ký", Title = "Bí thư Tỉnh ủy", Unit = "Tỉnh ủy Quảng Ninh" },
        });
        await UpdateParticipationAsync("delegate-affairs", change);
        var rescheduled = await ConferenceWhenAsync(id, c => c.Status == ConferenceStatus.Scheduled && c.Agenda.Count == 4, "the new agenda");
        Assert.True(rescheduled.Revision >= scheduled.Revision + 2);
        await InvitationAsync("home-affairs", id, p => p.Conference.Agenda.Count == 4);

        // During and after the conference: attendance and good practices, then the conclusion with tasks.
        var outcome = rescheduled.Clone();
        outcome.Attendance.AddRange(rescheduled.Readiness.Select(r => new Attendance { Body = r.Body, BridgePointKey = "", Attendees = 45 }));
        outcome.Attendance[0].BridgePointKey = "diem-cau-01";
        outcome.Attendance[1].BridgePointKey = "diem-cau-22";
        outcome.Attendance[2].BridgePointKey = "diem-cau-15";
        outcome.GoodPractices.Add(new GoodPractice { Unit = "Tỉnh Yên Bái", Title = "Ngày thứ 7 cùng dân", Summary = "Lãnh đạo tỉnh gặp gỡ nhân dân và doanh nghiệp." });
        var recorded = await _organization.UpdateConferenceAsync(new UpdateConferenceRequest
        {
            Conference = outcome, UpdateMask = new() { Paths = { "attendance", "good_practices" } },
        });
        Assert.Equal(3, recorded.Attendance.Count);

        var conclusion = new Conclusion { Summary = "Ba cơ quan tập trung tham mưu thực hiện Chỉ thị 35, Chỉ thị 45." };
        conclusion.Tasks.Add(new ConferenceTask
        {
            Owners = { "home-affairs", "delegate-affairs" }, DueDate = "2020-12-31", Description = "Chuẩn bị bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp",
            LegalBasis = { new LegalBasis { Number = "45-CT/TW", Date = "2020-06-20" } },
        });
        conclusion.Tasks.Add(new ConferenceTask
        {
            Owners = { "organization" }, DueDate = "2099-12-31", Description = "Thực hiện nghiêm Quy định 205-QĐ/TW",
            LegalBasis = { new LegalBasis { Number = "205-QĐ/TW", Date = "2019-09-23" } },
        });
        var concluded = await _organization.ConcludeConferenceAsync(new ConcludeConferenceRequest { Id = id, Etag = recorded.Etag, Conclusion = conclusion });
        Assert.Equal(ConferenceStatus.Concluded, concluded.Status);

        // Each owner's service tracks its tasks; progress and the overdue sweep reach the lead.
        var haTask = (await Poll.UntilAsync(async () => (await ListTasksAsync("home-affairs", id)).Tasks.SingleOrDefault(), "Home Affairs' task", PlatformFixture.Timeout))!;
        // Both tasks are past due: the sweep flags each once. Wait for Delegate Affairs' flag before reporting, or the
        // sweep could move the task between this read and the report, whose etag would then be stale (Aborted).
        var daTask = (await Poll.UntilAsync(async () => (await ListTasksAsync("delegate-affairs", id)).Tasks.SingleOrDefault(t => t.Overdue),
            "Delegate Affairs' task to fall overdue", PlatformFixture.Timeout))!;
        Assert.Equal(haTask.Id, daTask.Id);
        Assert.Equal($"{id}.2", Assert.Single((await ListTasksAsync("organization", id)).Tasks).Id);
        await _delegateAffairs.ReportJointTaskProgressAsync(new ReportJointTaskProgressRequest { Id = daTask.Id, Etag = daTask.Etag, Done = true, Note = "Hoàn thành" });
        var lateTask = await Poll.UntilAsync(async () => (await ListTasksAsync("home-affairs", id)).Tasks.SingleOrDefault(t => t.Overdue),
            "Home Affairs' task to fall overdue (due 2020-12-31)", PlatformFixture.Timeout);
        var seen = await ConferenceWhenAsync(id, c => c.Conclusion.Tasks[0].OwnerStates.Any(s => s.Done) && c.Conclusion.Tasks[0].OwnerStates.Any(s => s.Overdue),
            "the lead to see both owners' states");
        Assert.Equal([("home-affairs", false, true), ("delegate-affairs", true, false)],
            seen.Conclusion.Tasks[0].OwnerStates.Select(s => (s.Body, s.Done, s.Overdue)));

        // The joint plan as the screens read it: one JSON document assembled at the gateway.
        var view = await (await platform.Gateway.GetAsync($"/api/joint-planning/v1/conferences/{id}")).ReadJsonAsync();
        Assert.Equal("CONFERENCE_STATUS_CONCLUDED", view.GetProperty("conference").GetProperty("status").GetString());
        Assert.Equal(["organization", "home-affairs", "delegate-affairs"],
            view.GetProperty("participations").EnumerateArray().Select(p => p.GetProperty("body").GetString()));
        Assert.Equal(3, view.GetProperty("tasks").GetArrayLength());
        Assert.Equal(0, view.GetProperty("unavailable").GetArrayLength());
        var overdue = await (await platform.Gateway.GetAsync($"/api/joint-planning/v1/tasks?overdue=true&conference={id}")).ReadJsonAsync();
        Assert.Equal([(lateTask.Id, "home-affairs")],
            overdue.GetProperty("tasks").EnumerateArray().Select(t => (t.GetProperty("id").GetString(), t.GetProperty("ownerBody").GetString())));
    });

    [Fact]
    public Task A_service_killed_mid_workflow_catches_up_after_restart_with_nothing_lost_or_applied_twice() => RunAsync(async () =>
    {
        var proposed = await ProposeAsync();
        var id = proposed.Id;
        await InvitationAsync("delegate-affairs", id);

        // Delegate Affairs goes down: the joint plan still reads, saying which part is missing.
        await platform.KillAsync("delegate-affairs");
        await ContributeAsync("home-affairs", id, "22", "Báo cáo của Bộ Nội vụ");
        var view = await Poll.UntilAsync(async () =>
        {
            var response = await platform.Gateway.GetAsync($"/api/joint-planning/v1/conferences/{id}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }, "the joint plan without Delegate Affairs", PlatformFixture.Timeout);
        var plan = System.Text.Json.JsonDocument.Parse(view).RootElement;
        Assert.Contains("delegate-affairs", plan.GetProperty("unavailable").EnumerateArray().Select(u => u.GetProperty("body").GetString()));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, plan.GetProperty("conference").ValueKind);
        await platform.StartAsync("delegate-affairs");

        // Then the lead goes down while Delegate Affairs contributes: its event waits in the broker.
        await ContributeAsync("organization", id, "01", "Báo cáo sơ kết");
        await platform.KillAsync("organization");
        await ContributeAsync("delegate-affairs", id, "15", "Báo cáo của Ban Công tác đại biểu");
        await platform.StartAsync("organization");

        var scheduled = await ConferenceWhenAsync(id, c => c.Status == ConferenceStatus.Scheduled, "the conference to be scheduled after the restarts");
        Assert.Equal(3, scheduled.Agenda.Count);
        await InvitationAsync("delegate-affairs", id, p => p.Conference.Status == ConferenceStatus.Scheduled);
        // Applied once: one participation per body, each applied at the lead exactly at the revision sent.
        foreach (var (body, database) in new[] { ("home-affairs", "home-affairs"), ("delegate-affairs", "delegate-affairs") })
        {
            Assert.Equal(1, await PostgresServer.ScalarAsync<long>(platform.Databases[database],
                "SELECT count(*) FROM joint_participations WHERE conference_id = $1", id));
            Assert.Equal(1, await PostgresServer.ScalarAsync<long>(platform.Databases["organization"],
                "SELECT revision FROM joint_conference_participants WHERE conference_id = $1 AND body = $2", id, body));
        }
        Assert.Equal(0, await PostgresServer.ScalarAsync<long>(platform.Databases["delegate-affairs"],
            "SELECT count(*) FROM outbox_messages WHERE occurred_at < now() - interval '1 minute'"));
    });

    [Fact]
    public Task Contributions_made_while_the_broker_is_down_reach_the_lead_once_it_is_back() => RunAsync(async () =>
    {
        var proposed = await ProposeAsync();
        var id = proposed.Id;
        await InvitationAsync("home-affairs", id);
        await InvitationAsync("delegate-affairs", id);

        await platform.Broker.StopAsync();
        try
        {
            // Every body can still write: the events wait in each service's outbox.
            await ContributeAsync("home-affairs", id, "22", "Báo cáo của Bộ Nội vụ");
            await ContributeAsync("delegate-affairs", id, "15", "Báo cáo của Ban Công tác đại biểu");
            await ContributeAsync("organization", id, "01", "Báo cáo sơ kết");
            Assert.Equal(ConferenceStatus.Planning, (await _organization.GetConferenceAsync(new GetConferenceRequest { Id = id })).Status);
        }
        finally
        {
            await platform.Broker.RestartAsync();
        }

        var scheduled = await ConferenceWhenAsync(id, c => c.Status == ConferenceStatus.Scheduled, "the conference to be scheduled once the broker is back");
        Assert.Equal(3, scheduled.Agenda.Count);
        await InvitationAsync("home-affairs", id, p => p.Conference.Status == ConferenceStatus.Scheduled);
        await InvitationAsync("delegate-affairs", id, p => p.Conference.Status == ConferenceStatus.Scheduled);
    });
}
