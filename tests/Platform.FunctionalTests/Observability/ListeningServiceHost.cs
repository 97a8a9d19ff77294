using Microsoft.EntityFrameworkCore;
using Platform.Testing;

namespace Platform.FunctionalTests.Observability;

/// <summary>
/// A service hosted in process like <see cref="ServiceHost{TContext}"/>, but on real loopback ports (Kestrel: h2c gRPC
/// and HTTP/1.1, as in production) so that a gateway in the same process reaches it through sockets, with the trace
/// context travelling in real headers; and on the broker's <paramref name="rabbitMqUrl"/>, shared with the other
/// services of the test, so their events flow between them.
/// </summary>
public sealed class ListeningServiceHost<TContext>(string rabbitMqUrl, params (string Key, string Value)[] settings)
    : ServiceHost<TContext> where TContext : DbContext
{
    private readonly int _grpcPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();

    /// <summary>The shared virtual host this service consumes from (not the one of its own the base host also makes).</summary>
    public new string RabbitMqUrl => rabbitMqUrl;

    public Uri GrpcUrl => new($"http://127.0.0.1:{_grpcPort}");

    /// <summary>The HTTP/1.1 port: probes and the Prometheus scrape.</summary>
    public Uri HttpUrl => new($"http://127.0.0.1:{_httpPort}");

    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Kestrel:Endpoints:Grpc:Url", GrpcUrl.ToString()),
        ("Kestrel:Endpoints:Http:Url", HttpUrl.ToString()),
        ("ConnectionStrings:RabbitMq", rabbitMqUrl),
        .. settings,
    ];

    protected override Uri GrpcAddress => GrpcUrl;

    protected override HttpMessageHandler CreateGrpcHandler() => new SocketsHttpHandler();

    public ListeningServiceHost<TContext> Listening()
    {
        UseKestrel();
        return this;
    }
}
