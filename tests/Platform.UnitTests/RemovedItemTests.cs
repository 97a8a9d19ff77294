using Platform.Screens.Pages.Conferences;
using Platform.JointPlanning.V1;

namespace Platform.UnitTests;

/// <summary>The "Hoàn tác" of a removal: what is written out, what is read back, and where the item goes.</summary>
public sealed class RemovedItemTests
{
    private static readonly BridgePoint[] Points =
    [
        new() { Key = "diem-cau-1", SiteCode = "01", Address = "Trụ sở Ban Tổ chức Trung ương", LocalChair = new Person { Name = "Nguyễn Văn An" } },
        new() { Key = "diem-cau-2", SiteCode = "22", Address = "Hội trường Tỉnh ủy Quảng Ninh", LocalChair = new Person { Name = "Vũ Thị Thu Hà" } },
    ];

    [Fact]
    public void A_removed_item_read_back_goes_back_where_it_was_with_every_field()
    {
        var written = RemovedItem.Of(RemovedItem.BridgePoint, 1, Points);
        var item = RemovedItem.Parse(written);

        Assert.NotNull(item);
        Assert.Equal(Points, item.InsertInto(Points.Take(1)));
    }

    [Fact]
    public void When_the_list_got_shorter_the_item_goes_last()
    {
        var item = RemovedItem.Parse(RemovedItem.Of(RemovedItem.BridgePoint, 1, Points))!;
        Assert.Equal([Points[1]], item.InsertInto(Array.Empty<BridgePoint>()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bridge-point|x|{}")]
    [InlineData("bridge-point|-1|{}")]
    [InlineData("cadre|0|{}")]
    [InlineData("bridge-point|0|not json")]
    [InlineData("bridge-point|0|{\"noSuchField\": 1}")]
    public void Anything_else_sent_back_is_not_a_removed_item(string? text) => Assert.Null(RemovedItem.Parse(text));

    [Fact]
    public void Nothing_is_written_for_a_position_the_list_does_not_have() =>
        Assert.Null(RemovedItem.Of(RemovedItem.BridgePoint, 2, Points));
}
