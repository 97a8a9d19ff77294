using Grpc.Core;
using Grpc.Net.Client;
using Platform.JointPlanning.V1;
using DelegateAffairsApi = Platform.DelegateAffairs.V1.JointPlanningService;
using HomeAffairsApi = Platform.HomeAffairs.V1.JointPlanningService;
using OrganizationApi = Platform.Organization.V1.JointPlanningService;

namespace Platform.Gateway.JointPlanning;

/// <summary>
/// The reads of one body's JointPlanningService. The three services are the same API in three proto packages, so
/// their generated clients share no type: this holds the methods the gateway reads through.
/// </summary>
public sealed record JointPlanningClient(
    Func<GetConferenceRequest, CallOptions, AsyncUnaryCall<Conference>> GetConferenceAsync,
    Func<GetParticipationRequest, CallOptions, AsyncUnaryCall<Participation>> GetParticipationAsync,
    Func<ListParticipationsRequest, CallOptions, AsyncUnaryCall<ListParticipationsResponse>> ListParticipationsAsync,
    Func<ListJointTasksRequest, CallOptions, AsyncUnaryCall<ListJointTasksResponse>> ListJointTasksAsync);

/// <summary>
/// One gRPC channel per body, created once, to the address YARP proxies that body to
/// (ReverseProxy:Clusters:&lt;body&gt;:Destinations): an http:// address is h2c with prior knowledge, as YARP uses it.
/// </summary>
public sealed class JointPlanningClients : IDisposable
{
    private readonly Dictionary<string, GrpcChannel> _channels = [];
    private readonly Dictionary<string, JointPlanningClient> _clients = [];

    public JointPlanningClients(IConfiguration configuration)
    {
        foreach (var body in JointPlanningBodies.All)
        {
            var address = configuration.GetSection($"ReverseProxy:Clusters:{body}:Destinations").GetChildren()
                .Select(destination => destination["Address"])
                .FirstOrDefault(a => !string.IsNullOrEmpty(a))
                ?? throw new InvalidOperationException($"No address for '{body}' under ReverseProxy:Clusters:{body}:Destinations.");
            var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                // One connection allows 100 concurrent streams; more calls open another rather than queue.
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
                DisposeHttpClient = true,
            });
            _channels[body] = channel;
            _clients[body] = Create(body, channel);
        }
    }

    public JointPlanningClient this[string body] => _clients[body];

    private static JointPlanningClient Create(string body, GrpcChannel channel)
    {
        switch (body)
        {
            case "organization":
                var organization = new OrganizationApi.JointPlanningServiceClient(channel);
                return new(organization.GetConferenceAsync, organization.GetParticipationAsync,
                    organization.ListParticipationsAsync, organization.ListJointTasksAsync);
            case "home-affairs":
                var homeAffairs = new HomeAffairsApi.JointPlanningServiceClient(channel);
                return new(homeAffairs.GetConferenceAsync, homeAffairs.GetParticipationAsync,
                    homeAffairs.ListParticipationsAsync, homeAffairs.ListJointTasksAsync);
            case "delegate-affairs":
                var delegateAffairs = new DelegateAffairsApi.JointPlanningServiceClient(channel);
                return new(delegateAffairs.GetConferenceAsync, delegateAffairs.GetParticipationAsync,
                    delegateAffairs.ListParticipationsAsync, delegateAffairs.ListJointTasksAsync);
            default:
                throw new ArgumentOutOfRangeException(nameof(body), body, "Not a body.");
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
