using Platform.DelegateAffairs.Infrastructure.Seed;
using Platform.DelegateAffairs.Model;
using Platform.Vietnamese;

namespace Platform.UnitTests;

public sealed class ElectionRulesTests
{
    private static readonly DateOnly ElectionDay2021 = new(2021, 5, 23);

    [Theory]
    [InlineData("election_day_announced", "2021-01-28")]
    [InlineData("consultative_conference_1", "2021-02-17")]
    [InlineData("dossiers_due", "2021-03-14")]
    [InlineData("consultative_conference_3", "2021-04-18")]
    [InlineData("official_lists_published", "2021-04-28")]
    [InlineData("campaigning_ends", "2021-05-22")]
    [InlineData("national_assembly_results", "2021-06-12")]
    public void The_2021_timeline_counts_its_deadlines_from_election_day(string step, string expected)
    {
        var timeline = ElectionRules.Timeline(ElectionDay2021, LegalRulesData.Timeline);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), timeline.Single(m => m.Rule.Key == step).Date);
    }

    [Fact]
    public void The_timeline_runs_in_date_order_and_marks_what_is_inferred()
    {
        var timeline = ElectionRules.Timeline(ElectionDay2021, LegalRulesData.Timeline);

        Assert.Equal(timeline.Select(m => m.Date).Order(), timeline.Select(m => m.Date));
        Assert.Equal(["composition_adjusted_2"], timeline.Where(m => m.Rule.Inferred).Select(m => m.Rule.Key));
        Assert.All(timeline, m => Assert.False(string.IsNullOrWhiteSpace(m.Rule.Source)));
    }

    [Theory]
    [InlineData(ElectionFamily.NationalAssembly, 1, 3)]
    [InlineData(ElectionFamily.NationalAssembly, 3, 5)]
    [InlineData(ElectionFamily.PeoplesCouncil, 2, 3)]
    [InlineData(ElectionFamily.PeoplesCouncil, 3, 5)]
    [InlineData(ElectionFamily.PeoplesCouncil, 4, 7)]
    [InlineData(ElectionFamily.PeoplesCouncil, 5, 8)]
    public void A_constituency_needs_more_candidates_than_seats(ElectionFamily family, int seats, int minimum) =>
        Assert.Equal(minimum, ElectionRules.MinimumCandidates(family, seats, LegalRulesData.CandidateMargins));

    [Theory]
    [InlineData(ElectionFamily.NationalAssembly, 4)]
    [InlineData(ElectionFamily.PeoplesCouncil, 6)]
    [InlineData(ElectionFamily.NationalAssembly, 0)]
    public void Too_many_seats_fit_no_rule(ElectionFamily family, int seats) =>
        Assert.Null(ElectionRules.MinimumCandidates(family, seats, LegalRulesData.CandidateMargins));

    [Fact]
    public void The_most_seats_a_constituency_may_elect_come_from_the_rules()
    {
        Assert.Equal(3, ElectionRules.MaxSeats(ElectionFamily.NationalAssembly, LegalRulesData.CandidateMargins));
        Assert.Equal(5, ElectionRules.MaxSeats(ElectionFamily.PeoplesCouncil, LegalRulesData.CandidateMargins));
    }

    [Fact]
    public void Quotas_measure_the_laws_floors_on_the_list_and_NQ_1185s_figures_on_the_deputies_elected()
    {
        // 868 candidates for 500 seats in 2021: 393 women, 185 ethnic minority, 74 non-party, 138 under 40, as one
        // constituency here (the report sums constituencies; one is enough for the rules).
        var list = new[] { new ConstituencyCounts(500, new CompositionCounts(868, Women: 393, EthnicMinority: 185, NonParty: 74, Under40: 138, ReElected: 200, FullTime: 150)) };

        var lines = ElectionRules.Quotas(list, Election2021Seed.Quotas).ToDictionary(l => l.Criterion);

        Assert.Equal((45.28m, QuotaAssessment.Met, "≥ 35%", QuotaBases.CandidateList), (lines["women"].ActualPercent, lines["women"].Assessment, lines["women"].Target, lines["women"].Base));
        Assert.Equal(QuotaAssessment.Met, lines["ethnic_minority"].Assessment);  // 21.31% ≥ 18%
        Assert.Contains("Điều 8", lines["women"].Source);
        // Of the deputies: 25–50 non-party; the list's 74 can give 0 to 74 of 500 (368 others fill every seat).
        Assert.Equal((QuotaBases.ElectedDeputies, "5–10%", 25, 50, 0, 74, QuotaAssessment.Reachable),
            (lines["non_party"].Base, lines["non_party"].Target, lines["non_party"].TargetMinDeputies, lines["non_party"].TargetMaxDeputies,
             lines["non_party"].PossibleFewestDeputies, lines["non_party"].PossibleMostDeputies, lines["non_party"].Assessment));
        Assert.Equal(("khoảng 10%", 50, 50, true), (lines["under_40"].Target, lines["under_40"].TargetMinDeputies, lines["under_40"].TargetMaxDeputies, lines["under_40"].Approximate));
        Assert.Equal((160, QuotaAssessment.Reachable), (lines["re_elected"].TargetMinDeputies, lines["re_elected"].Assessment));
        // About 200 full-time deputies, but only 150 full-time candidates: no outcome of the vote reaches it.
        Assert.Equal((200, 150, QuotaAssessment.NotReachable, false),
            (lines["full_time"].TargetMinDeputies, lines["full_time"].PossibleMostDeputies, lines["full_time"].Assessment, lines["full_time"].Met));
        Assert.All(lines.Values.Where(l => l.Base == QuotaBases.ElectedDeputies), l => Assert.Contains("1185/NQ-UBTVQH14", l.Source));
    }

    [Fact]
    public void What_the_list_makes_possible_is_counted_seat_by_seat()
    {
        // Two 3-seat constituencies: in the first, 4 of 5 candidates are women, so at least 2 of its 3 deputies are; in
        // the second, 1 woman of 5 can be at most 1 deputy.
        var list = new[]
        {
            new ConstituencyCounts(3, new CompositionCounts(5, Women: 4, 0, 0, 0, 0, 0)),
            new ConstituencyCounts(3, new CompositionCounts(5, Women: 1, 0, 0, 0, 0, 0)),
        };
        var women = ElectionRules.Quotas(list, QuotaGuidance.For("hdnd", ElectionFamily.PeoplesCouncil, 2021))
            .Single(l => l.Criterion == "women" && l.Base == QuotaBases.ElectedDeputies);

        Assert.Equal((2, 4), (women.PossibleFewestDeputies, women.PossibleMostDeputies));
        Assert.Equal((2, 2, QuotaAssessment.Reachable), (women.TargetMinDeputies, women.TargetMaxDeputies, women.Assessment)); // about 30% of 6
    }

    [Fact]
    public void An_empty_list_meets_no_target_and_a_criterion_without_target_is_met()
    {
        var empty = ElectionRules.Quotas([new ConstituencyCounts(0, ElectionRules.Sum([]))], Election2021Seed.Quotas);
        var untargeted = ElectionRules.Quotas([new ConstituencyCounts(3, new CompositionCounts(10, 1, 1, 1, 1, 1, 1))], []);

        Assert.All(empty, l => Assert.False(l.Met));
        Assert.All(untargeted, l => Assert.Equal((true, QuotaAssessment.NoTarget), (l.Met, l.Assessment)));
    }

    [Fact]
    public void Every_term_has_the_laws_floors_and_2021_the_resolutions_figures()
    {
        Assert.Equal(6, QuotaGuidance.For("quoc-hoi-xv", ElectionFamily.NationalAssembly, 2021).Count);
        Assert.Equal(4, QuotaGuidance.For("hdnd-tinh", ElectionFamily.PeoplesCouncil, 2021).Count);
        // Another term has the law's floors on the list only.
        Assert.Equal([(QuotaCriteria.Women, 35m), (QuotaCriteria.EthnicMinority, 18m)],
            QuotaGuidance.For("quoc-hoi-xvi", ElectionFamily.NationalAssembly, 2026).Select(t => (t.Criterion, t.MinPercent!.Value)));
        Assert.All(QuotaGuidance.For("quoc-hoi-xvi", ElectionFamily.NationalAssembly, 2026), t => Assert.Equal(QuotaBases.CandidateList, t.Base));
        Assert.Equal(QuotaCriteria.Women, Assert.Single(QuotaGuidance.For("hdnd-xa", ElectionFamily.PeoplesCouncil, 2026)).Criterion);
    }

    [Theory]
    [InlineData("1981-05-24", 39)]
    [InlineData("1981-05-23", 40)]
    [InlineData("2000-05-23", 21)]
    [InlineData("2000-05-24", 20)]
    public void Age_on_election_day_counts_whole_years(string birth, int age) =>
        Assert.Equal(age, Ages.On(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), ElectionDay2021));

    [Fact]
    public void The_2021_seed_has_184_constituencies_500_seats_and_seats_plus_two_candidates_each()
    {
        var provinces = Election2021Seed.ProvinceCodes;
        Assert.Equal(Platform.HomeAffairs.Infrastructure.Seed.Provinces2020.All.Select(p => p.Code), provinces);
        var constituencies = Election2021Seed.Constituencies();
        var candidates = Election2021Seed.Candidates(provinces.ToDictionary(c => c, c => c));

        Assert.Equal(184, constituencies.Count);
        Assert.Equal(500, constituencies.Sum(c => c.Seats));
        Assert.All(constituencies, c => Assert.InRange(c.Seats, 1, 3));
        Assert.All(constituencies.GroupBy(c => c.ProvinceCode), p => Assert.True(p.Sum(c => c.Seats) >= 6, p.Key));
        Assert.Equal(868, candidates.Count);
        Assert.All(constituencies, c => Assert.Equal(c.Seats + 2, candidates.Count(x => x.ConstituencyId == c.Id)));
        Assert.Equal(868, candidates.Select(c => c.NationalId).Distinct().Count());
        Assert.All(candidates, c => Assert.Matches("^[0-9]{12}$", c.NationalId));
        Assert.Equal("Nguyễn Văn Ánh", candidates[0].FullName);
    }
}
