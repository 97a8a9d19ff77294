using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Grpc.Net.Client;

namespace Platform.SeedLoader;

/// <summary>
/// The platform as the loader reaches it: the gateway's token endpoint (HTTP/1.1) for each body's editor token
/// (client credentials "&lt;body&gt;-editor", the development issuer's), and its gRPC port (h2c), which routes
/// platform.&lt;body&gt;.v1 calls to that body's service.
/// </summary>
internal sealed class Gateway : IDisposable
{
    private const string DevelopmentSecret = "dev-secret";

    private readonly GrpcChannel _channel;
    private readonly Dictionary<string, string> _tokens;
    private readonly Dictionary<string, JointPlanningClient> _editors;

    private Gateway(GrpcChannel channel, Dictionary<string, string> tokens)
    {
        (_channel, _tokens) = (channel, tokens);
        var invoker = channel.CreateCallInvoker();
        _editors = tokens.ToDictionary(t => t.Key, t => new JointPlanningClient(t.Key, invoker, t.Value));
    }

    /// <summary>The body's own service, called as its editor: the only way that body writes.</summary>
    public JointPlanningClient EditorOf(string body) => _editors[body];

    /// <summary>The gateway's gRPC channel, for the generated clients.</summary>
    public GrpcChannel Channel => _channel;

    /// <summary>Call options as the body's editor, with a deadline.</summary>
    public Grpc.Core.CallOptions AsEditorOf(string body, CancellationToken cancellationToken) =>
        new(new Grpc.Core.Metadata { { "Authorization", $"Bearer {_tokens[body]}" } }, DateTime.UtcNow.AddSeconds(30), cancellationToken);

    public static async Task<Gateway> ConnectAsync(SeedLoaderOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var tokens = new Dictionary<string, string>();
        foreach (var body in Bodies.All)
        {
            tokens[body] = await TokenAsync(http, new Uri(options.GatewayHttp, "connect/token"), $"{body}-editor", cancellationToken);
        }
        return new Gateway(GrpcChannel.ForAddress(options.GatewayGrpc), tokens);
    }

    private static async Task<string> TokenAsync(HttpClient http, Uri endpoint, string clientId, CancellationToken cancellationToken)
    {
        var where = $"{endpoint} for {clientId}";
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = DevelopmentSecret,
            }), cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new SeedLoaderException($"No answer from {where}: {error.Message}. Is the gateway running (in Development)?", error);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new SeedLoaderException($"{where} answered {(int)response.StatusCode} {response.ReasonPhrase}: {body}");
            }
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            return token?.AccessToken is { Length: > 0 } accessToken
                ? accessToken
                : throw new SeedLoaderException($"{where} answered without an access_token.");
        }
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string? AccessToken);

    public void Dispose() => _channel.Dispose();
}
