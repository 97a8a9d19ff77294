using Platform.Contracts.IntegrationEvents;

namespace Platform.JointPlanning.Model;

/// <summary>Fixes a conference's agenda from the bodies' contributed items.</summary>
public static class AgendaScheduler
{
    /// <summary>
    /// Orders the items by kind (reports, good practices, discussion, the conclusion last), then by body
    /// (the lead first, then the co-organizers in the order given), then as each body listed them; and gives
    /// each its times, one after the other from the start of the conference.
    /// </summary>
    public static List<ScheduledAgendaItem> Fix(TimeOnly start, IEnumerable<(string Body, IReadOnlyList<AgendaItemInfo> Items)> bodies)
    {
        var ordered = bodies
            .SelectMany((body, bodyIndex) => body.Items.Select((item, itemIndex) => (body.Body, item, bodyIndex, itemIndex)))
            .OrderBy(x => AgendaItemKinds.Rank(x.item.Kind)).ThenBy(x => x.bodyIndex).ThenBy(x => x.itemIndex);
        var agenda = new List<ScheduledAgendaItem>();
        var at = start;
        foreach (var (body, item, _, _) in ordered)
        {
            var end = at.AddMinutes(item.Minutes);
            agenda.Add(new ScheduledAgendaItem(agenda.Count + 1, body, ClockTime.Format(at), ClockTime.Format(end), item));
            at = end;
        }
        return agenda;
    }
}
