using Platform.Api.Errors;
using Platform.Api.Paging;

namespace Platform.UnitTests;

public sealed class PageRequestTests
{
    [Fact]
    public void A_token_leads_to_the_key_it_was_made_from() =>
        Assert.Equal("Hà Nội/01", PageRequest.Parse(10, PageRequest.TokenAfter("Hà Nội/01")).AfterKey);

    [Theory]
    [InlineData(0, PageRequest.DefaultSize)]
    [InlineData(7, 7)]
    [InlineData(100_000, PageRequest.MaxSize)]
    public void Page_size_defaults_and_is_capped(int asked, int expected) =>
        Assert.Equal(expected, PageRequest.Parse(asked, "").Size);

    [Fact]
    public void A_negative_page_size_names_the_field()
    {
        var error = Assert.Throws<RequestValidationException>(() => PageRequest.Parse(-1, ""));
        Assert.Equal("page_size", Assert.Single(error.Violations).Field);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("%%%")]
    public void A_forged_token_names_the_field(string token)
    {
        var error = Assert.Throws<RequestValidationException>(() => PageRequest.Parse(10, token));
        Assert.Equal("page_token", Assert.Single(error.Violations).Field);
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(10_000, 10_000, false)]
    [InlineData(10_001, 10_000, true)]
    public void A_total_is_exact_up_to_the_limit_and_says_when_more_match(int counted, int size, bool capped) =>
        Assert.Equal(new PageTotal(size, capped), PageTotal.Of(counted));
}
