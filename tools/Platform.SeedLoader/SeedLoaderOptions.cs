using System.Net;

namespace Platform.SeedLoader;

/// <summary>
/// Where the gateway is: its HTTP/1.1 address (tokens, JSON) and its gRPC (h2c) address; and the slug of the
/// conference's id (the seed's own by default; tests load the same scenario under ids of their own).
/// </summary>
public sealed record SeedLoaderOptions(Uri GatewayHttp, Uri GatewayGrpc, string Slug = SeedConference.Slug)
{
    public const string Usage = "usage: Platform.SeedLoader [--gateway-http URL] [--gateway-grpc URL] [--slug SLUG]";

    public static SeedLoaderOptions Default { get; } = new(new Uri("http://127.0.0.1:8080/"), new Uri("http://127.0.0.1:8081/"));

    /// <summary>Reads --gateway-http and --gateway-grpc; anything else is a usage error (ArgumentException).</summary>
    public static SeedLoaderOptions Parse(IReadOnlyList<string> args)
    {
        var options = Default;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            options = args[i] switch
            {
                "--gateway-http" => options with { GatewayHttp = Address(args[i], value) },
                "--gateway-grpc" => options with { GatewayGrpc = Address(args[i], value) },
                "--slug" => options with { Slug = value ?? throw new ArgumentException($"--slug needs a value\n{Usage}") },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'\n{Usage}"),
            };
            i++;
        }
        return options;
    }

    /// <summary>The conference as the screens' JSON API shows it, at the gateway ("localhost" for a loopback address).</summary>
    public Uri ConferenceUrl(string conferenceId)
    {
        var gateway = new UriBuilder(GatewayHttp);
        if (IPAddress.TryParse(gateway.Host, out var address) && IPAddress.IsLoopback(address))
        {
            gateway.Host = "localhost";
        }
        return new Uri(gateway.Uri, $"api/joint-planning/v1/conferences/{conferenceId}");
    }

    private static Uri Address(string name, string? value)
    {
        if (value is null || !Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"{name} needs an http:// or https:// address, e.g. http://127.0.0.1:8080\n{Usage}");
        }
        return uri;
    }
}
