using System.Text;
using Platform.Vietnamese;

namespace Platform.UnitTests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Văn Ánh", "nguyen van anh")]
    [InlineData("ĐẶNG THỊ HƯƠNG", "dang thi huong")]
    [InlineData("  Hồ   Chí  Minh ", "ho chi minh")]
    [InlineData("Ê Đê", "e de")]
    public void Folding_drops_case_marks_and_extra_spaces(string name, string folded) =>
        Assert.Equal(folded, VietnameseText.Fold(name));

    [Fact]
    public void A_decomposed_name_folds_and_normalizes_like_the_composed_one()
    {
        var decomposed = "Nguyễn Văn Ánh".Normalize(NormalizationForm.FormD);

        Assert.Equal(VietnameseText.Fold("Nguyễn Văn Ánh"), VietnameseText.Fold(decomposed));
        Assert.Equal("Nguyễn Văn Ánh".Normalize(NormalizationForm.FormC), VietnameseText.Normalize(decomposed));
    }
}

public sealed class VietnameseSearchPatternTests
{
    [Theory]
    [InlineData("Nguyễn Văn", "%nguyen van%")]
    [InlineData("50%_off", "%50\\%\\_off%")]
    [InlineData("   ", null)]
    public void A_query_becomes_a_folded_contains_pattern_with_wildcards_escaped(string query, string? pattern) =>
        Assert.Equal(pattern, VietnameseText.ContainsPattern(query));
}
