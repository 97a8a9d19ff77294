using Grpc.Core;
using Platform.JointPlanning.V1;

namespace Platform.JointPlanning.Reads;

/// <summary>What reading a joint plan came to.</summary>
public enum JointPlanOutcome
{
    /// <summary>The plan, perhaps with parts missing (see <see cref="JointPlan.Unavailable"/>).</summary>
    Read,
    /// <summary>The id is not "&lt;lead body&gt;.&lt;slug&gt;" of at most 100 characters.</summary>
    InvalidId,
    /// <summary>The lead's service has no such conference.</summary>
    NotFound,
    /// <summary>No service answered at all.</summary>
    NoneAnswered,
    /// <summary>Every service that answered refused the caller.</summary>
    Refused,
}

/// <summary>
/// A conference's joint plan as its three parts stand in their own databases: the lead's conference, each
/// participating body's participation (in body order) and every owner's copy of its tasks (by due date, id, owner).
/// A part whose service did not answer is missing and its body named in <see cref="Unavailable"/>.
/// </summary>
public sealed record JointPlan(
    string Id,
    string? LeadBody,
    JointPlanOutcome Outcome,
    Conference? Conference,
    IReadOnlyList<Participation> Participations,
    IReadOnlyList<JointTask> Tasks,
    IReadOnlyList<(string Body, string Reason)> Unavailable)
{
    public bool IsUnavailable(string body) => Unavailable.Any(u => u.Body == body);

    public Participation? ParticipationOf(string body) => Participations.FirstOrDefault(p => p.Body == body);
}

/// <summary>
/// Reads a joint plan with one request's calls (and so with its caller's token): every call at once, each bounded
/// by the call timeout, so that a slow or down service leaves a gap rather than holding the whole plan. Used by the
/// JSON API (<see cref="JointPlanEndpoint"/>) and by the screens.
/// </summary>
public sealed class JointPlanReader(JointPlanningCalls calls)
{
    private const int TaskPageSize = 1000;

    public async Task<JointPlan> ReadAsync(string id)
    {
        var lead = JointPlanningBodies.LeadOf(id);
        if (lead is null || id.Length > 100)
        {
            return new JointPlan(id, lead, JointPlanOutcome.InvalidId, null, [], [], []);
        }

        // Every call at once: the lead's conference, and each body's participation and tasks.
        var conference = calls.CallAsync(lead, (client, options) => client.GetConferenceAsync(new GetConferenceRequest { Id = id }, options));
        var participations = JointPlanningBodies.All
            .Select(body => calls.CallAsync(body, (client, options) =>
                client.GetParticipationAsync(new GetParticipationRequest { ConferenceId = id }, options)))
            .ToList();
        var tasks = JointPlanningBodies.All.Select(body => AllTasksAsync(body, id)).ToList();
        await Task.WhenAll([conference, .. participations, .. tasks]);

        var outcome = conference.Result.Status == StatusCode.NotFound ? JointPlanOutcome.NotFound
            : !calls.AnyAnswered ? JointPlanOutcome.NoneAnswered
            : calls.AllRefused ? JointPlanOutcome.Refused
            : JointPlanOutcome.Read;
        var allTasks = tasks.SelectMany(t => t.Result ?? [])
            .OrderBy(t => t.DueDate, StringComparer.Ordinal)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ThenBy(t => t.OwnerBody, StringComparer.Ordinal)
            .ToList();
        return new JointPlan(id, lead, outcome, conference.Result.Value,
            participations.Select(p => p.Result.Value).OfType<Participation>().ToList(), allTasks, calls.Unavailable.ToList());
    }

    /// <summary>Every task the body owns in the conference, or null when a page did not come (then the body is reported unavailable).</summary>
    private async Task<List<JointTask>?> AllTasksAsync(string body, string conferenceId)
    {
        var tasks = new List<JointTask>();
        var pageToken = "";
        do
        {
            var request = new ListJointTasksRequest { ConferenceId = conferenceId, PageSize = TaskPageSize, PageToken = pageToken };
            var page = (await calls.CallAsync(body, (client, options) => client.ListJointTasksAsync(request, options))).Value;
            if (page is null)
            {
                return null;
            }
            tasks.AddRange(page.Tasks);
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0);
        return tasks;
    }
}
