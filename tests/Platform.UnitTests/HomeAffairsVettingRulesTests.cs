using Platform.Vietnamese;
using System.Globalization;
using Platform.Contracts.IntegrationEvents;
using Platform.HomeAffairs.Model;
using Platform.Vetting.Model;

namespace Platform.UnitTests;

/// <summary>Home Affairs' vetting rules over official records: each rule's pass and fail sides, and the document it cites.</summary>
public sealed class HomeAffairsVettingRulesTests
{
    private static readonly DateOnly ElectionDay = new(2021, 5, 23);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static VettingSubject Subject(bool fullTime = false, bool reElected = false, string birth = "1972-08-09", string kind = "NATIONAL_ASSEMBLY") =>
        new(Guid.NewGuid(), 1, "quoc-hoi-xv", kind, ElectionDay, "001072000002", "Lê Thị Hoa", D(birth), "FEMALE", PartyMember: true, fullTime, reElected);

    private static OfficialRecord Record(Action<OfficialRecord>? change = null)
    {
        var record = new OfficialRecord
        {
            NationalId = "001072000002", Sex = "female", Ethnicity = "Kinh", BirthDate = D("1972-08-09"), Category = OfficialCategory.CivilServant,
            Agency = "Sở Nội vụ tỉnh Cao Bằng", Position = "Giám đốc Sở", PositionLevel = PositionLevel.DepartmentDirector, Education = EducationLevel.Master,
        };
        record.SetName("Lê Thị Hoa");
        change?.Invoke(record);
        return record;
    }

    private static void AssertFinding(VettingFinding finding, string result, bool disqualifying, string document, string documentDate)
    {
        Assert.Equal((result, disqualifying), (finding.Result, finding.Disqualifying));
        Assert.Equal((document, D(documentDate)), (finding.Document, finding.DocumentDate));
    }

    [Fact]
    public void A_person_without_an_official_record_is_one_cannot_tell_never_a_pass()
    {
        var finding = Assert.Single(VettingRules.Evaluate(Subject(), record: null));

        Assert.Equal("official_record_known", finding.Rule);
        AssertFinding(finding, VettingResults.CannotTell, false, "36-HD/BTCTW", "2021-01-20");
        Assert.Contains(finding.Facts, f => f.Contains("no official record", StringComparison.Ordinal));
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
    [InlineData("2020-11-03", "2021-11-03", "FAIL")]  // within the look-back and still running
    [InlineData("2020-05-23", "2020-11-23", "FAIL")]  // decided on the first day of the 12-month look-back
    [InlineData("2020-05-22", "2020-11-22", "PASS")]  // a day earlier, and over before election day
    [InlineData("2019-01-10", "2021-05-23", "FAIL")]  // old, but still running on election day
    [InlineData("2012-05-05", "2012-11-05", "PASS")]
    [InlineData("2012-05-05", null, "CANNOT_TELL")]   // old, with no end recorded
    public void Discipline_within_12_months_before_election_day_or_still_running_disqualifies(string decided, string? expires, string result)
    {
        var record = Record(r => r.DisciplineRecords = [new OfficialDiscipline(D(decided), "Cảnh cáo", "Vi phạm quản lý tài chính", expires is null ? null : D(expires))]);

        var finding = VettingRules.Discipline(Subject(), record);

        Assert.Equal("official_discipline", finding.Rule);
        AssertFinding(finding, result, result == "FAIL", "112/2020/NĐ-CP", "2020-09-18");
        Assert.Contains($"kỷ luật: Cảnh cáo, {D(decided).ToVietnamese()}, " + (expires is null ? "không ghi ngày hết hạn" : $"hết hạn {D(expires!).ToVietnamese()}"), finding.Facts);
    }

    [Fact]
    public void No_discipline_passes()
    {
        AssertFinding(VettingRules.Discipline(Subject(), Record()), "PASS", false, "112/2020/NĐ-CP", "2020-09-18");
    }

    [Theory]
    [InlineData(true, "NATIONAL_ASSEMBLY", PositionLevel.DivisionHead, "FAIL")]
    [InlineData(true, "NATIONAL_ASSEMBLY", PositionLevel.DepartmentDirector, "PASS")]
    [InlineData(true, "NATIONAL_ASSEMBLY", PositionLevel.DirectorGeneral, "PASS")]
    [InlineData(false, "NATIONAL_ASSEMBLY", PositionLevel.Staff, "PASS")]
    [InlineData(true, "PROVINCIAL_PEOPLES_COUNCIL", PositionLevel.Staff, "PASS")]
    public void A_full_time_national_assembly_seat_needs_a_provincial_department_director_post_or_above(bool fullTime, string kind, PositionLevel level, string result)
    {
        var finding = VettingRules.Position(Subject(fullTime: fullTime, kind: kind), Record(r => r.PositionLevel = level));

        Assert.Equal("position_level", finding.Rule);
        AssertFinding(finding, result, result == "FAIL", "36-HD/BTCTW", "2021-01-20");
    }

    [Theory]
    [InlineData(true, EducationLevel.College, "FAIL")]
    [InlineData(true, EducationLevel.University, "PASS")]
    [InlineData(true, EducationLevel.Doctorate, "PASS")]
    [InlineData(false, EducationLevel.UpperSecondary, "PASS")]
    public void A_full_time_national_assembly_seat_needs_a_university_degree_or_above(bool fullTime, EducationLevel education, string result)
    {
        var finding = VettingRules.Degree(Subject(fullTime: fullTime), Record(r => r.Education = education));

        Assert.Equal("education", finding.Rule);
        AssertFinding(finding, result, result == "FAIL", "36-HD/BTCTW", "2021-01-20");
    }

    [Theory]
    [InlineData("male", "1966-02-01", false, "NATIONAL_ASSEMBLY", "PASS")]
    [InlineData("male", "1966-01-31", false, "NATIONAL_ASSEMBLY", "FAIL")]
    [InlineData("female", "1971-01-01", false, "NATIONAL_ASSEMBLY", "PASS")]
    [InlineData("female", "1970-12-31", false, "NATIONAL_ASSEMBLY", "FAIL")]
    [InlineData("male", "1960-01-01", true, "NATIONAL_ASSEMBLY", "PASS")]             // re-elected: no cut-off
    [InlineData("male", "1960-01-01", false, "PROVINCIAL_PEOPLES_COUNCIL", "PASS")]   // not a National Assembly election
    public void A_first_time_national_assembly_candidate_from_the_civil_service_must_be_born_on_or_after_the_cutoff(
        string sex, string recordBirth, bool reElected, string kind, string result)
    {
        var finding = VettingRules.AgeCutoff(Subject(reElected: reElected, kind: kind), Record(r => (r.Sex, r.BirthDate) = (sex, D(recordBirth))));

        Assert.Equal("first_time_age_cutoff", finding.Rule);
        AssertFinding(finding, result, result == "FAIL", "36-HD/BTCTW", "2021-01-20");
    }

    [Fact]
    public void The_age_cutoff_reads_the_birth_date_on_the_record_not_the_one_declared()
    {
        var finding = VettingRules.AgeCutoff(Subject(birth: "1975-01-01"), Record(r => (r.Sex, r.BirthDate) = ("male", D("1960-06-01"))));

        AssertFinding(finding, "FAIL", true, "36-HD/BTCTW", "2021-01-20");
        Assert.Equal(["ứng cử lần đầu; nam, sinh 01/06/1960 (hồ sơ); phải sinh từ 01/02/1966"], finding.Facts);
    }

    [Fact]
    public void A_birth_date_other_than_the_candidates_calls_for_review()
    {
        var finding = VettingRules.Birth(Subject(birth: "1972-08-09"), Record(r => r.BirthDate = D("1972-09-08")));

        Assert.Equal("official_birth_date", finding.Rule);
        AssertFinding(finding, "FAIL", false, "85/2015/QH13", "2015-06-25");
        Assert.Contains(finding.Facts, f => f.StartsWith("ngày sinh khác nhau", StringComparison.Ordinal));
        AssertFinding(VettingRules.Birth(Subject(birth: "1972-08-09"), Record()), "PASS", false, "85/2015/QH13", "2015-06-25");
    }
}
