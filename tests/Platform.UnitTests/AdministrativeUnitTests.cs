using System.Text;
using Platform.HomeAffairs.Infrastructure.Seed;
using Platform.HomeAffairs.Model;

namespace Platform.UnitTests;

public sealed class AdministrativeUnitTests
{
    private static readonly DateTimeOffset Now = new(2020, 7, 1, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_name_typed_with_combining_marks_is_stored_composed()
    {
        var decomposed = "Hà Nội".Normalize(NormalizationForm.FormD);

        var unit = AdministrativeUnit.Create("01", $"  {decomposed} ", AdministrativeUnitKind.CentrallyRunCity, null, Now);

        Assert.Equal("Hà Nội".Normalize(NormalizationForm.FormC), unit.Name);
        Assert.True(unit.Name.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Every_change_increases_the_revision_and_a_no_op_does_not()
    {
        var unit = AdministrativeUnit.Create("46", "Thừa Thiên Huế", AdministrativeUnitKind.Province, null, Now);

        Assert.False(unit.Change("Thừa Thiên Huế", AdministrativeUnitKind.Province, null, Now.AddDays(1)));
        Assert.Equal(1, unit.Revision);
        Assert.True(unit.Change("Huế", AdministrativeUnitKind.CentrallyRunCity, null, Now.AddDays(2)));
        Assert.Equal(2, unit.Revision);
        Assert.Equal(Now.AddDays(2), unit.UpdatedAt);
    }

    [Fact]
    public void The_2020_seed_has_63_provinces_with_unique_codes_and_five_centrally_run_cities()
    {
        var all = Provinces2020.All;

        Assert.Equal(63, all.Count);
        Assert.Equal(63, all.Select(p => p.Code).Distinct().Count());
        Assert.Equal(["Cần Thơ", "Đà Nẵng", "Hà Nội", "Hải Phòng", "Hồ Chí Minh"],
            all.Where(p => p.Kind == AdministrativeUnitKind.CentrallyRunCity).Select(p => p.Name).Order(StringComparer.Create(new("vi-VN"), false)));
        Assert.All(all, p => Assert.True(p.Name.IsNormalized(NormalizationForm.FormC), p.Name));
        Assert.Contains(("01", "Hà Nội", AdministrativeUnitKind.CentrallyRunCity), all);
        Assert.Contains(("77", "Bà Rịa - Vũng Tàu", AdministrativeUnitKind.Province), all);
    }
}

/// <summary>The names a code had over time, and the 2025 map the seed loader records.</summary>
public sealed class FormerNameTests
{
    private static readonly Platform.Contracts.IntegrationEvents.FormerName[] Huế = [new("Thừa Thiên Huế", new DateOnly(2024, 12, 31))];

    [Theory]
    [InlineData("2020-07-01", "Thừa Thiên Huế")]
    [InlineData("2024-12-31", "Thừa Thiên Huế")] // the last day under the old name
    [InlineData("2025-01-01", "Huế")]
    public void A_unit_is_named_on_a_day_as_it_was_then(string day, string expected) =>
        Assert.Equal(expected, Platform.Contracts.IntegrationEvents.FormerName.NameOn("Huế", Huế, DateOnly.Parse(day)));

    [Fact]
    public void With_several_former_names_the_earliest_still_current_on_the_day_is_the_one()
    {
        Platform.Contracts.IntegrationEvents.FormerName[] former = [new("Hà Sơn Bình", new DateOnly(1991, 10, 11)), new("Hà Tây", new DateOnly(2008, 7, 31))];

        Assert.Equal("Hà Sơn Bình", Platform.Contracts.IntegrationEvents.FormerName.NameOn("Hà Nội", former.Reverse(), new DateOnly(1985, 1, 1)));
        Assert.Equal("Hà Tây", Platform.Contracts.IntegrationEvents.FormerName.NameOn("Hà Nội", former, new DateOnly(2000, 1, 1)));
        Assert.Equal("Hà Nội", Platform.Contracts.IntegrationEvents.FormerName.NameOn("Hà Nội", former, new DateOnly(2008, 8, 1)));
        Assert.Equal("Hà Nội", Platform.Contracts.IntegrationEvents.FormerName.NameOn("Hà Nội", null, new DateOnly(2000, 1, 1)));
    }

    [Fact]
    public void A_renamed_unit_keeps_its_former_names_in_order_and_renaming_again_with_the_same_history_changes_nothing()
    {
        var now = DateTimeOffset.UtcNow;
        var unit = AdministrativeUnit.Create("15", "Yên Bái", AdministrativeUnitKind.Province, null, now);
        Platform.Contracts.IntegrationEvents.FormerName[] history = [new("Yên Bái", new DateOnly(2025, 6, 30))];

        Assert.True(unit.Change("Lào Cai", unit.Kind, null, null, null, null, history, now));
        Assert.False(unit.Change("Lào Cai", unit.Kind, null, null, null, null, history, now));
        Assert.Equal(("Yên Bái", "Lào Cai"), (unit.NameOn(new DateOnly(2021, 5, 23)), unit.NameOn(new DateOnly(2026, 1, 1))));
        Assert.Equal(2, unit.Revision);
    }

    [Fact]
    public void The_2025_map_leaves_34_provinces_of_the_63_and_every_successor_is_one_of_them()
    {
        var closed = Platform.SeedLoader.Map2025.Mergers.Select(m => m.Code).ToHashSet();
        var remaining = Provinces2020.All.Select(p => p.Code).Where(c => !closed.Contains(c)).ToHashSet();

        Assert.Equal(29, closed.Count);
        Assert.Equal(34, remaining.Count);
        Assert.All(Platform.SeedLoader.Map2025.Mergers, m => Assert.Contains(m.Successor, remaining));
        Assert.All(Platform.SeedLoader.Map2025.Renamings, r => Assert.Contains(r.Code, remaining));
        // Each merged province's 2020 name is the seed's, so the loader closes the unit it means.
        var seedNames = Provinces2020.All.ToDictionary(p => p.Code, p => p.Name);
        Assert.All(Platform.SeedLoader.Map2025.Mergers, m => Assert.Equal(seedNames[m.Code], m.Name));
        Assert.All(Platform.SeedLoader.Map2025.Renamings, r => Assert.Equal(seedNames[r.Code], r.OldName));
    }
}
