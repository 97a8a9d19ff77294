using System.Diagnostics;
using System.Text.Json.Nodes;
using Google.Rpc;
using Platform.Contracts.Errors;
using Platform.Gateway.Extensions;
using Platform.JointPlanning.Reads;

namespace Platform.Gateway.JointPlanning;

/// <summary>
/// The errors of the gateway's own joint-planning routes. Their body is the platform's one error shape, a
/// google.rpc.Status in JSON (code, message, details with an ErrorInfo reason), as every other route answers; the
/// RFC 9457 members these routes answered before (title, status, detail, errors per parameter) stay beside it, so
/// that clients written against version 1 of these routes keep working.
/// </summary>
public static class JointPlanningProblems
{
    public static IResult Invalid(IEnumerable<(string Parameter, string Reason, string Message)> problems)
    {
        var list = problems.ToList();
        var errors = new JsonObject();
        foreach (var (parameter, _, message) in list)
        {
            errors[parameter] = new JsonArray(message);
        }
        return Answer(StatusCodes.Status400BadRequest, "Invalid request", GatewayErrors.Invalid(list), errors);
    }

    /// <summary>The query parameters <paramref name="query"/> found invalid, before any service was called.</summary>
    public static IResult Invalid(ListQuery query) => Invalid(query.Errors.Select(e => (e.Key, e.Value.Reason, e.Value.Message)));

    public static IResult Invalid(string parameter, string reason, string message) => Invalid([(parameter, reason, message)]);

    public static IResult NotFound(string id) => Answer(StatusCodes.Status404NotFound, "Not found",
        GatewayErrors.Status(Code.NotFound, ErrorReasons.ResourceNotFound, $"No joint conference '{id}'.",
            ("resourceType", "Joint conference"), ("resourceId", id)));

    public static IResult NoneAnswered() => Answer(StatusCodes.Status503ServiceUnavailable, "Unavailable",
        GatewayErrors.Status(Code.Unavailable, ErrorReasons.ServiceUnavailable, "None of the bodies' services answered."));

    public static IResult Refused() => Answer(StatusCodes.Status403Forbidden, "Forbidden",
        GatewayErrors.Status(Code.PermissionDenied, ErrorReasons.TokenNotAllowed, "Every body's service refused the caller's token."));

    private static IResult Answer(int httpStatus, string title, Google.Rpc.Status status, JsonObject? errors = null)
    {
        var body = GatewayErrors.Json(status);
        body["title"] = title;
        body["status"] = httpStatus;
        body["detail"] = status.Message;
        if (errors is not null)
        {
            body["errors"] = errors;
        }
        if (Activity.Current?.Id is { } traceId)
        {
            body["traceId"] = traceId;
        }
        return Results.Json(body, contentType: "application/problem+json", statusCode: httpStatus);
    }
}
