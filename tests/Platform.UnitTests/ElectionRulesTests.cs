using Platform.DelegateAffairs.Infrastructure.Seed;
using Platform.DelegateAffairs.Model;
using Platform.ServiceDefaults.Text;

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
    public void Quotas_compare_each_share_with_its_target()
    {
        // 868 candidates in 2021: 393 women, 185 ethnic minority, 74 non-party, 138 under 40.
        var counts = new CompositionCounts(868, Women: 393, EthnicMinority: 185, NonParty: 74, Under40: 138, ReElected: 200, FullTime: 300);

        var lines = ElectionRules.Quotas(counts, Election2021Seed.Quotas).ToDictionary(l => l.Criterion);

        Assert.Equal(45.28m, lines["women"].ActualPercent);
        Assert.True(lines["women"].Met);
        Assert.Equal("≥ 35%", lines["women"].Target);
        Assert.True(lines["ethnic_minority"].Met);       // 21.31% ≥ 18%
        Assert.True(lines["non_party"].Met);             // 8.53% within 5–10%
        Assert.Equal("5–10%", lines["non_party"].Target);
        Assert.False(lines["re_elected"].Met);           // 23.04% < 32%
        Assert.False(lines["full_time"].Met);            // 34.56% < 40%
        Assert.Contains("1185", lines["women"].Source);
    }

    [Fact]
    public void An_empty_list_meets_no_target_and_a_criterion_without_target_is_met()
    {
        var empty = ElectionRules.Quotas(new CompositionCounts(0, 0, 0, 0, 0, 0, 0), Election2021Seed.Quotas);
        var untargeted = ElectionRules.Quotas(new CompositionCounts(10, 1, 1, 1, 1, 1, 1), []);

        Assert.All(empty, l => Assert.False(l.Met));
        Assert.All(untargeted, l => Assert.True(l.Met));
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
