using Platform.Gateway.Screens.Elections;

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
}
