using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Operations.V1;

namespace Platform.Ops;

/// <summary>
/// platform.&lt;body&gt;.v1.OperationsService of any one body, through the gateway's gRPC port (which routes by
/// package). The three bodies' definitions are identical (a unit test keeps them so), so one client serves them
/// all by naming the body's package.
/// </summary>
public sealed class OperationsClient(CallInvoker invoker, string body, string token)
{
    public static readonly IReadOnlyList<string> Bodies = ["organization", "home-affairs", "delegate-affairs"];

    public string Body => body;

    private string Service => $"platform.{body.Replace("-", "")}.v1.OperationsService";

    public Task<ListErrorMessagesResponse> ListErrorMessagesAsync(ListErrorMessagesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("ListErrorMessages", request, ListErrorMessagesResponse.Parser, cancellationToken);

    public Task<RequeueErrorMessagesResponse> RequeueErrorMessagesAsync(RequeueErrorMessagesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("RequeueErrorMessages", request, RequeueErrorMessagesResponse.Parser, cancellationToken);

    public Task<MessagingStatus> GetMessagingStatusAsync(CancellationToken cancellationToken = default) =>
        CallAsync("GetMessagingStatus", new GetMessagingStatusRequest(), MessagingStatus.Parser, cancellationToken);

    public Task<TrimInboxResponse> TrimInboxAsync(TrimInboxRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("TrimInbox", request, TrimInboxResponse.Parser, cancellationToken);

    private async Task<TResponse> CallAsync<TRequest, TResponse>(string name, TRequest request, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var method = new Method<TRequest, TResponse>(MethodType.Unary, Service, name,
            Marshallers.Create<TRequest>(m => m.ToByteArray(), _ => throw new NotSupportedException("requests are only sent")),
            Marshallers.Create<TResponse>(_ => throw new NotSupportedException("responses are only received"), parser.ParseFrom));
        var headers = new Metadata { { "Authorization", $"Bearer {token}" } };
        return await invoker.AsyncUnaryCall(method, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(60), cancellationToken), request);
    }

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
