using Grpc.Core;
using Platform.Contracts.Routing;
using Platform.JointPlanning.V1;

namespace Platform.SeedLoader;

/// <summary>
/// One body's side of joint planning through the gateway (platform.jointplanning.v1.JointPlanningService, the body
/// named in the platform-body metadata), called with that body's editor token and a deadline; a refusal names the
/// body and the RPC.
/// </summary>
internal sealed class JointPlanningClient(string body, CallInvoker invoker, string token)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly JointPlanningService.JointPlanningServiceClient _api = new(invoker.ForBody(body));

    public string Body => body;

    public Task<Conference> ProposeConferenceAsync(ProposeConferenceRequest request, CancellationToken cancellationToken) =>
        CallAsync("ProposeConference", options => _api.ProposeConferenceAsync(request, options), cancellationToken);

    public Task<Conference> GetConferenceAsync(string id, CancellationToken cancellationToken) =>
        CallAsync("GetConference", options => _api.GetConferenceAsync(new GetConferenceRequest { Id = id }, options), cancellationToken);

    public Task<Conference> UpdateConferenceAsync(UpdateConferenceRequest request, CancellationToken cancellationToken) =>
        CallAsync("UpdateConference", options => _api.UpdateConferenceAsync(request, options), cancellationToken);

    public Task<Conference> ConcludeConferenceAsync(ConcludeConferenceRequest request, CancellationToken cancellationToken) =>
        CallAsync("ConcludeConference", options => _api.ConcludeConferenceAsync(request, options), cancellationToken);

    public Task<Participation> GetParticipationAsync(string conferenceId, CancellationToken cancellationToken) =>
        CallAsync("GetParticipation", options => _api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conferenceId }, options), cancellationToken);

    public Task<Participation> UpdateParticipationAsync(UpdateParticipationRequest request, CancellationToken cancellationToken) =>
        CallAsync("UpdateParticipation", options => _api.UpdateParticipationAsync(request, options), cancellationToken);

    public Task<ListJointTasksResponse> ListJointTasksAsync(ListJointTasksRequest request, CancellationToken cancellationToken) =>
        CallAsync("ListJointTasks", options => _api.ListJointTasksAsync(request, options), cancellationToken);

    public Task<JointTask> GetJointTaskAsync(string id, CancellationToken cancellationToken) =>
        CallAsync("GetJointTask", options => _api.GetJointTaskAsync(new GetJointTaskRequest { Id = id }, options), cancellationToken);

    public Task<JointTask> ReportJointTaskProgressAsync(ReportJointTaskProgressRequest request, CancellationToken cancellationToken) =>
        CallAsync("ReportJointTaskProgress", options => _api.ReportJointTaskProgressAsync(request, options), cancellationToken);

    private async Task<TResponse> CallAsync<TResponse>(string name, Func<CallOptions, AsyncUnaryCall<TResponse>> call, CancellationToken cancellationToken)
    {
        var options = new CallOptions(
            new Metadata { { "Authorization", $"Bearer {token}" } }, DateTime.UtcNow + CallTimeout, cancellationToken);
        try
        {
            return await call(options);
        }
        catch (RpcException error)
        {
            throw new JointPlanningCallException(body, name, error);
        }
    }
}
