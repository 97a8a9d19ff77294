using System.Text.Json.Nodes;
using Platform.JointPlanning.V1;

namespace Platform.Gateway.JointPlanning;

/// <summary>
/// GET /api/joint-planning/v1/conferences and /tasks: one body's list, or the three bodies' lists merged in the
/// order the services keep them (<see cref="MergedPages{T}"/>).
/// </summary>
public static class JointPlanningListEndpoints
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

    public static async Task<IResult> ListConferencesAsync(
        string? body, string? status, string? pageSize, string? pageToken, JointPlanningCalls calls, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var onlyBody = query.Body(body, "body");
        var onlyStatus = query.Status(status);
        var size = query.PageSize(pageSize);
        if (!query.IsValid)
        {
            return query.Problem();
        }
        var sources = Bodies(onlyBody).Select(source => new PageSource<Participation>(source, async (token, asked, _) =>
        {
            var request = new ListParticipationsRequest { PageSize = asked, PageToken = token, Status = onlyStatus };
            var page = (await calls.CallAsync(source, (client, options) => client.ListParticipationsAsync(request, options))).Value;
            return page is null ? null : new SourcePage<Participation>(page.Participations, page.NextPageToken);
        })).ToList();
        // Several bodies take part in one conference: keep the copy announced last.
        var pages = new MergedPages<Participation>($"conferences|{onlyBody}|{onlyStatus}", sources, ConferenceOrder,
            (kept, other) => Revision(other) > Revision(kept) ? other : kept);
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
            return query.Problem();
        }
        var sources = Bodies(onlyOwner).Select(source => new PageSource<JointTask>(source, async (token, asked, _) =>
        {
            var request = new ListJointTasksRequest { PageSize = asked, PageToken = token, ConferenceId = conferenceId, OverdueOnly = overdueOnly };
            var page = (await calls.CallAsync(source, (client, options) => client.ListJointTasksAsync(request, options))).Value;
            return page is null ? null : new SourcePage<JointTask>(page.Tasks, page.NextPageToken);
        })).ToList();
        var pages = new MergedPages<JointTask>($"tasks|{onlyOwner}|{overdueOnly}|{conferenceId}", sources, TaskOrder);
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
            return ListQuery.Invalid("pageToken", "is not a token this API returned for these parameters");
        }
        // The gateway checked everything but the services' own tokens inside its token.
        if (calls.AnyRejected && !string.IsNullOrEmpty(pageToken))
        {
            return ListQuery.Invalid("pageToken", "is not a token this API returned for these parameters");
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
        return Results.Json(new JsonObject
        {
            [itemsName] = ProtoJson.ToArray(page.Items.Select(shown)),
            ["nextPageToken"] = page.NextPageToken,
            ["unavailable"] = ProtoJson.Unavailable(calls.Unavailable),
        });
    }

    private static IReadOnlyList<string> Bodies(string? only) => only is null ? JointPlanningBodies.All : [only];

    private static string ConferenceKey(Participation participation) =>
        $"{participation.Conference?.Date}|{participation.ConferenceId}";

    private static long Revision(Participation participation) => participation.Conference?.Revision ?? 0;
}
