using Grpc.Core;
using Platform.JointPlanning.V1;

namespace Platform.JointPlanning.Grpc;

/// <summary>
/// platform.jointplanning.v1.JointPlanningService, which every body's service maps (and serves under its retired
/// per-body name too: RetiredServiceNames). The work is done by the API parts of the module.
/// </summary>
public sealed class JointPlanningGrpcService(ConferenceApi conferences, ParticipationApi participations, JointTaskApi tasks)
    : JointPlanningService.JointPlanningServiceBase
{
    public override Task<Conference> ProposeConference(ProposeConferenceRequest request, ServerCallContext context) =>
        conferences.ProposeAsync(request, context.CancellationToken);

    public override Task<Conference> GetConference(GetConferenceRequest request, ServerCallContext context) =>
        conferences.GetAsync(request, context.CancellationToken);

    public override Task<Conference> UpdateConference(UpdateConferenceRequest request, ServerCallContext context) =>
        conferences.UpdateAsync(request, context.CancellationToken);

    public override Task<Conference> ScheduleConference(ScheduleConferenceRequest request, ServerCallContext context) =>
        conferences.ScheduleAsync(request, context.CancellationToken);

    public override Task<Conference> PostponeConference(PostponeConferenceRequest request, ServerCallContext context) =>
        conferences.PostponeAsync(request, context.CancellationToken);

    public override Task<Conference> CancelConference(CancelConferenceRequest request, ServerCallContext context) =>
        conferences.CancelAsync(request, context.CancellationToken);

    public override Task<Conference> ConcludeConference(ConcludeConferenceRequest request, ServerCallContext context) =>
        conferences.ConcludeAsync(request, context.CancellationToken);

    public override Task<Participation> GetParticipation(GetParticipationRequest request, ServerCallContext context) =>
        participations.GetAsync(request, context.CancellationToken);

    public override Task<ListParticipationsResponse> ListParticipations(ListParticipationsRequest request, ServerCallContext context) =>
        participations.ListAsync(request, context.CancellationToken);

    public override Task<Participation> UpdateParticipation(UpdateParticipationRequest request, ServerCallContext context) =>
        participations.UpdateAsync(request, context.CancellationToken);

    public override Task<ListJointTasksResponse> ListJointTasks(ListJointTasksRequest request, ServerCallContext context) =>
        tasks.ListAsync(request, context.CancellationToken);

    public override Task<JointTask> GetJointTask(GetJointTaskRequest request, ServerCallContext context) =>
        tasks.GetAsync(request, context.CancellationToken);

    public override Task<JointTask> ReportJointTaskProgress(ReportJointTaskProgressRequest request, ServerCallContext context) =>
        tasks.ReportProgressAsync(request, context.CancellationToken);
}
