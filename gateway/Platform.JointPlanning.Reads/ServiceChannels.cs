using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.JointPlanning.Reads;

/// <summary>
/// gRPC channels to each body's service, for the calls a process makes itself (the gateway's joint-planning reads,
/// the screens), each with the caller's own token. They reach every replica listed under the destinations section
/// (the gateway: ReverseProxy:Clusters:&lt;body&gt;:Destinations, the replicas YARP proxies that body to; the screens:
/// Services:&lt;body&gt;:Destinations), each "&lt;name&gt;:Address"; an http:// address is h2c with prior knowledge:
/// the client balances calls round-robin over the replicas it is connected to, so a dead or stopping replica drops
/// out of the rotation and comes back when it listens again.
/// </summary>
public sealed class ServiceChannels : IDisposable
{
    public static readonly IReadOnlyList<string> Bodies = ["organization", "home-affairs", "delegate-affairs"];

    /// <summary>
    /// A read that meets a replica going away (Unavailable: connection refused or reset, GOAWAY) is tried again on
    /// another; a write is not, since it may have been applied before the connection broke: its caller is told.
    /// </summary>
    private static readonly RetryPolicy ReadRetry = new()
    {
        MaxAttempts = 4,
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
        BackoffMultiplier = 2,
        RetryableStatusCodes = { StatusCode.Unavailable },
    };

    private readonly Dictionary<string, GrpcChannel> _channels = [];
    private readonly Dictionary<string, GrpcChannel> _reads = [];

    /// <param name="destinations">The section of each body's replicas, "{0}" standing for the body.</param>
    public ServiceChannels(IConfiguration configuration, string destinations)
    {
        foreach (var body in Bodies)
        {
            var section = string.Format(System.Globalization.CultureInfo.InvariantCulture, destinations, body);
            var addresses = configuration.GetSection(section).GetChildren()
                .Select(destination => destination["Address"])
                .Where(a => !string.IsNullOrEmpty(a))
                .Select(a => new Uri(a!))
                .ToList();
            if (addresses.Count == 0)
            {
                throw new InvalidOperationException($"No address for '{body}' under {section}.");
            }
            _channels[body] = Balanced(body, addresses, retry: null);
            _reads[body] = Balanced(body, addresses, ReadRetry);
        }
    }

    /// <summary>The channel for any call; nothing is tried twice.</summary>
    public GrpcChannel this[string body] => _channels[body];

    /// <summary>The channel for reads (Get, List): a call a stopping replica could not answer is tried on another.</summary>
    public GrpcChannel Reads(string body) => _reads[body];

    private static GrpcChannel Balanced(string body, IReadOnlyList<Uri> addresses, RetryPolicy? retry)
    {
        var resolver = new StaticResolverFactory(_ => addresses.Select(a => new BalancerAddress(a.Host, a.Port)));
        var services = new ServiceCollection().AddSingleton<ResolverFactory>(resolver).BuildServiceProvider();
        var serviceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } };
        if (retry is not null)
        {
            serviceConfig.MethodConfigs.Add(new MethodConfig { Names = { MethodName.Default }, RetryPolicy = retry });
        }
        return GrpcChannel.ForAddress($"static:///{body}", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure, // h2c, as YARP reaches the services; each call carries the caller's token
            ServiceConfig = serviceConfig,
            ServiceProvider = services,
            // A replica back from a restart rejoins the rotation within two seconds (the default backoff grows to two minutes).
            MaxReconnectBackoff = TimeSpan.FromSeconds(2),
            // One connection allows 100 concurrent streams; more calls open another rather than queue.
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            DisposeHttpClient = true,
        });
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values.Concat(_reads.Values))
        {
            channel.Dispose();
        }
    }
}
