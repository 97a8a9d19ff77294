using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.IntegrationEvents;
using Platform.HomeAffairs.Infrastructure;
using Platform.HomeAffairs.V1;
using Platform.Messaging.Outbox;
using Platform.Organization.Infrastructure;
using Platform.Organization.V1;
using Platform.Testing;
using Platform.Vetting.Model;
using HomeAffairsModel = Platform.HomeAffairs.Model;
using OrganizationModel = Platform.Organization.Model;

namespace Platform.FunctionalTests.Vetting;

/// <summary>Organization with its outbox kept (no relay): the tests read the answers it would publish.</summary>
public sealed class OrganizationAnswererHost : ServiceHost<OrganizationDbContext>
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Messaging:Outbox:RelayEnabled", "false")];
}

/// <summary>Home Affairs with its outbox kept (no relay).</summary>
public sealed class HomeAffairsAnswererHost : ServiceHost<HomeAffairsDbContext>
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Messaging:Outbox:RelayEnabled", "false")];
}

/// <summary>
/// A body answering vetting over real PostgreSQL and RabbitMQ: Delegate Affairs' requests arrive as it would
/// publish them, and the answers are read from the body's outbox. Written once, run for both answering bodies.
/// </summary>
public abstract class AnswererTests<TContext>(ServiceHost<TContext> host) where TContext : DbContext
{
    private static readonly DateOnly ElectionDay = new(2021, 5, 23);
    private static readonly DateOnly BirthDate = new(1975, 3, 14);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>This body's rule for a person it has no record of, and its discipline rule.</summary>
    protected abstract (string Unknown, string Discipline) Rules { get; }

    /// <summary>A record of the person meeting every rule, with a discipline decided in the look-back if <paramref name="disciplined"/>.</summary>
    protected abstract Task ArrangeRecordAsync(string nationalId, DateOnly birthDate, bool disciplined);

    /// <summary>Adds a discipline decided within the look-back to the person's record through the body's own API.</summary>
    protected abstract Task AddDisciplineThroughApiAsync(string nationalId);

    private static string NewNationalId() => $"0019{Random.Shared.NextInt64(100_000_000):D8}";

    private static VettingSubject Subject(string nationalId, long request = 1) => new(
        Guid.NewGuid(), request, "quoc-hoi-xv", "NATIONAL_ASSEMBLY", ElectionDay, nationalId, "Nguyễn Văn Thử", BirthDate, "MALE",
        PartyMember: true, FullTime: false, ReElected: false);

    private static VettingRequested Request(IReadOnlyList<string> bodies, params VettingSubject[] subjects) =>
        new(Guid.NewGuid(), bodies, subjects, new Actor("delegate-affairs-vetting", "delegate-affairs", null));

    /// <summary>Every VettingAnswered in the outbox that answers for <paramref name="candidateId"/>, oldest first.</summary>
    private async Task<List<VettingAnswered>> AnsweredForAsync(Guid candidateId)
    {
        await using var db = host.CreateDbContext();
        var type = $"{typeof(VettingAnswered).FullName},";
        var bodies = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.StartsWith(type))
            .OrderBy(m => m.Sequence).Select(m => m.Body).ToListAsync();
        return bodies.Select(b => JsonSerializer.Deserialize<VettingAnswered>(b, Json)!)
            .Where(a => a.Answers.Any(x => x.CandidateId == candidateId)).ToList();
    }

    private Task<List<VettingAnswered>> WaitForAnswersAsync(Guid candidateId, int count, string what) =>
        Poll.UntilAsync(async () => await AnsweredForAsync(candidateId) is { } answered && answered.Count >= count ? answered : null, what);

    /// <summary>RabbitMQ counts ready and unacknowledged messages: 0 means every delivery was handled and acknowledged.</summary>
    private async Task<bool> RequestsDrainedAsync()
    {
        var depths = await RabbitMqNode.Shared.QueueDepthsAsync(RabbitMqNode.VirtualHostOf(host.RabbitMqUrl));
        return depths.GetValueOrDefault($"{host.Body}-vetting-requested", -1) == 0;
    }

    private Task<long> InboxRowsAsync(Guid messageId) =>
        PostgresServer.ScalarAsync<long>(host.DatabaseConnectionString, "SELECT count(*) FROM inbox_messages WHERE message_id = $1", messageId);

    [Fact]
    public async Task A_batch_is_answered_in_one_event_with_one_answer_per_candidate()
    {
        var (clean, disciplined) = (NewNationalId(), NewNationalId());
        await ArrangeRecordAsync(clean, BirthDate, disciplined: false);
        await ArrangeRecordAsync(disciplined, BirthDate, disciplined: true);
        var subjects = new[] { Subject(clean), Subject(disciplined), Subject(NewNationalId()) };
        var request = Request(["organization", "home-affairs"], subjects);

        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), request);

        var answered = Assert.Single(await WaitForAnswersAsync(subjects[0].CandidateId, 1, "the batch's answer"));
        Assert.Equal((request.BatchId, host.Body), (answered.BatchId, answered.Body));
        Assert.Equal(subjects.Select(s => (s.CandidateId, 1L, 1L)), answered.Answers.Select(a => (a.CandidateId, a.Request, a.Revision)));
        Assert.All(answered.Answers[0].Findings, f => Assert.Equal(VettingResults.Pass, f.Result));
        var discipline = Assert.Single(answered.Answers[1].Findings, f => f.Rule == Rules.Discipline);
        Assert.Equal((VettingResults.Fail, true), (discipline.Result, discipline.Disqualifying));
        Assert.Contains("kỷ luật: Cảnh cáo, 03/11/2020, hết hạn 03/11/2021", discipline.Facts);
        var unknown = Assert.Single(answered.Answers[2].Findings);
        Assert.Equal((Rules.Unknown, VettingResults.CannotTell), (unknown.Rule, unknown.Result));
    }

    [Fact]
    public async Task A_request_not_naming_this_body_is_ignored_and_a_redelivered_one_is_answered_once()
    {
        var other = host.Body == "organization" ? "home-affairs" : "organization";
        var notOurs = Subject(NewNationalId());
        var notOursId = Guid.NewGuid();
        var ours = Subject(NewNationalId());
        var messageId = Guid.NewGuid();

        await TestBus.PublishAsync(host.RabbitMqUrl, notOursId, Request([other], notOurs));
        var request = Request([host.Body], ours);
        await TestBus.PublishAsync(host.RabbitMqUrl, messageId, request, request); // the same message, delivered twice

        await WaitForAnswersAsync(ours.CandidateId, 1, "the answer to the request");
        await Poll.UntilAsync(async () => await RequestsDrainedAsync() ? "" : null, "every delivery to be handled");
        Assert.Single(await AnsweredForAsync(ours.CandidateId));
        Assert.Equal(1, await InboxRowsAsync(messageId));
        Assert.Empty(await AnsweredForAsync(notOurs.CandidateId));
        Assert.Equal(0, await InboxRowsAsync(notOursId)); // filtered before the inbox: not even recorded
    }

    [Fact]
    public async Task A_record_changed_through_the_api_answers_again_unasked_with_a_higher_revision()
    {
        var nationalId = NewNationalId();
        await ArrangeRecordAsync(nationalId, BirthDate, disciplined: false);
        var subject = Subject(nationalId, request: 3);
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), Request([host.Body], subject));
        await WaitForAnswersAsync(subject.CandidateId, 1, "the first answer");

        await AddDisciplineThroughApiAsync(nationalId);

        var answered = await AnsweredForAsync(subject.CandidateId);
        Assert.Equal(2, answered.Count);
        var again = Assert.Single(answered[1].Answers);
        Assert.Equal((subject.CandidateId, 3L, 2L), (again.CandidateId, again.Request, again.Revision));
        var discipline = Assert.Single(again.Findings, f => f.Rule == Rules.Discipline);
        Assert.Equal((VettingResults.Fail, true), (discipline.Result, discipline.Disqualifying));
        Assert.Equal(host.Body, answered[1].AnsweredBy.Body); // the editor who changed the record
    }

    [Fact]
    public async Task A_record_created_for_a_person_already_asked_about_turns_cannot_tell_into_findings()
    {
        var nationalId = NewNationalId();
        var subject = Subject(nationalId);
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), Request([host.Body], subject));
        var first = Assert.Single(Assert.Single(await WaitForAnswersAsync(subject.CandidateId, 1, "the first answer")).Answers);
        Assert.Equal(VettingResults.CannotTell, Assert.Single(first.Findings).Result);

        await CreateRecordThroughApiAsync(nationalId, BirthDate);

        var again = Assert.Single((await AnsweredForAsync(subject.CandidateId))[1].Answers);
        Assert.Equal(2L, again.Revision);
        Assert.DoesNotContain(again.Findings, f => f.Rule == Rules.Unknown);
        Assert.All(again.Findings, f => Assert.Equal(VettingResults.Pass, f.Result));
    }

    /// <summary>Creates a record of the person meeting every rule through the body's own API.</summary>
    protected abstract Task CreateRecordThroughApiAsync(string nationalId, DateOnly birthDate);
}

public sealed class OrganizationAnswererTests(OrganizationAnswererHost host)
    : AnswererTests<OrganizationDbContext>(host), IClassFixture<OrganizationAnswererHost>
{
    private CadreService.CadreServiceClient Cadres => new(host.Channel);

    protected override (string Unknown, string Discipline) Rules => ("cadre_record_known", "party_discipline");

    protected override async Task ArrangeRecordAsync(string nationalId, DateOnly birthDate, bool disciplined)
    {
        await using var db = host.CreateDbContext();
        var record = new OrganizationModel.CadreRecord
        {
            NationalId = nationalId, Sex = "male", BirthDate = birthDate, Position = "Bí thư Huyện ủy",
            PartyStanding = OrganizationModel.PartyStanding.FullMember, SuccessionPlanStatus = OrganizationModel.SuccessionPlanStatus.Planned,
        };
        record.SetName("Nguyễn Văn Thử");
        if (disciplined)
        {
            record.DisciplineRecords.Add(new OrganizationModel.DisciplineRecord(new(2020, 11, 3), "Cảnh cáo", "Vi phạm quy chế làm việc", new(2021, 11, 3)));
        }
        db.CadreRecords.Add(record);
        await db.SaveChangesAsync();
    }

    protected override async Task AddDisciplineThroughApiAsync(string nationalId)
    {
        var record = await Cadres.GetCadreRecordAsync(new GetCadreRecordRequest { NationalId = nationalId });
        record.DisciplineRecords.Add(new DisciplineRecord { DecidedDate = "2021-02-01", Form = "Cảnh cáo", Reason = "Vi phạm quy chế", ExpiresDate = "2022-02-01" });
        await Cadres.UpdateCadreRecordAsync(new UpdateCadreRecordRequest { CadreRecord = record, UpdateMask = new FieldMask { Paths = { "discipline_records" } } });
    }

    protected override async Task CreateRecordThroughApiAsync(string nationalId, DateOnly birthDate) =>
        await Cadres.CreateCadreRecordAsync(new CreateCadreRecordRequest
        {
            CadreRecord = new CadreRecord
            {
                NationalId = nationalId, FullName = "Nguyễn Văn Thử", BirthDate = birthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Sex = "male", Position = "Bí thư Huyện ủy", PartyStanding = PartyStanding.FullMember, SuccessionPlanStatus = SuccessionPlanStatus.Planned,
            },
        });
}

public sealed class HomeAffairsAnswererTests(HomeAffairsAnswererHost host)
    : AnswererTests<HomeAffairsDbContext>(host), IClassFixture<HomeAffairsAnswererHost>
{
    private OfficialService.OfficialServiceClient Officials => new(host.Channel);

    protected override (string Unknown, string Discipline) Rules => ("official_record_known", "official_discipline");

    protected override async Task ArrangeRecordAsync(string nationalId, DateOnly birthDate, bool disciplined)
    {
        await using var db = host.CreateDbContext();
        var record = new HomeAffairsModel.OfficialRecord
        {
            NationalId = nationalId, Sex = "male", Ethnicity = "Kinh", BirthDate = birthDate, Category = HomeAffairsModel.OfficialCategory.CivilServant,
            Agency = "Sở Nội vụ tỉnh Lạng Sơn", Position = "Giám đốc Sở", PositionLevel = HomeAffairsModel.PositionLevel.DepartmentDirector,
            Education = HomeAffairsModel.EducationLevel.University,
        };
        record.SetName("Nguyễn Văn Thử");
        if (disciplined)
        {
            record.DisciplineRecords.Add(new HomeAffairsModel.OfficialDiscipline(new(2020, 11, 3), "Cảnh cáo", "Vi phạm quản lý tài chính", new(2021, 11, 3)));
        }
        db.OfficialRecords.Add(record);
        await db.SaveChangesAsync();
    }

    protected override async Task AddDisciplineThroughApiAsync(string nationalId)
    {
        var record = await Officials.GetOfficialRecordAsync(new GetOfficialRecordRequest { NationalId = nationalId });
        record.DisciplineRecords.Add(new OfficialDiscipline { DecidedDate = "2021-02-01", Form = "Cảnh cáo", Reason = "Vi phạm quy chế", ExpiresDate = "2022-02-01" });
        await Officials.UpdateOfficialRecordAsync(new UpdateOfficialRecordRequest { OfficialRecord = record, UpdateMask = new FieldMask { Paths = { "discipline_records" } } });
    }

    protected override async Task CreateRecordThroughApiAsync(string nationalId, DateOnly birthDate) =>
        await Officials.CreateOfficialRecordAsync(new CreateOfficialRecordRequest
        {
            OfficialRecord = new OfficialRecord
            {
                NationalId = nationalId, FullName = "Nguyễn Văn Thử", BirthDate = birthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Sex = "male", Ethnicity = "Kinh", Category = OfficialCategory.CivilServant, Agency = "Sở Nội vụ tỉnh Lạng Sơn", Position = "Giám đốc Sở",
                PositionLevel = PositionLevel.DepartmentDirector, Education = EducationLevel.University,
            },
        });
}
