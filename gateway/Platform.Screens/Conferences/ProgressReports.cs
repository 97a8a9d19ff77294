using Grpc.Core;
using Platform.JointPlanning.Reads;
using Platform.Screens.Forms;
using Platform.Screens.Pages.Conferences;
using Platform.JointPlanning.V1;

namespace Platform.Screens.Conferences;

/// <summary>What a progress form shows: the person's body's own copy of a task, and what was sent when it was refused.</summary>
/// <param name="Action">Where the form posts: the conference page's progress form (/conferences/{id}/progress), or the task board's "Progress" handler.</param>
/// <param name="TaskLabel">Names the task to a screen reader among several forms, e.g. "nhiệm vụ 2".</param>
public sealed record ProgressFormView(JointTask Copy, string Action, string TaskLabel, ProgressInput? Posted, FormErrors Errors)
{
    /// <summary>What the person sent, when this is the form they sent and it was refused.</summary>
    public ProgressInput? Sent => Posted?.TaskId == Copy.Id ? Posted : null;

    public string InputId(string input) => ProgressReports.InputId(Copy.Id, input);
}

/// <summary>A progress report on one of the person's body's tasks, sent to that body's own service.</summary>
public static class ProgressReports
{
    /// <summary>Sends the report; on a refusal, notes it in <paramref name="errors"/> and answers false.</summary>
    public static async Task<bool> SendAsync(JointPlanningClients clients, ScreenSession session, ProgressInput input, FormErrors errors)
    {
        var taskId = input.TaskId ?? "";
        try
        {
            await clients[session.Body].ReportJointTaskProgressAsync(new ReportJointTaskProgressRequest
            {
                Id = taskId,
                Etag = input.Etag ?? "",
                Percent = input.Percent ?? 0,
                Done = input.Done,
                Note = input.Note ?? "",
            }, await session.CallAsync());
            return true;
        }
        catch (RpcException failure) when (failure.StatusCode != StatusCode.Cancelled)
        {
            errors.Add(failure, session.Body, field => field switch
            {
                "percent" => InputId(taskId, "percent"),
                "note" => InputId(taskId, "note"),
                _ => null,
            });
            return false;
        }
    }

    /// <summary>The id of an element of a task's own (task ids hold dots, element ids here do not).</summary>
    public static string DomId(string prefix, string taskId) => $"{prefix}-{taskId.Replace('.', '-')}";

    public static string InputId(string taskId, string input) => DomId("progress", taskId) + "-" + input;
}
