using Platform.JointPlanning.V1;

namespace Platform.JointPlanning.Reads;

/// <summary>
/// The lists across the bodies: one body's list, or the three bodies' lists merged in the order the services keep
/// them (<see cref="MergedPages{T}"/>), read with one request's calls. Used by the JSON API and by the screens.
/// </summary>
public static class JointPlanningLists
{
    /// <summary>The services' order of participations: "&lt;conference date&gt;|&lt;conference id&gt;", ordinal.</summary>
    private static readonly IComparer<Participation> ConferenceOrder = Comparer<Participation>.Create((a, b) =>
        string.CompareOrdinal(ConferenceKey(a), ConferenceKey(b)));

    /// <summary>The services' order of tasks, "&lt;due date&gt;|&lt;task id&gt;", then the owner (a task has a copy per owner).</summary>
    private static readonly IComparer<JointTask> TaskOrder = Comparer<JointTask>.Create((a, b) =>
    {
        var byKey = string.CompareOrdinal($"{a.DueDate}|{a.Id}", $"{b.DueDate}|{b.Id}");
        return byKey != 0 ? byKey : string.CompareOrdinal(a.OwnerBody, b.OwnerBody);
    });

    /// <summary>
    /// The conferences the bodies take part in, by date, as participations (each with the conference as its lead
    /// announced it); a conference several bodies take part in is listed once, in the copy announced last.
    /// </summary>
    public static MergedPages<Participation> Conferences(JointPlanningCalls calls, string? onlyBody, ConferenceStatus onlyStatus)
    {
        var sources = Bodies(onlyBody).Select(source => new PageSource<Participation>(source, async (token, asked, _) =>
        {
            var request = new ListParticipationsRequest { PageSize = asked, PageToken = token, Status = onlyStatus };
            var page = (await calls.CallAsync(source, (client, options) => client.ListParticipationsAsync(request, options))).Value;
            return page is null ? null : new SourcePage<Participation>(page.Participations, page.NextPageToken);
        })).ToList();
        return new MergedPages<Participation>($"conferences|{onlyBody}|{onlyStatus}", sources, ConferenceOrder,
            (kept, other) => Revision(other) > Revision(kept) ? other : kept);
    }

    /// <summary>The conference tasks, by due date, one copy per owner body.</summary>
    public static MergedPages<JointTask> Tasks(JointPlanningCalls calls, string? onlyOwner, bool overdueOnly, string conferenceId)
    {
        var sources = Bodies(onlyOwner).Select(source => new PageSource<JointTask>(source, async (token, asked, _) =>
        {
            var request = new ListJointTasksRequest { PageSize = asked, PageToken = token, ConferenceId = conferenceId, OverdueOnly = overdueOnly };
            var page = (await calls.CallAsync(source, (client, options) => client.ListJointTasksAsync(request, options))).Value;
            return page is null ? null : new SourcePage<JointTask>(page.Tasks, page.NextPageToken);
        })).ToList();
        return new MergedPages<JointTask>($"tasks|{onlyOwner}|{overdueOnly}|{conferenceId}", sources, TaskOrder);
    }

    private static IReadOnlyList<string> Bodies(string? only) => only is null ? JointPlanningBodies.All : [only];

    private static string ConferenceKey(Participation participation) =>
        $"{participation.Conference?.Date}|{participation.ConferenceId}";

    private static long Revision(Participation participation) => participation.Conference?.Revision ?? 0;
}
