using Platform.Screens.Places;

namespace Platform.UnitTests;

/// <summary>What the screens write for people instead of codes.</summary>
public sealed class ScreenLabelsTests
{
    private static readonly Dictionary<string, string> Provinces = new() { ["01"] = "Hà Nội", ["27"] = "Bắc Ninh" };

    [Theory]
    [InlineData("quoc-hoi-xv.27-02", "Bắc Ninh, đơn vị số 2")]
    [InlineData("quoc-hoi-xv.01-11", "Hà Nội, đơn vị số 11")]
    [InlineData("hdnd.ha-noi.2021.01-03", "Hà Nội, đơn vị số 3")] // dots and dashes in the election's id
    [InlineData("quoc-hoi-xv.45-02", "đơn vị bầu cử 45-02")] // a province Home Affairs did not name: the code, said as such
    [InlineData("quoc-hoi-xv.01-x", "đơn vị bầu cử 01-x")]
    public void A_constituency_is_named_by_its_province_and_number(string id, string expected) =>
        Assert.Equal(expected, ProvinceNames.Constituency(id, Provinces));

    private static readonly Dictionary<string, string> Map = new()
    {
        ["01"] = "Thành phố Hà Nội", ["22"] = "Tỉnh Quảng Ninh", ["42"] = "Tỉnh Hà Tĩnh", ["15"] = "Tỉnh Yên Bái", ["48"] = "Thành phố Đà Nẵng",
    };

    [Theory]
    [InlineData("quang ninh", "22")]
    [InlineData("QUẢNG NINH", "22")]
    [InlineData("  Quảng   Ninh ", "22")]
    [InlineData("da nang", "48")] // đ typed as d
    [InlineData("22", "22")] // the code itself
    [InlineData("ha", "48,01,42")] // "Thành" and "Hà": in Vietnamese order of the full names (Thành phố Đà Nẵng, Thành phố Hà Nội, Tỉnh Hà Tĩnh)
    [InlineData("", "")]
    [InlineData("lao cai", "")]
    public void A_site_is_found_by_its_name_typed_with_or_without_marks(string query, string codes) =>
        Assert.Equal(codes, string.Join(',', ProvinceNames.Matching(Map, query).Select(m => m.Key)));
}
