using Grpc.Core;
using Platform.Api.Errors;

namespace Platform.Gateway.Extensions;

/// <summary>
/// What the gateway answers a gRPC call it refuses itself (no token, over a limit): a gRPC status in a trailers-only
/// response, as a gRPC server would, not a bare HTTP status that every gRPC client has to guess a status from.
/// </summary>
public static class GrpcAnswers
{
    public static bool IsGrpc(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    /// <summary>
    /// HTTP 200 with content-type application/grpc and grpc-status in the only headers, nothing after them; the
    /// status's ErrorInfo (<paramref name="reason"/>, domain "gateway") in grpc-status-details-bin.
    /// </summary>
    public static void Write(HttpContext context, StatusCode status, string reason, string message, params (string Key, string Value)[] metadata) =>
        Refusals.WriteTrailersOnly(context, GatewayErrors.Status((Google.Rpc.Code)(int)status, reason, message, metadata));
}
