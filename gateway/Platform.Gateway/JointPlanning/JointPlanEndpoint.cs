using System.Text.Json.Nodes;
using Grpc.Core;
using Platform.JointPlanning.V1;

namespace Platform.Gateway.JointPlanning;

/// <summary>
/// GET /api/joint-planning/v1/conferences/{id}: the whole joint plan, assembled at read time from the lead's
/// conference, every body's participation and every owner's tasks, so each part is as fresh as its own database.
/// </summary>
public static class JointPlanEndpoint
{
    private const int TaskPageSize = 1000;

    public static async Task<IResult> GetAsync(string id, JointPlanningCalls calls)
    {
        var lead = JointPlanningBodies.LeadOf(id);
        if (lead is null || id.Length > 100)
        {
            return ListQuery.Invalid("id", $"must be '<lead body>.<slug>' of at most 100 characters, the lead one of {string.Join(", ", JointPlanningBodies.All)}");
        }

        // Every call at once: the lead's conference, and each body's participation and tasks.
        var conference = calls.CallAsync(lead, (client, options) => client.GetConferenceAsync(new GetConferenceRequest { Id = id }, options));
        var participations = JointPlanningBodies.All
            .Select(body => calls.CallAsync(body, (client, options) =>
                client.GetParticipationAsync(new GetParticipationRequest { ConferenceId = id }, options)))
            .ToList();
        var tasks = JointPlanningBodies.All.Select(body => AllTasksAsync(calls, body, id)).ToList();
        await Task.WhenAll([conference, .. participations, .. tasks]);

        if (conference.Result.Status == StatusCode.NotFound)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No joint conference '{id}'.");
        }
        if (!calls.AnyAnswered)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unavailable",
                detail: "None of the bodies' services answered.");
        }
        if (calls.AllRefused)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        var allTasks = tasks.SelectMany(t => t.Result ?? [])
            .OrderBy(t => t.DueDate, StringComparer.Ordinal)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ThenBy(t => t.OwnerBody, StringComparer.Ordinal);
        return Results.Json(new JsonObject
        {
            ["id"] = id,
            ["leadBody"] = lead,
            ["conference"] = conference.Result.Value is { } found ? ProtoJson.ToNode(found) : null,
            ["participations"] = ProtoJson.ToArray(participations.Select(p => p.Result.Value).OfType<Participation>()),
            ["tasks"] = ProtoJson.ToArray(allTasks),
            ["unavailable"] = ProtoJson.Unavailable(calls.Unavailable),
        });
    }

    /// <summary>Every task the body owns in the conference, or null when a page did not come (then the body is reported unavailable).</summary>
    private static async Task<List<JointTask>?> AllTasksAsync(JointPlanningCalls calls, string body, string conferenceId)
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
