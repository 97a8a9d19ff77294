using Platform.Vietnamese;
using System.Globalization;
using Platform.Contracts.IntegrationEvents;
using Platform.Organization.Model;
using Platform.Vetting.Model;

namespace Platform.UnitTests;

/// <summary>The Organization's vetting rules over cadre records: each rule's pass and fail sides, and the document it cites.</summary>
public sealed class OrganizationVettingRulesTests
{
    private static readonly DateOnly ElectionDay = new(2021, 5, 23);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static VettingSubject Subject(bool partyMember = true, bool fullTime = false, string birth = "1970-04-15", string kind = "NATIONAL_ASSEMBLY") =>
        new(Guid.NewGuid(), 1, "quoc-hoi-xv", kind, ElectionDay, "001070000001", "Nguyễn Văn An", D(birth), "MALE", partyMember, fullTime, ReElected: false);

    private static CadreRecord Record(Action<CadreRecord>? change = null)
    {
        var record = new CadreRecord
        {
            NationalId = "001070000001", Sex = "male", BirthDate = D("1970-04-15"), Position = "Phó Bí thư Tỉnh ủy",
            PartyStanding = PartyStanding.FullMember, PartyJoinedDate = D("1995-03-02"), SuccessionPlanStatus = SuccessionPlanStatus.Planned,
        };
        record.SetName("Nguyễn Văn An");
        change?.Invoke(record);
        return record;
    }

    private static void AssertFinding(VettingFinding finding, string result, bool disqualifying, string document, string documentDate)
    {
        Assert.Equal((result, disqualifying), (finding.Result, finding.Disqualifying));
        Assert.Equal((document, D(documentDate)), (finding.Document, finding.DocumentDate));
    }

    [Fact]
    public void A_person_without_a_cadre_record_is_one_cannot_tell_never_a_pass()
    {
        var finding = Assert.Single(VettingRules.Evaluate(Subject(), record: null));

        Assert.Equal("cadre_record_known", finding.Rule);
        AssertFinding(finding, VettingResults.CannotTell, false, "36-HD/BTCTW", "2021-01-20");
        Assert.Contains(finding.Facts, f => f.Contains("no cadre record", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clean_record_passes_every_rule_each_citing_its_document()
    {
        var findings = VettingRules.Evaluate(Subject(fullTime: true), Record());

        Assert.Equal(VettingCriteria.All.Skip(1).Select(r => r.Key), findings.Select(f => f.Rule));
        Assert.All(findings, f => Assert.Equal(VettingResults.Pass, f.Result));
        Assert.All(findings, f => Assert.Contains(VettingCriteria.All, r => (r.Key, r.Document, r.DocumentDate) == (f.Rule, f.Document, f.DocumentDate)));
    }

    [Theory]
    [InlineData(true, PartyStanding.FullMember, "PASS", false)]
    [InlineData(true, PartyStanding.Probationary, "PASS", false)]
    [InlineData(true, PartyStanding.Expelled, "FAIL", true)]
    [InlineData(true, PartyStanding.NotAMember, "FAIL", false)]
    [InlineData(false, PartyStanding.FullMember, "FAIL", false)]
    [InlineData(false, PartyStanding.NotAMember, "PASS", false)]
    public void A_declared_party_member_must_be_a_full_or_probationary_member_on_the_record(bool declared, PartyStanding standing, string result, bool disqualifying)
    {
        var finding = VettingRules.Standing(Subject(partyMember: declared), Record(r => r.PartyStanding = standing));

        Assert.Equal("party_standing", finding.Rule);
        AssertFinding(finding, result, disqualifying, "45-CT/TW", "2020-06-20");
    }

    [Theory]
    [InlineData("2020-11-03", "2021-11-03", "FAIL")]  // within the look-back and still running
    [InlineData("2020-05-23", "2020-11-23", "FAIL")]  // decided on the first day of the 12-month look-back
    [InlineData("2020-05-22", "2020-11-22", "PASS")]  // a day earlier, and over before election day
    [InlineData("2019-01-10", "2021-05-23", "FAIL")]  // old, but still running on election day
    [InlineData("2019-01-10", "2021-05-22", "PASS")]  // old, over the day before
    [InlineData("2015-03-01", null, "CANNOT_TELL")]   // old, with no end recorded
    public void Party_discipline_within_12_months_before_election_day_or_still_running_disqualifies(string decided, string? expires, string result)
    {
        var record = Record(r => r.DisciplineRecords = [new DisciplineRecord(D(decided), "Khiển trách", "Vi phạm quy chế", expires is null ? null : D(expires))]);

        var finding = VettingRules.Discipline(Subject(), record);

        Assert.Equal("party_discipline", finding.Rule);
        AssertFinding(finding, result, result == "FAIL", "36-HD/BTCTW", "2021-01-20");
        Assert.Contains($"kỷ luật: Khiển trách, {D(decided).ToVietnamese()}, " + (expires is null ? "không ghi ngày hết hạn" : $"hết hạn {D(expires!).ToVietnamese()}"), finding.Facts);
        Assert.Contains("ngày bầu cử 23/05/2021; xét kỷ luật từ 23/05/2020 (12 tháng)", finding.Facts);
    }

    [Fact]
    public void No_party_discipline_passes()
    {
        var finding = VettingRules.Discipline(Subject(), Record());

        AssertFinding(finding, "PASS", false, "36-HD/BTCTW", "2021-01-20");
        Assert.Contains("không có kỷ luật", finding.Facts);
    }

    [Theory]
    [InlineData(true, "NATIONAL_ASSEMBLY", SuccessionPlanStatus.Planned, "PASS")]
    [InlineData(true, "NATIONAL_ASSEMBLY", SuccessionPlanStatus.NotPlanned, "FAIL")]
    [InlineData(true, "NATIONAL_ASSEMBLY", SuccessionPlanStatus.Removed, "FAIL")]
    [InlineData(false, "NATIONAL_ASSEMBLY", SuccessionPlanStatus.NotPlanned, "PASS")]
    [InlineData(true, "PROVINCIAL_PEOPLES_COUNCIL", SuccessionPlanStatus.NotPlanned, "PASS")]
    public void A_full_time_national_assembly_seat_needs_a_place_in_the_succession_plan(bool fullTime, string kind, SuccessionPlanStatus status, string result)
    {
        var finding = VettingRules.Succession(Subject(fullTime: fullTime, kind: kind), Record(r => r.SuccessionPlanStatus = status));

        Assert.Equal("succession_plan", finding.Rule);
        AssertFinding(finding, result, result == "FAIL", "36-HD/BTCTW", "2021-01-20");
    }

    [Theory]
    [InlineData("2022-03-02", "FAIL")]
    [InlineData(null, "FAIL")]          // a sanction with no end
    [InlineData("2021-05-23", "FAIL")]  // runs on election day
    [InlineData("2021-05-22", "PASS")]  // over the day before
    public void A_regulation_205_finding_whose_sanction_runs_on_election_day_disqualifies(string? until, string result)
    {
        var record = Record(r => r.Regulation205Findings =
            [new Regulation205Finding(Regulation205FindingKind.PositionSeeking, "Tác động để được quy hoạch", D("2020-03-02"), until is null ? null : D(until))]);

        var finding = VettingRules.Regulation205(Subject(), record);

        Assert.Equal("regulation205_sanction", finding.Rule);
        AssertFinding(finding, result, result == "FAIL", "205-QĐ/TW", "2019-09-23");
        Assert.Contains(finding.Facts, f => f.StartsWith("Quy định 205: chạy chức, chạy quyền (Điều 10)", StringComparison.Ordinal));
    }

    [Fact]
    public void No_regulation_205_finding_passes()
    {
        AssertFinding(VettingRules.Regulation205(Subject(), Record()), "PASS", false, "205-QĐ/TW", "2019-09-23");
    }

    [Fact]
    public void A_relative_in_a_linked_post_calls_for_review_without_disqualifying()
    {
        var finding = VettingRules.Relatives(Record(r => r.RelativesInLinkedPosts = [new RelativeInLinkedPost("Trần Thị Bích", "vợ", "Trưởng Ban Tổ chức Huyện ủy")]));

        Assert.Equal("relatives_in_linked_posts", finding.Rule);
        AssertFinding(finding, "FAIL", false, "205-QĐ/TW", "2019-09-23");
        Assert.Equal(["người thân: vợ Trần Thị Bích, Trưởng Ban Tổ chức Huyện ủy"], finding.Facts);
        AssertFinding(VettingRules.Relatives(Record()), "PASS", false, "205-QĐ/TW", "2019-09-23");
    }

    [Fact]
    public void A_birth_date_other_than_the_candidates_calls_for_review()
    {
        var finding = VettingRules.Birth(Subject(birth: "1970-04-15"), Record(r => r.BirthDate = D("1971-04-15")));

        Assert.Equal("cadre_birth_date", finding.Rule);
        AssertFinding(finding, "FAIL", false, "85/2015/QH13", "2015-06-25");
        Assert.Equal(["ngày sinh khác nhau: hồ sơ ứng cử 15/04/1970, hồ sơ cán bộ 15/04/1971"], finding.Facts);
        AssertFinding(VettingRules.Birth(Subject(birth: "1970-04-15"), Record()), "PASS", false, "85/2015/QH13", "2015-06-25");
    }
}
