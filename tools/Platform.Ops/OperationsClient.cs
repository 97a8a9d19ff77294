using Grpc.Core;
using Grpc.Net.Client;
using Platform.Contracts.Routing;
using Platform.Operations.V1;

namespace Platform.Ops;

/// <summary>
/// One body's messaging operations (platform.operations.v1.OperationsService) through the gateway's gRPC port, the
/// body named in the platform-body metadata, as that body's ops role (its token) with a deadline.
/// </summary>
public sealed class OperationsClient(CallInvoker invoker, string body, string token)
{
    public static IReadOnlyList<string> Bodies => BodyRouting.Bodies;

    private readonly OperationsService.OperationsServiceClient _api = new(invoker.ForBody(body));

    public string Body => body;

    public Task<ListErrorMessagesResponse> ListErrorMessagesAsync(ListErrorMessagesRequest request, CancellationToken cancellationToken = default) =>
        _api.ListErrorMessagesAsync(request, Options(cancellationToken)).ResponseAsync;

    public Task<RequeueErrorMessagesResponse> RequeueErrorMessagesAsync(RequeueErrorMessagesRequest request, CancellationToken cancellationToken = default) =>
        _api.RequeueErrorMessagesAsync(request, Options(cancellationToken)).ResponseAsync;

    public Task<MessagingStatus> GetMessagingStatusAsync(CancellationToken cancellationToken = default) =>
        _api.GetMessagingStatusAsync(new GetMessagingStatusRequest(), Options(cancellationToken)).ResponseAsync;

    public Task<TrimInboxResponse> TrimInboxAsync(TrimInboxRequest request, CancellationToken cancellationToken = default) =>
        _api.TrimInboxAsync(request, Options(cancellationToken)).ResponseAsync;

    private CallOptions Options(CancellationToken cancellationToken) =>
        new(new Metadata { { "Authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(60), cancellationToken);

    /// <summary>An access token for the client "&lt;body&gt;-ops" from the gateway's development issuer (client credentials).</summary>
    public static async Task<string> DevelopmentTokenAsync(HttpClient http, Uri gatewayHttp, string body, string secret, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(new Uri(gatewayHttp, "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = $"{body}-ops",
            ["client_secret"] = secret,
        }), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new OpsException($"The token endpoint refused {body}-ops: {(int)response.StatusCode} {text}");
        }
        using var json = System.Text.Json.JsonDocument.Parse(text);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public static GrpcChannel Channel(Uri gatewayGrpc) => GrpcChannel.ForAddress(gatewayGrpc);
}

public sealed class OpsException(string message) : Exception(message);
