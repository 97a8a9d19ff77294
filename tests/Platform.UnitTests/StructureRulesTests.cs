using Platform.Organization.Model;

namespace Platform.UnitTests;

public sealed class StructureRulesTests
{
    private static readonly DateOnly Congress = new(2020, 10, 15);

    private static Nominee N(string birth, string sex = "male", bool firstTime = true) =>
        new("Nguyễn Văn A", DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), sex, firstTime);

    [Theory]
    [InlineData("1965-09-01", "male", true, true)]
    [InlineData("1965-08-31", "male", true, false)]
    [InlineData("1970-09-01", "female", true, true)]
    [InlineData("1970-08-31", "female", true, false)]
    [InlineData("1963-03-01", "male", false, true)]
    [InlineData("1963-02-28", "male", false, false)]
    [InlineData("1968-03-01", "female", false, true)]
    [InlineData("1968-02-29", "female", false, false)]
    public void Provincial_nominees_must_be_born_on_or_after_the_cutoff_for_their_sex_and_standing(string birth, string sex, bool firstTime, bool passes)
    {
        var check = Assert.Single(StructureRules.AgeChecks([N(birth, sex, firstTime)], PartyLevel.DirectlyUnderCentre, StructureRules.AgeCutoffs2020To2025));

        Assert.Equal(passes, check.Passes);
        Assert.NotNull(check.Cutoff);
    }

    [Fact]
    public void A_level_without_cutoffs_does_not_fail_anyone()
    {
        var check = Assert.Single(StructureRules.AgeChecks([N("1950-01-01")], PartyLevel.UpperGrassroots, StructureRules.AgeCutoffs2020To2025));

        Assert.True(check.Passes);
        Assert.Null(check.Cutoff);
    }

    [Fact]
    public void Shares_of_under_40_and_40_to_50_are_held_against_their_targets()
    {
        // 10 nominees on 15/10/2020: one under 40, four aged 40–50, five older; three women.
        Nominee[] nominees =
        [
            N("1982-01-01", "female"), N("1975-01-01"), N("1972-01-01", "female"), N("1970-10-16"), N("1970-10-15"),
            N("1965-01-01"), N("1966-01-01", "female"), N("1967-01-01"), N("1968-01-01"), N("1969-01-01"),
        ];

        var lines = StructureRules.Lines(nominees, Congress, StructureRules.Targets2020To2025).ToDictionary(l => l.Criterion);

        Assert.Equal((1, 10m, true), (lines["under_40"].Count, lines["under_40"].ActualPercent, lines["under_40"].Met));
        Assert.Equal((4, 40m, true), (lines["age_40_to_50"].Count, lines["age_40_to_50"].ActualPercent, lines["age_40_to_50"].Met));
        Assert.Equal("40–50%", lines["age_40_to_50"].Target);
        Assert.Equal((3, true, ""), (lines["women"].Count, lines["women"].Met, lines["women"].Target));
    }

    [Fact]
    public void Too_few_young_nominees_misses_the_target()
    {
        var lines = StructureRules.Lines([N("1960-01-01"), N("1961-01-01")], Congress, StructureRules.Targets2020To2025).ToDictionary(l => l.Criterion);

        Assert.False(lines["under_40"].Met);
        Assert.False(lines["age_40_to_50"].Met);
        Assert.Contains("35-CT/TW", lines["under_40"].Source);
    }
}
