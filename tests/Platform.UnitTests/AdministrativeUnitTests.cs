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
