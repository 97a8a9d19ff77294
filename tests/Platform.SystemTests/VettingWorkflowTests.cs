using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Platform.DelegateAffairs.V1;
using Platform.HomeAffairs.V1;
using Platform.Organization.V1;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.SystemTests;

/// <summary>
/// Candidate vetting with every process running: Delegate Affairs asks, the Organization and Home Affairs
/// answer from their records over RabbitMQ, and the outcome follows the records — also when a body is down.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VettingWorkflowTests(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private CandidateService.CandidateServiceClient _candidates = null!;
    private CadreService.CadreServiceClient _cadres = null!;
    private OfficialService.OfficialServiceClient _officials = null!;
    private Constituency _constituency = null!;
    private static int _nationalId = 500_000;

    public async Task InitializeAsync()
    {
        await Provinces.EnsureAsync(platform);
        _candidates = new(platform.GrpcChannelWith(await platform.TokenAsync("delegate-affairs-editor")));
        _cadres = new(platform.GrpcChannelWith(await platform.TokenAsync("organization-editor")));
        _officials = new(platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-editor")));
        var electionId = $"qh-{Guid.NewGuid():N}"[..20];
        await new ElectionService.ElectionServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("delegate-affairs-editor")))
            .CreateElectionAsync(new CreateElectionRequest
            {
                Election = new Election
                {
                    Id = electionId, Kind = ElectionKind.NationalAssembly, Term = "XV", TermStartYear = 2021, TermEndYear = 2026,
                    ElectionDay = "2021-05-23", LawCode = "85/2015/QH13", TotalSeats = 500, CentralSeats = 207, LocalSeats = 293,
                },
            });
        _constituency = await _candidates.CreateConstituencyAsync(new CreateConstituencyRequest
        {
            Constituency = new Constituency { ElectionId = electionId, ProvinceCode = "01", Number = 1, Seats = 3 },
        });
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

    private static string NextNationalId() => $"001075{Interlocked.Increment(ref _nationalId):D6}";

    /// <summary>A person the Organization and Home Affairs know (each unless told not to), with a clean record.</summary>
    private async Task<string> PersonAsync(bool atOrganization = true, bool atHomeAffairs = true,
        Action<CadreRecord>? cadre = null, Action<OfficialRecord>? official = null)
    {
        var nationalId = NextNationalId();
        if (atOrganization)
        {
            var record = new CadreRecord
            {
                NationalId = nationalId, FullName = "Hoàng Văn Thắng", BirthDate = "1975-08-19", Sex = "male", Position = "Phó Bí thư Tỉnh ủy",
                PartyStanding = PartyStanding.FullMember, PartyJoinedDate = "2000-05-19", SuccessionPlanStatus = SuccessionPlanStatus.Planned,
            };
            cadre?.Invoke(record);
            await _cadres.CreateCadreRecordAsync(new CreateCadreRecordRequest { CadreRecord = record });
        }
        if (atHomeAffairs)
        {
            var record = new OfficialRecord
            {
                NationalId = nationalId, FullName = "Hoàng Văn Thắng", BirthDate = "1975-08-19", Sex = "male", Ethnicity = "Kinh",
                Category = OfficialCategory.Cadre, Agency = "Tỉnh ủy Hà Giang", Position = "Phó Bí thư", PositionLevel = PositionLevel.DepartmentDirector,
                Rank = "Chuyên viên cao cấp", Education = EducationLevel.Master,
            };
            official?.Invoke(record);
            await _officials.CreateOfficialRecordAsync(new CreateOfficialRecordRequest { OfficialRecord = record });
        }
        return nationalId;
    }

    private async Task<Candidate> IntroduceAsync(string nationalId) =>
        await _candidates.CreateCandidateAsync(new CreateCandidateRequest
        {
            Candidate = new Candidate
            {
                ElectionId = _constituency.ElectionId, ConstituencyId = _constituency.Id, NationalId = nationalId, FullName = "Hoàng Văn Thắng",
                BirthDate = "1975-08-19", Sex = Sex.Male, Ethnicity = "Kinh", PartyMember = true, NominatingLevel = NominatingLevel.Local,
                ReElected = true,
            },
        });

    private Task<CandidateVetting> VettingWhenAsync(Candidate candidate, VettingStatus status) =>
        Poll.UntilAsync(async () =>
        {
            try
            {
                var vetting = await _candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = candidate.Id });
                return vetting.Status == status ? vetting : null;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                return null;
            }
        }, $"the vetting of {candidate.NationalId} to be {status}", PlatformFixture.Timeout);

    [Fact]
    public Task A_person_with_clean_records_at_both_bodies_is_eligible_and_a_later_discipline_record_makes_them_ineligible() => RunAsync(async () =>
    {
        var nationalId = await PersonAsync();
        var candidate = await IntroduceAsync(nationalId);

        var eligible = await VettingWhenAsync(candidate, VettingStatus.Eligible);
        Assert.All(eligible.Bodies, b => Assert.True(b.Answered));

        // The Organization records a discipline decided two months before election day: the candidate is re-vetted unasked.
        var record = await _cadres.GetCadreRecordAsync(new GetCadreRecordRequest { NationalId = nationalId });
        record.DisciplineRecords.Add(new DisciplineRecord { DecidedDate = "2021-03-15", Form = "Khiển trách", Reason = "Vi phạm quy chế làm việc", ExpiresDate = "2022-03-15" });
        await _cadres.UpdateCadreRecordAsync(new UpdateCadreRecordRequest { CadreRecord = record, UpdateMask = new() { Paths = { "discipline_records" } } });

        var ineligible = await VettingWhenAsync(candidate, VettingStatus.Ineligible);
        Assert.True(ineligible.Flagged);
        Assert.Contains(ineligible.Reasons, r => r.StartsWith("organization:"));
    });

    [Fact]
    public Task Each_body_can_find_a_candidate_ineligible_from_what_only_it_knows() => RunAsync(async () =>
    {
        var positionSeeker = await IntroduceAsync(await PersonAsync(cadre: c => c.Regulation205Findings.Add(new Regulation205Finding
        {
            Kind = Regulation205FindingKind.PositionSeeking, Description = "Tác động để được giới thiệu ứng cử", FoundDate = "2020-10-01", SanctionUntil = "2022-10-01",
        })));
        var disciplined = await IntroduceAsync(await PersonAsync(official: o => o.DisciplineRecords.Add(new OfficialDiscipline
        {
            DecidedDate = "2021-01-10", Form = "Cảnh cáo", Reason = "Vi phạm trong quản lý đất đai", ExpiresDate = "2022-01-10",
        })));

        var byOrganization = await VettingWhenAsync(positionSeeker, VettingStatus.Ineligible);
        var byHomeAffairs = await VettingWhenAsync(disciplined, VettingStatus.Ineligible);
        Assert.Contains(byOrganization.Reasons, r => r.StartsWith("organization:") && r.Contains("205-QĐ/TW"));
        Assert.Contains(byHomeAffairs.Reasons, r => r.StartsWith("home-affairs:"));
    });

    [Fact]
    public Task A_person_unknown_to_a_body_needs_review_never_a_silent_pass() => RunAsync(async () =>
    {
        var candidate = await IntroduceAsync(await PersonAsync(atHomeAffairs: false));

        var review = await VettingWhenAsync(candidate, VettingStatus.NeedsReview);
        Assert.Equal(FindingResult.CannotTell, Assert.Single(review.Bodies.Single(b => b.Body == "home-affairs").Findings).Result);

        // The review queue and the vetting as the screens read them, in JSON through the gateway.
        using var reviewer = new HttpClient { BaseAddress = new Uri(platform.GatewayUrl) };
        reviewer.DefaultRequestHeaders.Authorization = new("Bearer", await platform.TokenAsync("delegate-affairs-reviewer"));
        var queue = await (await reviewer.GetAsync(
            $"/api/delegate-affairs/v1/elections/{_constituency.ElectionId}/candidates?vetting_status=NEEDS_REVIEW")).ReadJsonAsync();
        Assert.Contains(candidate.Id, queue.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var vetting = await (await reviewer.GetAsync($"/api/delegate-affairs/v1/candidates/{candidate.Id}/vetting")).ReadJsonAsync();
        Assert.Equal("VETTING_STATUS_NEEDS_REVIEW", vetting.GetProperty("status").GetString());
        Assert.NotEqual(0, vetting.GetProperty("reasons").GetArrayLength());
    });

    [Fact]
    public Task A_body_down_past_the_deadline_leaves_the_candidate_needing_review_until_it_returns_and_answers() => RunAsync(async () =>
    {
        var nationalId = await PersonAsync();
        await platform.KillAsync("home-affairs");
        Candidate candidate;
        try
        {
            candidate = await IntroduceAsync(nationalId);
            var review = await VettingWhenAsync(candidate, VettingStatus.NeedsReview);
            Assert.Contains(review.Reasons, r => r.StartsWith("home-affairs: không trả lời"));
        }
        finally
        {
            await platform.StartAsync("home-affairs");
        }
        await VettingWhenAsync(candidate, VettingStatus.Eligible);
    });

    [Fact]
    public Task Bad_candidates_are_rejected_through_the_gateway_naming_the_field() => RunAsync(async () =>
    {
        using var editor = new HttpClient { BaseAddress = new Uri(platform.GatewayUrl) };
        editor.DefaultRequestHeaders.Authorization = new("Bearer", await platform.TokenAsync("delegate-affairs-editor"));
        var nationalId = await PersonAsync();
        await IntroduceAsync(nationalId);

        async Task<string> RejectionAsync(object candidate, HttpStatusCode expected)
        {
            var response = await editor.PostAsJsonAsync("/api/delegate-affairs/v1/candidates", candidate);
            Assert.Equal(expected, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        var valid = new { electionId = _constituency.ElectionId, constituencyId = _constituency.Id, nationalId = NextNationalId(), fullName = "Đặng Thu Hà",
            birthDate = "1984-02-29", sex = "SEX_FEMALE", ethnicity = "Mường", nominatingLevel = "NOMINATING_LEVEL_LOCAL" };
        Assert.Contains("candidate.election_id", await RejectionAsync(valid with { electionId = "khong-co" }, HttpStatusCode.BadRequest));
        Assert.Contains("candidate.constituency_id", await RejectionAsync(valid with { constituencyId = "khong-co.01-9" }, HttpStatusCode.BadRequest));
        Assert.Contains("candidate.national_id", await RejectionAsync(valid with { nationalId = "0012-34" }, HttpStatusCode.BadRequest));
        await RejectionAsync(valid with { nationalId = nationalId }, HttpStatusCode.Conflict);
    });
}
