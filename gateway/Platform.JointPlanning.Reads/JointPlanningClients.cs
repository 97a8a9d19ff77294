// The generated client of platform.jointplanning.v1.JointPlanningService, the one definition every body's service
// implements; the joint-planning reads hold it per body.
global using JointPlanningClient = Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient;
using Grpc.Core;

namespace Platform.JointPlanning.Reads;

/// <summary>
/// The JointPlanningService client of each body, over the process's own channels to that body's replicas
/// (<see cref="ServiceChannels"/>): the gateway and the screens call the services directly, so no platform-body header
/// is needed.
/// </summary>
public sealed class JointPlanningClients(ServiceChannels channels)
{
    private readonly Dictionary<string, JointPlanningClient> _clients = JointPlanningBodies.All.ToDictionary(
        body => body,
        body => new JointPlanningClient(new ReadsRetriedInvoker(channels.Reads(body).CreateCallInvoker(), channels[body].CreateCallInvoker())));

    public JointPlanningClient this[string body] => _clients[body];
}

/// <summary>
/// Sends Get and List calls (AIP's standard reads: no effect, so safe to try on another replica) through
/// <paramref name="reads"/>, whose channel retries a call a stopping replica could not answer, and every other
/// call through <paramref name="writes"/>, which never sends one twice.
/// </summary>
public sealed class ReadsRetriedInvoker(CallInvoker reads, CallInvoker writes) : CallInvoker
{
    private CallInvoker For(IMethod method) =>
        method.Name.StartsWith("Get", StringComparison.Ordinal) || method.Name.StartsWith("List", StringComparison.Ordinal) ? reads : writes;

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        For(method).BlockingUnaryCall(method, host, options, request);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        For(method).AsyncUnaryCall(method, host, options, request);

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        For(method).AsyncServerStreamingCall(method, host, options, request);

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        writes.AsyncClientStreamingCall(method, host, options);

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        writes.AsyncDuplexStreamingCall(method, host, options);
}
