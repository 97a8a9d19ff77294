using Google.Protobuf.Collections;
using Platform.Screens.Pages.Conferences;
using Platform.JointPlanning.V1;

namespace Platform.UnitTests;

/// <summary>Where an add form's item goes: last when it adds, over the item it edits while that is still there.</summary>
public sealed class ItemSlotTests
{
    private static readonly GoodPractice[] Practices =
    [
        new() { Unit = "Tỉnh ủy Yên Bái", Title = "Ngày thứ 7 cùng dân" },
        new() { Unit = "Tỉnh ủy Quảng Ninh", Title = "Đo lường sự hài lòng của người dân" },
    ];

    private static readonly GoodPractice Typed = new() { Unit = "Tỉnh ủy Long An", Title = "Tiếp dân trực tuyến" };

    [Fact]
    public void An_added_item_goes_last()
    {
        var (slot, changed) = Put(editing: null);
        Assert.Equal([.. Practices, Typed], changed);
        Assert.Equal((2, false), (slot.Position, slot.Edited));
    }

    [Fact]
    public void An_edited_item_is_saved_over_the_one_it_edits()
    {
        var (slot, changed) = Put(editing: 0);
        Assert.Equal([Typed, Practices[1]], changed);
        Assert.Equal((0, true), (slot.Position, slot.Edited));
    }

    [Fact]
    public void An_item_edited_after_its_original_was_removed_is_added_last()
    {
        var (slot, changed) = Put(editing: 5);
        Assert.Equal([.. Practices, Typed], changed);
        Assert.False(slot.Edited);
    }

    private static (ItemSlot Slot, RepeatedField<GoodPractice> Changed) Put(int? editing)
    {
        var slot = new ItemSlot(editing);
        var changed = new RepeatedField<GoodPractice>();
        slot.Put(Practices, changed, () => Typed);
        return (slot, changed);
    }
}
