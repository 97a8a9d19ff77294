using Grpc.Net.Client;

namespace Platform.Gateway.Screens;

/// <summary>
/// One gRPC channel per body's service, to the address YARP proxies that body to, for the screens' own calls
/// (each made with the signed-in person's access token: the services decide what that person may do).
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
