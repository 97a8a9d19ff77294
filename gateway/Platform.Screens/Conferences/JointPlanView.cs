using Platform.JointPlanning.Reads;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Conferences;

/// <summary>A bridge point as the conference page lists it: who hosts it and how many attended (null: not recorded).</summary>
public sealed record BridgePointRow(string Body, BridgePoint Point, int? Attended);

/// <summary>The bridge points at one administrative unit (a province or city of the reference data).</summary>
public sealed record SiteGroup(string SiteCode, string SiteName, IReadOnlyList<BridgePointRow> Points)
{
    public int Expected => Points.Sum(p => p.Point.ExpectedAttendees);
    public int? Attended => Points.Any(p => p.Attended is not null) ? Points.Sum(p => p.Attended ?? 0) : null;
}

/// <summary>
/// One owner's progress on a task: its own copy (with the history of its reports) when its service answered,
/// otherwise the state the lead last heard of.
/// </summary>
public sealed record OwnerProgress(string Body, JointTask? Copy, TaskOwnerState? State)
{
    public int Percent => Copy?.Percent ?? State?.Percent ?? 0;
    public bool Done => Copy?.Done ?? State?.Done ?? false;
    public bool Overdue => Copy?.Overdue ?? State?.Overdue ?? false;
}

/// <summary>A task of the conclusion notice with every owner's progress.</summary>
public sealed record TaskRow(ConferenceTask Task, IReadOnlyList<OwnerProgress> Owners)
{
    public bool Overdue => Owners.Any(o => o.Overdue);
    public bool Done => Owners.Count > 0 && Owners.All(o => o.Done);
}

/// <summary>
/// What the conference page shows of a joint plan: the conference (the lead's, or when the lead's service is down
/// the copy last announced to a participant), the bridge points grouped by site with their attendance, and the
/// tasks with each owner's progress.
/// </summary>
public sealed class JointPlanView
{
    public JointPlanView(JointPlan plan)
    {
        Plan = plan;
        Conference = plan.Conference
            ?? plan.Participations.Select(p => p.Conference).OfType<Conference>().MaxBy(c => c.Revision);
        Bodies = Conference is null
            ? plan.Participations.Select(p => p.Body).ToList()
            : [Conference.LeadBody, .. Conference.CoOrganizers];
        Sites = plan.Participations
            .SelectMany(p => p.BridgePoints.Select(point => new BridgePointRow(p.Body, point,
                plan.Conference?.Attendance.FirstOrDefault(a => a.Body == p.Body && a.BridgePointKey == point.Key)?.Attendees)))
            .GroupBy(row => row.Point.SiteCode)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new SiteGroup(group.Key, group.First().Point.SiteName,
                group.OrderBy(row => Bodies.IndexOf(row.Body)).ThenBy(row => row.Point.Key, StringComparer.Ordinal).ToList()))
            .ToList();
        Tasks = (Conference?.Conclusion?.Tasks ?? [])
            .Select(task => new TaskRow(task, task.Owners.Select(owner => new OwnerProgress(owner,
                plan.Tasks.FirstOrDefault(t => t.Id == task.Id && t.OwnerBody == owner),
                task.OwnerStates.FirstOrDefault(s => s.Body == owner))).ToList()))
            .ToList();
    }

    public JointPlan Plan { get; }

    /// <summary>The conference, or null when neither the lead nor any participant's service answered with it.</summary>
    public Conference? Conference { get; }

    /// <summary>Read from the lead's own service (readiness, attendance and good practices are only there).</summary>
    public bool FromLead => Plan.Conference is not null;

    /// <summary>The lead, then the co-organizers in the lead's order.</summary>
    public List<string> Bodies { get; }

    /// <summary>By site code (the reference data's order, north to south), then by host body.</summary>
    public IReadOnlyList<SiteGroup> Sites { get; }

    public IReadOnlyList<TaskRow> Tasks { get; }

    public ConferenceStatus Status => Conference?.Status ?? ConferenceStatus.Unspecified;

    /// <summary>The items the bodies propose before the agenda is fixed, in the order the scheduler will fix them.</summary>
    public IEnumerable<(string Body, AgendaItem Item)> ProposedAgenda =>
        Plan.Participations
            .SelectMany(p => p.AgendaItems.Select((item, i) => (p.Body, item, i)))
            .OrderBy(x => x.item.Kind).ThenBy(x => Bodies.IndexOf(x.Body)).ThenBy(x => x.i)
            .Select(x => (x.Body, x.item));
}
