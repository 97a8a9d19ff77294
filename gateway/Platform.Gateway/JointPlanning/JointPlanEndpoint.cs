using System.Text.Json.Nodes;
using Platform.Contracts.Errors;
using Platform.JointPlanning.Reads;

namespace Platform.Gateway.JointPlanning;

/// <summary>
/// GET /api/joint-planning/v1/conferences/{id}: the whole joint plan, assembled at read time from the lead's
/// conference, every body's participation and every owner's tasks (<see cref="JointPlanReader"/>), so each part is
/// as fresh as its own database.
/// </summary>
public static class JointPlanEndpoint
{
    public static async Task<IResult> GetAsync(string id, JointPlanningCalls calls)
    {
        var plan = await new JointPlanReader(calls).ReadAsync(id);
        return plan.Outcome switch
        {
            JointPlanOutcome.InvalidId => JointPlanningProblems.Invalid("id", ErrorReasons.InvalidFormat,
                $"must be '<lead body>.<slug>' of at most 100 characters, the lead one of {string.Join(", ", JointPlanningBodies.All)}"),
            JointPlanOutcome.NotFound => JointPlanningProblems.NotFound(id),
            JointPlanOutcome.NoneAnswered => JointPlanningProblems.NoneAnswered(),
            JointPlanOutcome.Refused => JointPlanningProblems.Refused(),
            _ => Results.Json(new JsonObject
            {
                ["id"] = id,
                ["leadBody"] = plan.LeadBody,
                ["conference"] = plan.Conference is { } found ? ProtoJson.ToNode(found) : null,
                ["participations"] = ProtoJson.ToArray(plan.Participations),
                ["tasks"] = ProtoJson.ToArray(plan.Tasks),
                ["unavailable"] = ProtoJson.Unavailable(plan.Unavailable),
            }),
        };
    }
}
