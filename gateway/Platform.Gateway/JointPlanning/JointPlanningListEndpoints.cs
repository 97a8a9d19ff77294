using System.Text.Json.Nodes;
using Platform.Contracts.Errors;
using Platform.JointPlanning.V1;
using Platform.JointPlanning.Reads;

namespace Platform.Gateway.JointPlanning;

/// <summary>
/// GET /api/joint-planning/v1/conferences and /tasks: one body's list, or the three bodies' lists merged in the
/// order the services keep them (<see cref="JointPlanningLists"/>).
/// </summary>
public static class JointPlanningListEndpoints
{
    public static async Task<IResult> ListConferencesAsync(
        string? body, string? status, string? pageSize, string? pageToken, JointPlanningCalls calls, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var onlyBody = query.Body(body, "body");
        var onlyStatus = query.Status(status);
        var size = query.PageSize(pageSize);
        if (!query.IsValid)
        {
            return JointPlanningProblems.Invalid(query);
        }
        var pages = JointPlanningLists.Conferences(calls, onlyBody, onlyStatus);
        return await RespondAsync(pages, pageToken, size, calls, "conferences",
            p => p.Conference ?? new Conference { Id = p.ConferenceId }, cancellationToken);
    }

    public static async Task<IResult> ListTasksAsync(
        string? owner, string? overdue, string? conference, string? pageSize, string? pageToken,
        JointPlanningCalls calls, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var onlyOwner = query.Body(owner, "owner");
        var overdueOnly = query.Flag(overdue, "overdue");
        var conferenceId = query.ConferenceId(conference, "conference");
        var size = query.PageSize(pageSize);
        if (!query.IsValid)
        {
            return JointPlanningProblems.Invalid(query);
        }
        var pages = JointPlanningLists.Tasks(calls, onlyOwner, overdueOnly, conferenceId);
        return await RespondAsync(pages, pageToken, size, calls, "tasks", t => t, cancellationToken);
    }

    private static async Task<IResult> RespondAsync<T>(
        MergedPages<T> pages, string? pageToken, int size, JointPlanningCalls calls, string itemsName,
        Func<T, Google.Protobuf.IMessage> shown, CancellationToken cancellationToken)
    {
        MergedPage<T> page;
        try
        {
            page = await pages.ReadAsync(pageToken, size, cancellationToken);
        }
        catch (InvalidPageTokenException)
        {
            return JointPlanningProblems.Invalid("pageToken", ErrorReasons.InvalidPageToken, "is not a token this API returned for these parameters");
        }
        // The gateway checked everything but the services' own tokens inside its token.
        if (calls.AnyRejected && !string.IsNullOrEmpty(pageToken))
        {
            return JointPlanningProblems.Invalid("pageToken", ErrorReasons.InvalidPageToken, "is not a token this API returned for these parameters");
        }
        if (!calls.AnyAnswered)
        {
            return JointPlanningProblems.NoneAnswered();
        }
        if (calls.AllRefused)
        {
            return JointPlanningProblems.Refused();
        }
        return Results.Json(new JsonObject
        {
            [itemsName] = ProtoJson.ToArray(page.Items.Select(shown)),
            ["nextPageToken"] = page.NextPageToken,
            ["unavailable"] = ProtoJson.Unavailable(calls.Unavailable),
        });
    }
}
