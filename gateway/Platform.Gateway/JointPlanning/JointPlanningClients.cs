using Platform.Gateway.Screens;
using Google.Protobuf;
using Grpc.Core;
using Platform.JointPlanning.V1;

namespace Platform.Gateway.JointPlanning;

/// <summary>
/// One body's JointPlanningService: the reads the joint plan is assembled from, and the writes the screens make
/// for the signed-in person. The three services declare the same RPCs over the shared messages of
/// platform.jointplanning.v1 in three proto packages, so their generated clients share no type: this one client
/// serves them all, addressed by the service's name in the generated descriptors (each method is checked against
/// them when the client is made).
/// </summary>
public sealed class JointPlanningClient
{
    private readonly CallInvoker _reads;
    private readonly CallInvoker _writes;
    private readonly Method<GetConferenceRequest, Conference> _getConference;
    private readonly Method<GetParticipationRequest, Participation> _getParticipation;
    private readonly Method<ListParticipationsRequest, ListParticipationsResponse> _listParticipations;
    private readonly Method<ListJointTasksRequest, ListJointTasksResponse> _listJointTasks;
    private readonly Method<GetJointTaskRequest, JointTask> _getJointTask;
    private readonly Method<ProposeConferenceRequest, Conference> _proposeConference;
    private readonly Method<UpdateConferenceRequest, Conference> _updateConference;
    private readonly Method<ScheduleConferenceRequest, Conference> _scheduleConference;
    private readonly Method<PostponeConferenceRequest, Conference> _postponeConference;
    private readonly Method<CancelConferenceRequest, Conference> _cancelConference;
    private readonly Method<ConcludeConferenceRequest, Conference> _concludeConference;
    private readonly Method<UpdateParticipationRequest, Participation> _updateParticipation;
    private readonly Method<ReportJointTaskProgressRequest, JointTask> _reportJointTaskProgress;

    /// <param name="reads">For Get and List: may try a call again on another replica.</param>
    /// <param name="writes">For the rest: never tries a call twice.</param>
    public JointPlanningClient(string body, CallInvoker reads, CallInvoker writes)
    {
        Body = body;
        _reads = reads;
        _writes = writes;
        var service = body switch
        {
            "organization" => Platform.Organization.V1.JointPlanningService.Descriptor,
            "home-affairs" => Platform.HomeAffairs.V1.JointPlanningService.Descriptor,
            "delegate-affairs" => Platform.DelegateAffairs.V1.JointPlanningService.Descriptor,
            _ => throw new ArgumentOutOfRangeException(nameof(body), body, "Not a body."),
        };
        _getConference = Unary<GetConferenceRequest, Conference>(service, "GetConference");
        _getParticipation = Unary<GetParticipationRequest, Participation>(service, "GetParticipation");
        _listParticipations = Unary<ListParticipationsRequest, ListParticipationsResponse>(service, "ListParticipations");
        _listJointTasks = Unary<ListJointTasksRequest, ListJointTasksResponse>(service, "ListJointTasks");
        _getJointTask = Unary<GetJointTaskRequest, JointTask>(service, "GetJointTask");
        _proposeConference = Unary<ProposeConferenceRequest, Conference>(service, "ProposeConference");
        _updateConference = Unary<UpdateConferenceRequest, Conference>(service, "UpdateConference");
        _scheduleConference = Unary<ScheduleConferenceRequest, Conference>(service, "ScheduleConference");
        _postponeConference = Unary<PostponeConferenceRequest, Conference>(service, "PostponeConference");
        _cancelConference = Unary<CancelConferenceRequest, Conference>(service, "CancelConference");
        _concludeConference = Unary<ConcludeConferenceRequest, Conference>(service, "ConcludeConference");
        _updateParticipation = Unary<UpdateParticipationRequest, Participation>(service, "UpdateParticipation");
        _reportJointTaskProgress = Unary<ReportJointTaskProgressRequest, JointTask>(service, "ReportJointTaskProgress");
    }

    public string Body { get; }

    public AsyncUnaryCall<Conference> GetConferenceAsync(GetConferenceRequest request, CallOptions options) =>
        _reads.AsyncUnaryCall(_getConference, null, options, request);

    public AsyncUnaryCall<Participation> GetParticipationAsync(GetParticipationRequest request, CallOptions options) =>
        _reads.AsyncUnaryCall(_getParticipation, null, options, request);

    public AsyncUnaryCall<ListParticipationsResponse> ListParticipationsAsync(ListParticipationsRequest request, CallOptions options) =>
        _reads.AsyncUnaryCall(_listParticipations, null, options, request);

    public AsyncUnaryCall<ListJointTasksResponse> ListJointTasksAsync(ListJointTasksRequest request, CallOptions options) =>
        _reads.AsyncUnaryCall(_listJointTasks, null, options, request);

    public AsyncUnaryCall<JointTask> GetJointTaskAsync(GetJointTaskRequest request, CallOptions options) =>
        _reads.AsyncUnaryCall(_getJointTask, null, options, request);

    public AsyncUnaryCall<Conference> ProposeConferenceAsync(ProposeConferenceRequest request, CallOptions options) =>
        _writes.AsyncUnaryCall(_proposeConference, null, options, request);

    public AsyncUnaryCall<Conference> UpdateConferenceAsync(UpdateConferenceRequest request, CallOptions options) =>
        _writes.AsyncUnaryCall(_updateConference, null, options, request);

    public AsyncUnaryCall<Conference> ScheduleConferenceAsync(ScheduleConferenceRequest request, CallOptions options) =>
        _writes.AsyncUnaryCall(_scheduleConference, null, options, request);

    public AsyncUnaryCall<Conference> PostponeConferenceAsync(PostponeConferenceRequest request, CallOptions options) =>
        _writes.AsyncUnaryCall(_postponeConference, null, options, request);

    public AsyncUnaryCall<Conference> CancelConferenceAsync(CancelConferenceRequest request, CallOptions options) =>
        _writes.AsyncUnaryCall(_cancelConference, null, options, request);

    public AsyncUnaryCall<Conference> ConcludeConferenceAsync(ConcludeConferenceRequest request, CallOptions options) =>
        _writes.AsyncUnaryCall(_concludeConference, null, options, request);

    public AsyncUnaryCall<Participation> UpdateParticipationAsync(UpdateParticipationRequest request, CallOptions options) =>
        _writes.AsyncUnaryCall(_updateParticipation, null, options, request);

    public AsyncUnaryCall<JointTask> ReportJointTaskProgressAsync(ReportJointTaskProgressRequest request, CallOptions options) =>
        _writes.AsyncUnaryCall(_reportJointTaskProgress, null, options, request);

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(Google.Protobuf.Reflection.ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = service.FindMethodByName(name);
        if (method?.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new InvalidOperationException($"{service.FullName} declares no {name}({typeof(TRequest).Name}) returning {typeof(TResponse).Name}.");
        }
        return new Method<TRequest, TResponse>(MethodType.Unary, service.FullName, method.Name, MarshallerOf<TRequest>(), MarshallerOf<TResponse>());
    }

    private static Marshaller<T> MarshallerOf<T>() where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }
}

/// <summary>The JointPlanningService client of each body, over the gateway's one channel per body (<see cref="ServiceChannels"/>).</summary>
public sealed class JointPlanningClients(ServiceChannels channels)
{
    private readonly Dictionary<string, JointPlanningClient> _clients =
        JointPlanningBodies.All.ToDictionary(body => body, body => new JointPlanningClient(body, channels.Reads(body).CreateCallInvoker(), channels[body].CreateCallInvoker()));

    public JointPlanningClient this[string body] => _clients[body];
}
