namespace Platform.Screens.Notifications;

/// <summary>What a due item asks of the body.</summary>
public enum DueKind
{
    /// <summary>An invitation to a joint conference still unanswered.</summary>
    Invitation,
    /// <summary>A conclusion task the body owns, not done.</summary>
    Task,
    /// <summary>Candidates whose vetting a Delegate Affairs reviewer must settle.</summary>
    VettingReview,
}

/// <summary>
/// One thing a body must do, with the day it is due by (none for a review queue, which has no deadline of its own)
/// and where to do it. <paramref name="Ref"/> is what it is about: the conference's, the task's or the election's id.
/// </summary>
public sealed record DueItem(DueKind Kind, string Ref, string Title, string Detail, DateOnly? Due, string Link)
{
    /// <summary>Days past its due day (positive: overdue), on <paramref name="today"/>.</summary>
    public int? DaysLate(DateOnly today) => Due is { } due ? today.DayNumber - due.DayNumber : null;

    /// <summary>
    /// What the list shows: the overdue, and what falls due within <paramref name="window"/> days; items without a day
    /// always (a review queue waits on someone now). Overdue first, then by day.
    /// </summary>
    public static IReadOnlyList<DueItem> Pending(IEnumerable<DueItem> items, DateOnly today, int window) =>
        items.Where(i => i.Due is not { } due || due.DayNumber - today.DayNumber <= window)
            .OrderBy(i => i.Due?.DayNumber ?? int.MinValue).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
}
