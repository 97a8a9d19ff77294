using Platform.JointPlanning.V1;
using Platform.Api.Errors;

namespace Platform.UnitTests;

/// <summary>AIP-134 updates: what a mask path takes from the request and what it keeps.</summary>
public sealed class UpdateMaskTests
{
    private static Conference Stored() => new()
    {
        Title = "Hội nghị liên tịch",
        Chair = new Chair { Name = "Nguyễn Văn An", Title = "Trưởng Ban", Body = "organization" },
        CoOrganizers = { "home-affairs" },
    };

    [Fact]
    public void A_path_naming_a_message_takes_it_whole_so_a_field_inside_can_be_cleared()
    {
        var stored = Stored();
        Masks.Merge(["chair"], new Conference { Chair = new Chair { Name = "Lê Văn Cường", Body = "organization" } }, stored);
        Assert.Equal(new Chair { Name = "Lê Văn Cường", Title = "", Body = "organization" }, stored.Chair);
        Assert.Equal("Hội nghị liên tịch", stored.Title); // not in the mask: kept
    }

    [Fact]
    public void A_deeper_path_changes_that_field_alone()
    {
        var stored = Stored();
        Masks.Merge(["chair.title"], new Conference { Chair = new Chair { Title = "Phó Trưởng Ban" } }, stored);
        Assert.Equal(new Chair { Name = "Nguyễn Văn An", Title = "Phó Trưởng Ban", Body = "organization" }, stored.Chair);
    }

    [Fact]
    public void Empty_text_and_empty_lists_named_in_the_mask_replace_the_stored_ones()
    {
        var stored = Stored();
        Masks.Merge(["title", "co_organizers"], new Conference(), stored);
        Assert.Equal("", stored.Title);
        Assert.Empty(stored.CoOrganizers);
    }
}
