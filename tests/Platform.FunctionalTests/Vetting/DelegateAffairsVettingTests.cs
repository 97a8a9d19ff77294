using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.IntegrationEvents;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.V1;
using Platform.Testing;
using VettingFinding = Platform.Contracts.IntegrationEvents.VettingFinding;

namespace Platform.FunctionalTests.Vetting;

/// <summary>Delegate Affairs with its outbox kept (no relay) and answers due within a second.</summary>
public sealed class VettingHost : ServiceHost<DelegateAffairsDbContext>
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Messaging:Outbox:RelayEnabled", "false"), ("Vetting:AnswerWithin", "00:00:01"), ("Vetting:SweepInterval", "01:00:00")];
}

/// <summary>
/// Delegate Affairs' vetting process manager over real PostgreSQL and RabbitMQ: its own law checks, the
/// other bodies' answers (published here as their services would), deadlines, review and privacy.
/// </summary>
public sealed class DelegateAffairsVettingTests(VettingHost host) : IClassFixture<VettingHost>, IAsyncLifetime
{
    private CandidateService.CandidateServiceClient Candidates => new(host.Channel);
    private CandidateService.CandidateServiceClient As(string body, string role) => new(host.ChannelWith(TestTokens.For(body, role)));

    private static int _nationalId = 200_000;
    private string _electionId = "";
    private Constituency _constituency = null!;

    public async Task InitializeAsync()
    {
        await using (var db = host.CreateDbContext())
        {
            await ProvinceCopies.EnsureAsync(db, ("01", "Hà Nội"));
        }
        _electionId = $"qh-{Guid.NewGuid():N}"[..20];
        await new ElectionService.ElectionServiceClient(host.Channel).CreateElectionAsync(new CreateElectionRequest
        {
            Election = new Election
            {
                Id = _electionId, Kind = ElectionKind.NationalAssembly, Term = "XV", TermStartYear = 2021, TermEndYear = 2026,
                ElectionDay = "2021-05-23", LawCode = "85/2015/QH13", TotalSeats = 500, CentralSeats = 207, LocalSeats = 293,
            },
        });
        _constituency = await Candidates.CreateConstituencyAsync(new CreateConstituencyRequest
        {
            Constituency = new Constituency { ElectionId = _electionId, ProvinceCode = "01", Number = 1, Seats = 3 },
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NextNationalId() => $"001080{Interlocked.Increment(ref _nationalId):D6}";

    private Candidate NewCandidate(string birthDate = "1980-04-02") => new()
    {
        ElectionId = _electionId, ConstituencyId = _constituency.Id, NationalId = NextNationalId(), FullName = "Lê Thị Hồng Nhung",
        BirthDate = birthDate, Sex = Sex.Female, Ethnicity = "Tày", PartyMember = true, NominatingLevel = NominatingLevel.Local,
    };

    private async Task<Candidate> CreateAsync(Candidate? candidate = null) =>
        await Candidates.CreateCandidateAsync(new CreateCandidateRequest { Candidate = candidate ?? NewCandidate() });

    private static VettingFinding Finding(string rule, string result, bool disqualifying = true) =>
        new(rule, $"Tiêu chí {rule}", "36-HD/BTCTW", new DateOnly(2021, 1, 20), result, disqualifying, [$"sự kiện của {rule}"]);

    private Task AnswerAsync(string body, Candidate candidate, long revision, params VettingFinding[] findings) =>
        TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new VettingAnswered(Guid.NewGuid(), body,
            [new VettingAnswer(Guid.Parse(candidate.Id), 1, revision, findings)], new Actor("tests", body, null)));

    private Task<CandidateVetting> VettingWhenAsync(Candidate candidate, Func<CandidateVetting, bool> condition, string what) =>
        Poll.UntilAsync(async () =>
        {
            var vetting = await Candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = candidate.Id });
            return condition(vetting) ? vetting : null;
        }, what);

    private static string[] FieldsOf(RpcException error) =>
        error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToArray();

    [Fact]
    public async Task A_recorded_candidate_is_pending_its_law_checks_done_and_both_bodies_asked_in_the_same_transaction()
    {
        var candidate = await CreateAsync();

        Assert.Equal(VettingStatus.Pending, candidate.VettingStatus);
        var vetting = await Candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = candidate.Id });
        Assert.Equal(["delegate-affairs", "organization", "home-affairs"], vetting.Bodies.Select(b => b.Body));
        Assert.Equal(["age-21", "nationality", "article-37"], vetting.Bodies[0].Findings.Select(f => f.Rule));
        Assert.All(vetting.Bodies[0].Findings, f => Assert.Equal(FindingResult.Pass, f.Result));
        Assert.Equal(1, await PostgresServer.ScalarAsync<long>(host.DatabaseConnectionString,
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.VettingRequested,%' AND body::text LIKE $1", $"%{candidate.Id}%"));
    }

    [Fact]
    public async Task Passing_answers_from_both_bodies_make_the_candidate_eligible_and_a_later_finding_flags_it_ineligible()
    {
        var candidate = await CreateAsync();
        await AnswerAsync("organization", candidate, 1, Finding("party-standing", "PASS"));
        await AnswerAsync("home-affairs", candidate, 1, Finding("civil-service-discipline", "PASS"));
        var eligible = await VettingWhenAsync(candidate, v => v.Status == VettingStatus.Eligible, "eligible");
        Assert.False(eligible.Flagged);

        // A Regulation 205 finding recorded later at the Organization re-vets the candidate unasked.
        await AnswerAsync("organization", candidate, 2, Finding("regulation-205", "FAIL"));
        var ineligible = await VettingWhenAsync(candidate, v => v.Status == VettingStatus.Ineligible, "ineligible");
        Assert.True(ineligible.Flagged);
        Assert.Contains(ineligible.Reasons, r => r.StartsWith("organization: Tiêu chí regulation-205 (36-HD/BTCTW)"));

        // An older answer arriving late changes nothing.
        await AnswerAsync("organization", candidate, 1, Finding("party-standing", "PASS"));
        await AnswerAsync("home-affairs", candidate, 2, Finding("civil-service-discipline", "PASS"));
        await VettingWhenAsync(candidate, v => v.Bodies[2].Findings.Count == 1 && v.Bodies[2].AnsweredAt != eligible.Bodies[2].AnsweredAt, "Home Affairs' second answer");
        Assert.Equal(VettingStatus.Ineligible, (await Candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = candidate.Id })).Status);
    }

    [Fact]
    public async Task A_person_unknown_to_a_body_needs_review_and_only_a_reviewer_settles_it_with_a_written_reason()
    {
        var candidate = await CreateAsync();
        await AnswerAsync("organization", candidate, 1, Finding("cadre-record", "CANNOT_TELL"));
        await AnswerAsync("home-affairs", candidate, 1, Finding("civil-service-discipline", "PASS"));
        var review = await VettingWhenAsync(candidate, v => v.Status == VettingStatus.NeedsReview, "needs review");
        var queue = await Candidates.ListCandidatesAsync(new ListCandidatesRequest { ElectionId = _electionId, VettingStatus = "NEEDS_REVIEW" });
        Assert.Contains(queue.Candidates, c => c.Id == candidate.Id);

        var editor = await Assert.ThrowsAsync<RpcException>(() => Candidates.SettleCandidateVettingAsync(new SettleCandidateVettingRequest
        {
            CandidateId = candidate.Id, Etag = review.Etag, Decision = VettingStatus.Eligible, Reason = "Đã xác minh lý lịch tại địa phương",
        }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, editor.StatusCode);
        var reviewer = As("delegate-affairs", "reviewer");
        var terse = await Assert.ThrowsAsync<RpcException>(() => reviewer.SettleCandidateVettingAsync(new SettleCandidateVettingRequest
        {
            CandidateId = candidate.Id, Etag = review.Etag, Decision = VettingStatus.Pending, Reason = "ok",
        }).ResponseAsync);
        Assert.Equal(["decision", "reason"], FieldsOf(terse));

        var settled = await reviewer.SettleCandidateVettingAsync(new SettleCandidateVettingRequest
        {
            CandidateId = candidate.Id, Etag = review.Etag, Decision = VettingStatus.Eligible, Reason = "Không là đảng viên; đã xác minh lý lịch tại địa phương",
        });
        Assert.Equal(VettingStatus.Eligible, settled.Status);
        Assert.Equal(("delegate-affairs-reviewer", false), (settled.Settlement.SettledBy, settled.Settlement.Void));
        var reviewerName = TestTokens.NameOf("delegate-affairs", "reviewer");
        Assert.Equal(reviewerName, settled.Settlement.SettledByName); // the token's name, for people
        var day = DateTimeOffset.Parse(settled.Settlement.SettledAt, System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7));
        Assert.Contains($"đã xem xét: Không là đảng viên; đã xác minh lý lịch tại địa phương ({reviewerName}, {day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)})", settled.Reasons);
        var again = await Assert.ThrowsAsync<RpcException>(() => reviewer.SettleCandidateVettingAsync(new SettleCandidateVettingRequest
        {
            CandidateId = candidate.Id, Etag = settled.Etag, Decision = VettingStatus.Ineligible, Reason = "Đổi ý sau khi xem lại hồ sơ",
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);

        // New findings void the settlement: it held for the findings it was made on.
        await AnswerAsync("home-affairs", candidate, 2, Finding("relatives", "FAIL", disqualifying: false));
        var reopened = await VettingWhenAsync(candidate, v => v.Status == VettingStatus.NeedsReview, "review again");
        Assert.True(reopened.Settlement.Void);
    }

    [Fact]
    public async Task A_body_silent_past_the_deadline_makes_the_result_need_review_until_its_answer_arrives()
    {
        var candidate = await CreateAsync();
        await AnswerAsync("organization", candidate, 1, Finding("party-standing", "PASS"));
        var sweep = host.Services.GetRequiredService<VettingSweep>();
        var late = await Poll.UntilAsync(async () =>
        {
            await sweep.SweepOnceAsync(CancellationToken.None);
            var vetting = await Candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = candidate.Id });
            return vetting.Status == VettingStatus.NeedsReview ? vetting : null;
        }, "the deadline to pass");
        Assert.Contains(late.Reasons, r => r.StartsWith("home-affairs: không trả lời trước hạn"));
        Assert.False(late.Bodies[2].Answered);

        await AnswerAsync("home-affairs", candidate, 1, Finding("civil-service-discipline", "PASS"));
        await VettingWhenAsync(candidate, v => v.Status == VettingStatus.Eligible, "eligible once Home Affairs answers");
    }

    [Fact]
    public async Task Replicas_sweeping_the_same_deadlines_at_once_send_each_late_vetting_to_review_once()
    {
        var late = new List<Candidate>();
        for (var i = 0; i < 5; i++)
        {
            late.Add(await CreateAsync());
        }
        var ids = late.Select(c => Guid.Parse(c.Id)).ToList();
        await Poll.UntilAsync(async () =>
        {
            await using var db = host.CreateDbContext();
            return await db.CandidateVettings.CountAsync(v => ids.Contains(v.CandidateId) && v.Deadline < DateTimeOffset.UtcNow) == ids.Count;
        }, "the deadlines to pass");

        // A vetting is judged as of the moment it is touched: creating the next candidate of the same constituency
        // recomputes the earlier ones' law checks, and one whose deadline has passed by then goes to review there and
        // then, with no sweep needed. Which ones did depends on the machine's pace; the last created is always left.
        List<Guid> pendingAtSweep;
        await using (var before = host.CreateDbContext())
        {
            pendingAtSweep = await before.CandidateVettings
                .Where(v => ids.Contains(v.CandidateId) && v.Status == Platform.DelegateAffairs.Model.VettingStatuses.Pending)
                .Select(v => v.CandidateId).ToListAsync();
        }
        Assert.Contains(ids[^1], pendingAtSweep);

        // Two sweeps at once over one database, as two replicas' timers may fire: neither may fail or redo the other's work.
        var sweep = host.Services.GetRequiredService<VettingSweep>();
        await Task.WhenAll(sweep.SweepOnceAsync(CancellationToken.None), sweep.SweepOnceAsync(CancellationToken.None));

        foreach (var candidate in late)
        {
            var vetting = await Candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = candidate.Id });
            Assert.Equal(VettingStatus.NeedsReview, vetting.Status);
        }
        await using var db = host.CreateDbContext();
        var resources = late.Select(c => $"candidates/{c.Id}/vetting").ToList();
        var sweeps = await db.Set<Platform.Auditing.AuditEntry>()
            .Where(a => resources.Contains(a.Resource) && a.Subject == "system:vetting-deadline-sweep")
            .GroupBy(a => a.Resource).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        // Each vetting still pending when the sweeps ran was swept once; the others not at all.
        Assert.All(ids, id => Assert.Equal(pendingAtSweep.Contains(id) ? 1 : 0, sweeps.GetValueOrDefault($"candidates/{id}/vetting")));
    }

    [Fact]
    public async Task The_law_bars_the_too_young_a_second_nationality_and_the_grounds_of_article_37_at_once()
    {
        var young = await CreateAsync(NewCandidate(birthDate: "2000-06-01"));
        var dual = NewCandidate();
        dual.OtherNationality = "Pháp";
        var prosecuted = NewCandidate();
        prosecuted.Disqualifiers.Add(Disqualifier.Prosecuted);

        Assert.Equal(VettingStatus.Ineligible, young.VettingStatus);
        Assert.Equal(VettingStatus.Ineligible, (await CreateAsync(dual)).VettingStatus);
        var barred = await CreateAsync(prosecuted);
        var vetting = await Candidates.GetCandidateVettingAsync(new GetCandidateVettingRequest { CandidateId = barred.Id });
        Assert.Equal(VettingStatus.Ineligible, vetting.Status);
        Assert.Contains(vetting.Reasons, r => r.Contains("85/2015/QH13, Điều 37"));
    }

    [Fact]
    public async Task Facts_are_shown_to_the_owning_bodys_vetting_role_and_to_reviewers_and_withheld_from_everyone_else()
    {
        var candidate = await CreateAsync();
        await AnswerAsync("organization", candidate, 1, Finding("party-discipline", "FAIL"));
        await VettingWhenAsync(candidate, v => v.Status == VettingStatus.Ineligible, "ineligible");
        var request = new GetCandidateVettingRequest { CandidateId = candidate.Id };

        var viewer = await As("home-affairs", "viewer").GetCandidateVettingAsync(request);
        var organizationVetting = await As("organization", "vetting").GetCandidateVettingAsync(request);
        var homeAffairsVetting = await As("home-affairs", "vetting").GetCandidateVettingAsync(request);
        var reviewer = await As("delegate-affairs", "reviewer").GetCandidateVettingAsync(request);

        Assert.Equal(viewer.Reasons, reviewer.Reasons); // the outcome and its reasons are for everyone
        Assert.True(viewer.Bodies[1].Findings[0].FactsWithheld);
        Assert.Empty(viewer.Bodies[1].Findings[0].Facts);
        Assert.Equal(["sự kiện của party-discipline"], organizationVetting.Bodies[1].Findings[0].Facts);
        Assert.True(organizationVetting.Bodies[0].Findings[0].FactsWithheld); // Delegate Affairs' own facts are not the Organization's
        Assert.True(homeAffairsVetting.Bodies[1].Findings[0].FactsWithheld);
        Assert.All(reviewer.Bodies.SelectMany(b => b.Findings), f => Assert.False(f.FactsWithheld));
    }

    [Fact]
    public async Task Bad_candidates_are_rejected_naming_the_field_and_a_bad_batch_writes_nothing()
    {
        var unknownElection = NewCandidate();
        unknownElection.ElectionId = "khong-co";
        Assert.Equal(["candidate.election_id", "candidate.constituency_id"], FieldsOf(await Assert.ThrowsAsync<RpcException>(() =>
            Candidates.CreateCandidateAsync(new CreateCandidateRequest { Candidate = unknownElection }).ResponseAsync)));
        var malformed = NewCandidate();
        malformed.NationalId = "12345";
        malformed.ConstituencyId = "quoc-hoi-xv.99-9";
        Assert.Equal(["candidate.constituency_id", "candidate.national_id"], FieldsOf(await Assert.ThrowsAsync<RpcException>(() =>
            Candidates.CreateCandidateAsync(new CreateCandidateRequest { Candidate = malformed }).ResponseAsync)));
        var first = await CreateAsync();
        var twice = NewCandidate();
        twice.NationalId = first.NationalId;
        Assert.Equal(StatusCode.AlreadyExists, (await Assert.ThrowsAsync<RpcException>(() =>
            Candidates.CreateCandidateAsync(new CreateCandidateRequest { Candidate = twice }).ResponseAsync)).StatusCode);

        var batch = new BatchCreateCandidatesRequest { ElectionId = _electionId };
        var good = NewCandidate();
        var bad = NewCandidate();
        bad.NationalId = "00108x";
        batch.Requests.Add(new CreateCandidateRequest { Candidate = good });
        batch.Requests.Add(new CreateCandidateRequest { Candidate = bad });
        Assert.Equal(["requests[1].candidate.national_id"], FieldsOf(await Assert.ThrowsAsync<RpcException>(() =>
            Candidates.BatchCreateCandidatesAsync(batch).ResponseAsync)));
        Assert.Equal(0, await PostgresServer.ScalarAsync<long>(host.DatabaseConnectionString,
            "SELECT count(*) FROM candidates WHERE national_id = $1", good.NationalId));
    }

    [Fact]
    public async Task A_batch_is_recorded_and_asked_about_in_one_event_per_batch_and_the_quota_report_leaves_out_the_ineligible()
    {
        var batch = new BatchCreateCandidatesRequest { ElectionId = _electionId };
        for (var i = 0; i < 30; i++)
        {
            batch.Requests.Add(new CreateCandidateRequest { Candidate = NewCandidate(birthDate: i == 0 ? "2003-01-01" : "1980-04-02") });
        }
        var created = await Candidates.BatchCreateCandidatesAsync(batch);

        Assert.Equal(30, created.Candidates.Count);
        Assert.Equal(1, await PostgresServer.ScalarAsync<long>(host.DatabaseConnectionString,
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.VettingRequested,%' AND body::text LIKE $1", $"%{created.Candidates[29].Id}%"));
        var report = await new ElectionService.ElectionServiceClient(host.Channel).GetQuotaReportAsync(new GetQuotaReportRequest { Id = _electionId });
        var all = await Candidates.ListCandidatesAsync(new ListCandidatesRequest { ElectionId = _electionId, PageSize = 1000 });
        var ineligible = all.Candidates.Count(c => c.VettingStatus == VettingStatus.Ineligible);
        Assert.True(ineligible >= 1);
        Assert.Equal(all.Candidates.Count - ineligible, report.CandidateCount);
        Assert.Equal(ineligible, report.IneligibleCount);
        Assert.Equal(all.Candidates.Count(c => c.VettingStatus is VettingStatus.Pending or VettingStatus.NeedsReview), report.PendingCount);
    }
}
