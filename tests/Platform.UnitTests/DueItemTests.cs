using Platform.Screens.Notifications;

namespace Platform.UnitTests;

/// <summary>What the "due" list keeps and in which order.</summary>
public sealed class DueItemTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static DueItem Item(string title, DateOnly? due) => new(DueKind.Task, title, title, "", due, "/tasks");

    [Fact]
    public void The_overdue_come_first_then_by_day_within_the_window_and_a_queue_without_a_day_always_shows()
    {
        var items = DueItem.Pending(
        [
            Item("in 20 days", Today.AddDays(20)), Item("in 3 days", Today.AddDays(3)), Item("queue", null),
            Item("10 days late", Today.AddDays(-10)), Item("today", Today), Item("in 14 days", Today.AddDays(14)),
        ], Today, window: 14);

        Assert.Equal(["queue", "10 days late", "today", "in 3 days", "in 14 days"], items.Select(i => i.Title));
        Assert.Equal(10, items[1].DaysLate(Today));
        Assert.Null(items[0].DaysLate(Today));
    }
}
