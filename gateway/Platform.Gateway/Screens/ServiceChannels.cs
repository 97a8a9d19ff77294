using Grpc.Net.Client;

namespace Platform.Gateway.Screens;

/// <summary>
/// One gRPC channel per body's service, created once, to the address YARP proxies that body to
/// (ReverseProxy:Clusters:&lt;body&gt;:Destinations; an http:// address is h2c with prior knowledge, as YARP uses it),
/// for the gateway's own calls: the joint-planning reads and the screens, each made with the caller's own token.
/// </summary>
public sealed class ServiceChannels : IDisposable
{
    public static readonly IReadOnlyList<string> Bodies = ["organization", "home-affairs", "delegate-affairs"];

    private readonly Dictionary<string, GrpcChannel> _channels = [];

    public ServiceChannels(IConfiguration configuration)
    {
        foreach (var body in Bodies)
        {
            var address = configuration.GetSection($"ReverseProxy:Clusters:{body}:Destinations").GetChildren()
                .Select(destination => destination["Address"])
                .FirstOrDefault(a => !string.IsNullOrEmpty(a))
                ?? throw new InvalidOperationException($"No address for '{body}' under ReverseProxy:Clusters:{body}:Destinations.");
            _channels[body] = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                // One connection allows 100 concurrent streams; more calls open another rather than queue.
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
                DisposeHttpClient = true,
            });
        }
    }

    public GrpcChannel this[string body] => _channels[body];

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
