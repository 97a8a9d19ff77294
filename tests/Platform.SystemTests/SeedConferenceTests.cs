using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Contracts.Routing;
using Platform.JointPlanning.V1;
using JointPlanningService = Platform.JointPlanning.V1.JointPlanningService;
using Platform.SeedLoader;
using Platform.Testing;
using Xunit.Abstractions;
using HomeAffairsUnits = Platform.HomeAffairs.V1.AdministrativeUnitService;
using UnitCopies = Platform.ReferenceData.V1.AdministrativeUnitCopyService;
using UnitKind = Platform.HomeAffairs.V1.AdministrativeUnitKind;

namespace Platform.SystemTests;

/// <summary>
/// The seed loader (tools/Platform.SeedLoader, run by run.sh) takes the news item's conference of 1 July 2020
/// through the whole workflow against the real processes — and, run again, changes nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SeedConferenceTests(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>The units of the seed's five good practices.</summary>
    private static readonly string[] GoodPracticeUnits =
        ["Đảng ủy Công an Trung ương", "Tỉnh ủy Yên Bái", "Tỉnh ủy Quảng Ninh", "Thành ủy Thành phố Hồ Chí Minh", "Tỉnh ủy Long An"];

    /// <summary>
    /// The provinces the scenario's bridge points are at, as Home Affairs' seed names them (run.sh seeds all 63; this
    /// fixture seeds none, so the test creates those missing).
    /// </summary>
    private static readonly Dictionary<string, (string Name, UnitKind Kind)> ScenarioProvinces = new()
    {
        ["01"] = ("Hà Nội", UnitKind.CentrallyRunCity),
        ["15"] = ("Yên Bái", UnitKind.Province),
        ["22"] = ("Quảng Ninh", UnitKind.Province),
        ["46"] = ("Thừa Thiên Huế", UnitKind.Province),
        ["48"] = ("Đà Nẵng", UnitKind.CentrallyRunCity),
        ["79"] = ("Hồ Chí Minh", UnitKind.CentrallyRunCity),
        ["80"] = ("Long An", UnitKind.Province),
        ["92"] = ("Cần Thơ", UnitKind.CentrallyRunCity),
    };

    // Reads through the gateway's gRPC port; the fixture's channel carries a Home Affairs editor's token, and any
    // member of the three bodies reads a joint conference, participations and tasks.
    private JointPlanningService.JointPlanningServiceClient Organization => new(platform.GatewayGrpc.ForBody(BodyRouting.Organization));
    private JointPlanningService.JointPlanningServiceClient HomeAffairs => new(platform.GatewayGrpc.ForBody(BodyRouting.HomeAffairs));
    private JointPlanningService.JointPlanningServiceClient DelegateAffairs => new(platform.GatewayGrpc.ForBody(BodyRouting.DelegateAffairs));

    [Fact]
    public async Task The_seed_loader_finishes_an_interrupted_run_concluding_the_conference_of_1_July_2020_and_a_second_run_changes_nothing()
    {
        try
        {
            await EnsureProvincesAsync();
            await LeaveAsAnInterruptedRunWouldAsync();
            var options = SeedLoaderOptions.Parse(
                ["--gateway-http", platform.GatewayUrl, "--gateway-grpc", platform.GatewaySettings["Kestrel__Endpoints__Grpc__Url"]]);

            var (id, log) = await RunLoaderAsync(options);
            var first = await GetConferenceAsync(id);
            var firstState = await StateOfEveryBodyAsync(id);
            var (again, _) = await RunLoaderAsync(options);
            var second = await GetConferenceAsync(id);

            Assert.Equal(SeedConference.Id, id);
            Assert.Contains($"{id}: exists, planning", log);
            Assert.Equal(id, again);
            Assert.Equal(first.Revision, second.Revision); // nothing announced again: no new proposal, schedule or conclusion
            Assert.Equal(first.Attendance, second.Attendance);
            Assert.Equal(first.GoodPractices, second.GoodPractices);
            Assert.Equal(firstState, await StateOfEveryBodyAsync(id)); // no participation re-sent, no progress reported twice
            Assert.Equal(new Uri($"http://localhost:{new Uri(platform.GatewayUrl).Port}/api/joint-planning/v1/conferences/{id}"),
                options.ConferenceUrl(id));

            await AssertConcludedWithEveryPartAsync(second);
        }
        catch
        {
            output.WriteLine(platform.Diagnostics());
            throw;
        }
    }

    [Fact]
    public async Task The_seed_loader_fails_with_the_call_and_its_grpc_status_when_it_cannot_reach_a_service()
    {
        var nowhere = SeedLoaderOptions.Parse(["--gateway-http", platform.GatewayUrl, "--gateway-grpc", $"http://127.0.0.1:{FreePort.Next()}"]);

        var failure = await Assert.ThrowsAsync<JointPlanningCallException>(() => SeedConferenceLoader.RunAsync(nowhere, TextWriter.Null));

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.StartsWith("GetConference at the organization service answered Unavailable", failure.Message);
    }

    /// <summary>What a run stopped early leaves: the conference proposed, and Home Affairs' acceptance without its contributions.</summary>
    private async Task LeaveAsAnInterruptedRunWouldAsync()
    {
        using var channel = GrpcChannel.ForAddress(platform.GatewaySettings["Kestrel__Endpoints__Grpc__Url"]);
        // Through the retired per-body names, as an app still on Platform.Contracts 1.x calls: they still answer.
        var calls = channel.CreateCallInvoker();
        const string organization = "platform.organization.v1.JointPlanningService", homeAffairs = "platform.homeaffairs.v1.JointPlanningService";
        var asOrganization = await AsEditorOfAsync("organization");
        var asHomeAffairs = await AsEditorOfAsync("home-affairs");

        await calls.CallAsync<Conference>(organization, "ProposeConference",
            new ProposeConferenceRequest { ConferenceId = SeedConference.Slug, Conference = SeedConference.Proposal() }, asOrganization);
        var invited = await Poll.UntilAsync(async () => await calls.CallAsync<Participation>(homeAffairs, "GetParticipation",
            new GetParticipationRequest { ConferenceId = SeedConference.Id }, asHomeAffairs), "Home Affairs' invitation", PlatformFixture.Timeout);
        await calls.CallAsync<Participation>(homeAffairs, "UpdateParticipation", new UpdateParticipationRequest
        {
            Participation = new Participation { ConferenceId = SeedConference.Id, Response = InvitationResponse.Accepted, Etag = invited.Etag },
            UpdateMask = new FieldMask { Paths = { "response" } },
        }, asHomeAffairs);
    }

    private async Task<CallOptions> AsEditorOfAsync(string body) =>
        new(new Metadata { { "Authorization", $"Bearer {await platform.TokenAsync($"{body}-editor")}" } });

    private async Task AssertConcludedWithEveryPartAsync(Conference conference)
    {
        Assert.Equal(ConferenceStatus.Concluded, conference.Status);
        Assert.Equal("organization", conference.LeadBody);
        Assert.Equal("2020-07-01", conference.Date);
        Assert.Equal("Phạm Minh Chính", conference.Chair.Name);

        // Three participants, each accepted and ready.
        Assert.Equal(Bodies.All, conference.Readiness.Select(r => r.Body));
        Assert.All(conference.Readiness, r =>
        {
            Assert.Equal(InvitationResponse.Accepted, r.Response);
            Assert.True(r.Ready, $"{r.Body} is missing {string.Join(", ", r.Missing)}");
        });

        // The fixed agenda: the five good practices presented by their units, the chair's conclusion last.
        Assert.Equal(GoodPracticeUnits.Order(), conference.Agenda
            .Where(a => a.Item.Kind == AgendaItemKind.GoodPractice).Select(a => a.Item.Presenter.Unit).Order());
        Assert.Equal(AgendaItemKind.Conclusion, conference.Agenda[^1].Item.Kind);
        Assert.Equal("Phạm Minh Chính", conference.Agenda[^1].Item.Presenter.Name);
        Assert.Equal("08:00", conference.Agenda[0].StartTime);

        // The five good practices of the seed, one per unit.
        Assert.Equal(GoodPracticeUnits.Order(), conference.GoodPractices.Select(g => g.Unit).Order());
        Assert.All(conference.GoodPractices, g => Assert.False(string.IsNullOrWhiteSpace(g.Title) || string.IsNullOrWhiteSpace(g.Summary)));

        // Attendance at every bridge point of every body, each once; Hà Nội and the provinces of the good practices among them.
        var bridgePoints = new List<(string Body, string Key, string Site)>();
        foreach (var body in Bodies.All)
        {
            var participation = await GetParticipationAsync(body, conference.Id);
            bridgePoints.AddRange(participation.BridgePoints.Select(b => (body, b.Key, b.SiteCode)));
        }
        Assert.Equal(bridgePoints.Select(b => (b.Body, b.Key)).Order(), conference.Attendance.Select(a => (a.Body, a.BridgePointKey)).Order());
        Assert.All(conference.Attendance, a => Assert.True(a.Attendees > 0, $"{a.Body}/{a.BridgePointKey}: {a.Attendees}"));
        Assert.Subset(bridgePoints.Select(b => b.Site).ToHashSet(), new HashSet<string> { "01", "15", "22", "79", "80" });

        // The tasks of the conclusion: owners, due dates in the second half of 2020, the documents they rest on.
        var tasks = conference.Conclusion.Tasks;
        Assert.Equal(SeedConference.Tasks.Count, tasks.Count);
        Assert.All(tasks, task =>
        {
            Assert.NotEmpty(task.Owners);
            Assert.Subset(Bodies.All.ToHashSet(), task.Owners.ToHashSet());
            var due = DateOnly.ParseExact(task.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(due, new DateOnly(2020, 7, 1), new DateOnly(2020, 12, 31));
            Assert.NotEmpty(task.LegalBasis);
        });
        Assert.Equal(new[] { "205-QĐ/TW", "35-CT/TW", "45-CT/TW", "75-KL/TW" },
            tasks.SelectMany(t => t.LegalBasis).Select(b => b.Number).Distinct().Order(StringComparer.Ordinal));

        // Each owner's own service lists exactly the tasks it owns; some are done, others under way.
        var listed = new List<JointTask>();
        foreach (var body in Bodies.All)
        {
            var owned = await ListTasksAsync(body, conference.Id);
            Assert.Equal(tasks.Where(t => t.Owners.Contains(body)).Select(t => t.Id).Order(), owned.Select(t => t.Id).Order());
            Assert.All(owned, t => Assert.Equal(body, t.OwnerBody));
            listed.AddRange(owned);
        }
        Assert.Contains(listed, t => t.Done && t.Percent == 100);
        Assert.Contains(listed, t => !t.Done && t.Percent is > 0 and < 100);

        // The lead hears every owner's progress (by event from the co-organizers).
        await Poll.UntilAsync(async () =>
        {
            var states = (await GetConferenceAsync(conference.Id)).Conclusion.Tasks.SelectMany(t => t.OwnerStates.Select(s => (t.Id, s)));
            return listed.All(task => states.Any(x => x.Id == task.Id && x.s.Body == task.OwnerBody && x.s.Percent == task.Percent && x.s.Done == task.Done));
        }, "the lead to hear every owner's progress", PlatformFixture.Timeout);
    }

    private async Task<(string Id, string Log)> RunLoaderAsync(SeedLoaderOptions options)
    {
        using var log = new StringWriter();
        try
        {
            return (await SeedConferenceLoader.RunAsync(options, log), log.ToString());
        }
        finally
        {
            output.WriteLine($"--- seed loader ---\n{log}");
        }
    }

    /// <summary>What a second run must leave alone: each body's participation revision and its tasks' progress notes.</summary>
    private async Task<string> StateOfEveryBodyAsync(string id)
    {
        var lines = new List<string>();
        foreach (var body in Bodies.All)
        {
            lines.Add($"{body}: participation revision {(await GetParticipationAsync(body, id)).Revision}");
            lines.AddRange((await ListTasksAsync(body, id)).Select(t => $"{body}: {t.Id} {t.Percent}% done={t.Done} notes={t.Progress.Count}"));
        }
        return string.Join('\n', lines);
    }

    private async Task<Conference> GetConferenceAsync(string id) =>
        await Organization.GetConferenceAsync(new GetConferenceRequest { Id = id });

    private async Task<Participation> GetParticipationAsync(string body, string id)
    {
        var request = new GetParticipationRequest { ConferenceId = id };
        return body switch
        {
            "organization" => await Organization.GetParticipationAsync(request),
            "home-affairs" => await HomeAffairs.GetParticipationAsync(request),
            _ => await DelegateAffairs.GetParticipationAsync(request),
        };
    }

    private async Task<List<JointTask>> ListTasksAsync(string body, string conferenceId)
    {
        var request = new ListJointTasksRequest { ConferenceId = conferenceId, PageSize = 100 };
        var response = body switch
        {
            "organization" => await Organization.ListJointTasksAsync(request),
            "home-affairs" => await HomeAffairs.ListJointTasksAsync(request),
            _ => await DelegateAffairs.ListJointTasksAsync(request),
        };
        Assert.Empty(response.NextPageToken);
        return [.. response.Tasks];
    }

    /// <summary>The provinces of the scenario's bridge points at Home Affairs (created if missing) and in both copies.</summary>
    private async Task EnsureProvincesAsync()
    {
        // The provinces the other tests create, under the same names, whichever test runs first: tests that read a
        // province's name (the screens') must not depend on the order the tests run in.
        await Provinces.EnsureAsync(platform);
        var codes = SeedConference.Contributions.SelectMany(c => c.Sites).Select(s => s.Point.SiteCode).Distinct().ToList();
        var units = new HomeAffairsUnits.AdministrativeUnitServiceClient(platform.GatewayGrpc);
        foreach (var code in codes)
        {
            Assert.True(ScenarioProvinces.ContainsKey(code), $"the scenario has a bridge point at {code}, which this test does not know");
            try
            {
                await units.GetAdministrativeUnitAsync(new Platform.HomeAffairs.V1.GetAdministrativeUnitRequest { Code = code });
            }
            catch (RpcException missing) when (missing.StatusCode == StatusCode.NotFound)
            {
                var (name, kind) = ScenarioProvinces[code];
                try
                {
                    await units.CreateAdministrativeUnitAsync(new Platform.HomeAffairs.V1.CreateAdministrativeUnitRequest
                    {
                        AdministrativeUnit = new Platform.HomeAffairs.V1.AdministrativeUnit { Code = code, Name = name, Kind = kind },
                    });
                }
                catch (RpcException created) when (created.StatusCode == StatusCode.AlreadyExists)
                {
                    // another test created it in between
                }
            }
        }
        var organizationCopies = new UnitCopies.AdministrativeUnitCopyServiceClient(platform.GatewayGrpc.ForBody(BodyRouting.Organization));
        var delegateAffairsCopies = new UnitCopies.AdministrativeUnitCopyServiceClient(platform.GatewayGrpc.ForBody(BodyRouting.DelegateAffairs));
        foreach (var code in codes)
        {
            await Poll.UntilAsync(async () =>
                (await organizationCopies.GetAdministrativeUnitAsync(new Platform.ReferenceData.V1.GetAdministrativeUnitRequest { Code = code })) is not null,
                $"province {code} at organization", PlatformFixture.Timeout);
            await Poll.UntilAsync(async () =>
                (await delegateAffairsCopies.GetAdministrativeUnitAsync(new Platform.ReferenceData.V1.GetAdministrativeUnitRequest { Code = code })) is not null,
                $"province {code} at delegate-affairs", PlatformFixture.Timeout);
        }
    }
}
