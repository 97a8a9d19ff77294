using Platform.Organization.Infrastructure.Seed;
using Platform.Organization.Model;
using Platform.ReferenceData;

namespace Platform.UnitTests;

public sealed class CongressScheduleTests
{
    private static CongressDeadline DeadlineOf(PartyLevel level) => CongressSchedule.Term2020To2025.Single(d => d.Level == level);

    private static PartyCongress Congress(PartyLevel level, string planned, string? held = null) => new()
    {
        Id = "x/2020-2025", OrganizationId = "x", Level = level, Term = "2020-2025",
        PlannedDate = DateOnly.Parse(planned, System.Globalization.CultureInfo.InvariantCulture),
        ActualDate = held is null ? null : DateOnly.Parse(held, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData(PartyLevel.Grassroots, "2020-06-30", null, false)]
    [InlineData(PartyLevel.Grassroots, "2020-07-01", null, true)]
    [InlineData(PartyLevel.UpperGrassroots, "2020-08-31", null, false)]
    [InlineData(PartyLevel.UpperGrassroots, "2020-08-20", "2020-09-02", true)]
    [InlineData(PartyLevel.DirectlyUnderCentre, "2020-10-29", null, false)]
    [InlineData(PartyLevel.DirectlyUnderCentre, "2020-11-15", "2020-10-20", false)]
    public void A_congress_is_late_when_held_or_planned_after_its_level_s_deadline(PartyLevel level, string planned, string? held, bool late) =>
        Assert.Equal(late, CongressSchedule.IsLate(Congress(level, planned, held), DeadlineOf(level)));

    [Fact]
    public void The_deadlines_cite_directive_35_of_30_may_2019() =>
        Assert.All(CongressSchedule.Term2020To2025, d => Assert.Contains("35-CT/TW (30/5/2019)", d.Source));

    [Theory]
    [InlineData(CongressStatus.Planned, CongressStatus.PersonnelPlanApproved, false, true)]
    [InlineData(CongressStatus.PersonnelPlanApproved, CongressStatus.Held, true, true)]
    [InlineData(CongressStatus.Held, CongressStatus.Planned, true, false)]
    [InlineData(CongressStatus.PersonnelPlanApproved, CongressStatus.Held, false, false)]
    [InlineData(CongressStatus.Planned, CongressStatus.Planned, true, false)]
    public void Status_moves_forward_and_held_needs_its_date(CongressStatus from, CongressStatus to, bool withDate, bool allowed) =>
        Assert.Equal(allowed, CongressSchedule.RefuseTransition(from, to, withDate ? new DateOnly(2020, 9, 1) : null) is null);

    [Fact]
    public void Levels_follow_the_hierarchy()
    {
        Assert.Equal(PartyLevel.DirectlyUnderCentre, PartyOrganization.LevelUnder(null));
        Assert.Equal(PartyLevel.UpperGrassroots, PartyOrganization.LevelUnder(PartyLevel.DirectlyUnderCentre));
        Assert.Equal(PartyLevel.Grassroots, PartyOrganization.LevelUnder(PartyLevel.UpperGrassroots));
        Assert.Null(PartyOrganization.LevelUnder(PartyLevel.Grassroots));
    }

    [Fact]
    public void The_seed_has_the_67_committees_directly_under_the_centre_all_on_time_and_two_late_examples()
    {
        var provinces = Platform.HomeAffairs.Infrastructure.Seed.Provinces2020.All.Select(p => new AdministrativeUnitCopy
        {
            Code = p.Code, Name = p.Name, Kind = p.Kind == Platform.HomeAffairs.Model.AdministrativeUnitKind.CentrallyRunCity ? "CENTRALLY_RUN_CITY" : "PROVINCE",
        });

        var organizations = Congresses2020Seed.Organizations(provinces);
        var congresses = Congresses2020Seed.Congresses(organizations);

        Assert.Equal(67, organizations.Count(o => o.Level == PartyLevel.DirectlyUnderCentre));
        Assert.Equal(organizations.Count, organizations.Select(o => o.Id).Distinct().Count());
        Assert.Contains(organizations, o => o.Id == "dang-bo-thanh-pho-ha-noi" && o.Name == "Đảng bộ thành phố Hà Nội");
        Assert.Contains(organizations, o => o.Id == "dang-bo-tinh-ba-ria-vung-tau");
        var late = congresses.Where(c => CongressSchedule.IsLate(c, CongressSchedule.Term2020To2025.Single(d => d.Level == c.Level))).ToList();
        Assert.Equal(["dang-bo-huyen-van-chan", "dang-bo-xa-son-thinh"], late.Select(c => c.OrganizationId).Order());
    }
}

public sealed class PersonnelPlansSeedTests
{
    [Fact]
    public void The_demo_plan_has_its_53_nominees_some_over_the_age_cutoff()
    {
        var plan = PersonnelPlansSeed.Plan("dang-bo-tinh-yen-bai", new DateOnly(2020, 9, 20));

        var checks = StructureRules.AgeChecks(plan.Nominees, plan.Level, StructureRules.AgeCutoffs2020To2025);
        var lines = StructureRules.Lines(plan.Nominees, plan.ReferenceDate, StructureRules.Targets2020To2025);

        Assert.Equal(53, plan.Nominees.Count);
        Assert.Contains(checks, c => !c.Passes);
        Assert.Contains(checks, c => c.Passes);
        Assert.All(lines, l => Assert.InRange(l.Count, 1, 53));
    }

    [Fact]
    public void The_demo_plans_people_are_invented_each_with_a_name_of_their_own()
    {
        var plan = PersonnelPlansSeed.Plan("dang-bo-tinh-yen-bai", new DateOnly(2020, 9, 20));

        Assert.Equal(53, plan.Nominees.Select(n => n.FullName).Distinct().Count());
        Assert.All(plan.Nominees, n => Assert.Matches(@"^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$", n.FullName)); // no "(17)" suffixes
        // The province's real leaders of 2020, whose names the plan once used with invented failing checks.
        string[] real = ["Đỗ Đức Duy", "Phạm Thị Thanh Trà", "Trần Huy Tuấn", "Tạ Văn Long", "Dương Văn Tiến"];
        Assert.Empty(plan.Nominees.Select(n => n.FullName).Intersect(real));
        Assert.All(plan.Nominees.Where(n => n.Sex == "female"), n => Assert.Matches(" (Thị|Thu|Ngọc) ", n.FullName));
    }
}
