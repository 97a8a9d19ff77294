using Platform.Contracts.IntegrationEvents;
using Platform.DelegateAffairs.Model;

namespace Platform.UnitTests;

/// <summary>Delegate Affairs' own law checks and how the findings of the three bodies combine into the outcome.</summary>
public sealed class VettingOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly Election Assembly = new()
    {
        Id = "quoc-hoi-xv", Kind = ElectionKind.NationalAssembly, Term = "XV", ElectionDay = new DateOnly(2021, 5, 23), LawCode = "85/2015/QH13",
    };

    private static Candidate Person(string birthDate = "1980-01-01", string otherNationality = "", CandidateStatus status = CandidateStatus.Introduced,
        params string[] disqualifiers) => new()
    {
        Id = Guid.NewGuid(), ElectionId = "quoc-hoi-xv", ConstituencyId = "quoc-hoi-xv.01-1", ProvinceCode = "01", NationalId = "001080000001",
        Ethnicity = "Kinh", BirthDate = DateOnly.Parse(birthDate), OtherNationality = otherNationality, Status = status, Disqualifiers = [.. disqualifiers],
    };

    private static VettingFinding Finding(string result, bool disqualifying = true) =>
        new("rule", "Tiêu chí", "36-HD/BTCTW", new DateOnly(2021, 1, 20), result, disqualifying, []);

    private static CandidateVetting Vetting(List<VettingFinding>? own = null)
    {
        var vetting = new CandidateVetting { CandidateId = Guid.NewGuid(), ElectionId = "quoc-hoi-xv" };
        vetting.AskAgain(Now, TimeSpan.FromMinutes(10));
        vetting.SetOwnFindings(own ?? [Finding("PASS")]);
        return vetting;
    }

    private static VettingAnswer Answer(long request, long revision, params VettingFinding[] findings) => new(Guid.Empty, request, revision, findings);

    [Theory]
    [InlineData("2000-05-23", "PASS")] // 21 on election day itself
    [InlineData("2000-05-24", "FAIL")]
    public void Age_is_at_least_21_on_election_day_law_85_2015(string birthDate, string result)
    {
        var age = LawChecks.Check(Person(birthDate), Assembly, 5, 5).Single(f => f.Rule == "age-21");
        Assert.Equal((result, true, "85/2015/QH13, Điều 2", new DateOnly(2015, 6, 25)), (age.Result, age.Disqualifying, age.Document, age.DocumentDate));
    }

    [Fact]
    public void A_national_assembly_deputy_holds_vietnamese_nationality_only_law_57_2014()
    {
        var finding = LawChecks.Check(Person(otherNationality: "Pháp"), Assembly, 5, 5).Single(f => f.Rule == "nationality");
        Assert.Equal(("FAIL", "57/2014/QH13, Điều 22 (sửa đổi bởi Luật 65/2020/QH14)", new DateOnly(2020, 6, 19)), (finding.Result, finding.Document, finding.DocumentDate));
        var council = new Election { Id = "hdnd", Kind = ElectionKind.ProvincialPeoplesCouncil, Term = "2021-2026", ElectionDay = Assembly.ElectionDay, LawCode = "85/2015/QH13" };
        Assert.DoesNotContain(LawChecks.Check(Person(otherNationality: "Pháp"), council, 5, 5), f => f.Rule == "nationality");
    }

    [Fact]
    public void The_grounds_of_article_37_bar_the_person_and_are_named()
    {
        var finding = LawChecks.Check(Person(disqualifiers: "PROSECUTED"), Assembly, 5, 5).Single(f => f.Rule == "article-37");
        Assert.Equal(("FAIL", true, "85/2015/QH13, Điều 37"), (finding.Result, finding.Disqualifying, finding.Document));
        Assert.Equal(["đang bị khởi tố bị can"], finding.Facts);
        Assert.Equal("PASS", LawChecks.Check(Person(), Assembly, 5, 5).Single(f => f.Rule == "article-37").Result);
    }

    [Fact]
    public void The_candidate_margin_is_asked_of_the_lists_and_short_lists_call_for_review()
    {
        Assert.DoesNotContain(LawChecks.Check(Person(), Assembly, 3, 5), f => f.Rule == "candidate-margin");
        var margin = LawChecks.Check(Person(status: CandidateStatus.OfficialList), Assembly, 3, 5).Single(f => f.Rule == "candidate-margin");
        Assert.Equal(("FAIL", false, "85/2015/QH13, Điều 57, 58"), (margin.Result, margin.Disqualifying, margin.Document));
    }

    [Fact]
    public void Everything_passed_at_every_body_is_eligible_and_waiting_is_pending_until_the_deadline_then_needs_review()
    {
        var vetting = Vetting();
        vetting.Take("organization", Answer(1, 1, Finding("PASS")), Now);
        vetting.Recompute(Now);
        Assert.Equal(VettingStatuses.Pending, vetting.Status);
        vetting.Recompute(Now.AddMinutes(11));
        Assert.Equal(VettingStatuses.NeedsReview, vetting.Status);
        Assert.StartsWith("home-affairs: không trả lời trước hạn", vetting.Reasons.Single());

        vetting.Take("home-affairs", Answer(1, 1, Finding("PASS")), Now);
        vetting.Recompute(Now.AddMinutes(12));
        Assert.Equal(VettingStatuses.Eligible, vetting.Status);
    }

    [Fact]
    public void A_disqualifying_fail_is_ineligible_at_once_and_an_eligible_candidate_becomes_flagged()
    {
        var vetting = Vetting();
        vetting.Take("organization", Answer(1, 1, Finding("PASS")), Now);
        vetting.Take("home-affairs", Answer(1, 1, Finding("PASS")), Now);
        vetting.Recompute(Now);
        Assert.False(vetting.Flagged);

        Assert.True(vetting.Take("organization", Answer(1, 2, Finding("FAIL")), Now));
        vetting.Recompute(Now);
        Assert.Equal((VettingStatuses.Ineligible, true), (vetting.Status, vetting.Flagged));
        Assert.False(vetting.Take("organization", Answer(1, 1, Finding("PASS")), Now)); // an older answer arriving late
    }

    [Fact]
    public void Cannot_tell_and_a_fail_for_review_need_review_and_a_settlement_holds_only_for_the_findings_it_saw()
    {
        var vetting = Vetting();
        vetting.Take("organization", Answer(1, 1, Finding("CANNOT_TELL")), Now);
        vetting.Take("home-affairs", Answer(1, 1, Finding("FAIL", disqualifying: false)), Now);
        vetting.Recompute(Now);
        Assert.Equal(VettingStatuses.NeedsReview, vetting.Status);
        Assert.Equal(2, vetting.Reasons.Count);

        vetting.Settlement = new VettingSettlement(VettingStatuses.Eligible, "Đã xác minh", "reviewer", Now, vetting.Basis);
        vetting.Recompute(Now);
        Assert.Equal(VettingStatuses.Eligible, vetting.Status);

        vetting.Take("home-affairs", Answer(1, 2, Finding("FAIL", disqualifying: false)), Now);
        vetting.Recompute(Now);
        Assert.Equal(VettingStatuses.NeedsReview, vetting.Status);
    }

    [Fact]
    public void Asking_again_waits_for_answers_to_the_new_request()
    {
        var vetting = Vetting();
        vetting.Take("organization", Answer(1, 1, Finding("PASS")), Now);
        vetting.Take("home-affairs", Answer(1, 1, Finding("PASS")), Now);
        vetting.AskAgain(Now, TimeSpan.FromMinutes(10));
        vetting.Recompute(Now);
        Assert.Equal(VettingStatuses.Pending, vetting.Status);
        Assert.False(vetting.HasAnswered("organization"));
    }
}
