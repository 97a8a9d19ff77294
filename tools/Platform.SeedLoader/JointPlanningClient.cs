using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Platform.JointPlanning.V1;

namespace Platform.SeedLoader;

/// <summary>
/// One body's JointPlanningService (platform.&lt;body&gt;.v1) through the gateway, called with that body's editor
/// token. The three services declare the same RPCs over the shared messages of platform.jointplanning.v1, so one
/// client serves them all, addressed by the service's name in the generated descriptors.
/// </summary>
internal sealed class JointPlanningClient(string body, CallInvoker invoker, string token)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly ServiceDescriptor _service = body switch
    {
        Bodies.Organization => Platform.Organization.V1.JointPlanningService.Descriptor,
        Bodies.HomeAffairs => Platform.HomeAffairs.V1.JointPlanningService.Descriptor,
        Bodies.DelegateAffairs => Platform.DelegateAffairs.V1.JointPlanningService.Descriptor,
        _ => throw new ArgumentException($"'{body}' is not one of {string.Join(", ", Bodies.All)}", nameof(body)),
    };

    public string Body => body;

    public Task<Conference> ProposeConferenceAsync(ProposeConferenceRequest request, CancellationToken cancellationToken) =>
        CallAsync<ProposeConferenceRequest, Conference>("ProposeConference", request, cancellationToken);

    public Task<Conference> GetConferenceAsync(string id, CancellationToken cancellationToken) =>
        CallAsync<GetConferenceRequest, Conference>("GetConference", new GetConferenceRequest { Id = id }, cancellationToken);

    public Task<Conference> UpdateConferenceAsync(UpdateConferenceRequest request, CancellationToken cancellationToken) =>
        CallAsync<UpdateConferenceRequest, Conference>("UpdateConference", request, cancellationToken);

    public Task<Conference> ConcludeConferenceAsync(ConcludeConferenceRequest request, CancellationToken cancellationToken) =>
        CallAsync<ConcludeConferenceRequest, Conference>("ConcludeConference", request, cancellationToken);

    public Task<Participation> GetParticipationAsync(string conferenceId, CancellationToken cancellationToken) =>
        CallAsync<GetParticipationRequest, Participation>(
            "GetParticipation", new GetParticipationRequest { ConferenceId = conferenceId }, cancellationToken);

    public Task<Participation> UpdateParticipationAsync(UpdateParticipationRequest request, CancellationToken cancellationToken) =>
        CallAsync<UpdateParticipationRequest, Participation>("UpdateParticipation", request, cancellationToken);

    public Task<ListJointTasksResponse> ListJointTasksAsync(ListJointTasksRequest request, CancellationToken cancellationToken) =>
        CallAsync<ListJointTasksRequest, ListJointTasksResponse>("ListJointTasks", request, cancellationToken);

    public Task<JointTask> GetJointTaskAsync(string id, CancellationToken cancellationToken) =>
        CallAsync<GetJointTaskRequest, JointTask>("GetJointTask", new GetJointTaskRequest { Id = id }, cancellationToken);

    public Task<JointTask> ReportJointTaskProgressAsync(ReportJointTaskProgressRequest request, CancellationToken cancellationToken) =>
        CallAsync<ReportJointTaskProgressRequest, JointTask>("ReportJointTaskProgress", request, cancellationToken);

    private async Task<TResponse> CallAsync<TRequest, TResponse>(string name, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var descriptor = _service.FindMethodByName(name);
        if (descriptor?.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new InvalidOperationException($"{_service.FullName} declares no {name}({typeof(TRequest).Name}) returning {typeof(TResponse).Name}.");
        }
        var method = new Method<TRequest, TResponse>(
            MethodType.Unary, _service.FullName, descriptor.Name, ProtoMarshaller<TRequest>.Instance, ProtoMarshaller<TResponse>.Instance);
        var options = new CallOptions(
            new Metadata { { "Authorization", $"Bearer {token}" } }, DateTime.UtcNow + CallTimeout, cancellationToken);
        try
        {
            return await invoker.AsyncUnaryCall(method, null, options, request);
        }
        catch (RpcException error)
        {
            throw new JointPlanningCallException(body, name, error);
        }
    }

    private static class ProtoMarshaller<T> where T : class, IMessage<T>, new()
    {
        private static readonly MessageParser<T> Parser = new(() => new T());

        public static readonly Marshaller<T> Instance = Marshallers.Create(message => message.ToByteArray(), Parser.ParseFrom);
    }
}
