using Google.Rpc;
using Microsoft.AspNetCore.Diagnostics;
using Platform.Contracts.Errors;
using Platform.Gateway.Extensions;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// The errors the gateway answers itself on the JSON API (401 without a valid token, 403, 413 too large, 415, 429
/// over the rate limit, …) carry the same body as the services' transcoded errors, a google.rpc.Status in JSON
/// ({"code": 16, "message": "…", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "ACCESS_TOKEN_REQUIRED", …}]}), which the OpenAPI document declares as
/// <see cref="OpenApiDocumentBuilder.ErrorSchema"/>. Headers set by whoever answered (WWW-Authenticate, Retry-After)
/// stay. Only answers without a body get one: a service's own error passes through as it is.
/// </summary>
public static class ApiErrorBodies
{
    public static IApplicationBuilder UseApiErrorBodies(this IApplicationBuilder app) => app.UseStatusCodePages(WriteAsync);

    private static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Features.Get<Yarp.ReverseProxy.Forwarder.IForwarderErrorFeature>() is not null)
        {
            // The proxy failed mid-call (a request body the service stopped reading, a reset): answered as YARP leaves it.
            // Writing a body there raced Kestrel's close of the connection, whose request body could not be drained,
            // and the client got a cut answer (the JSON fuzzer's "response ended prematurely").
            return Task.CompletedTask;
        }
        var grpc = http.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;
        // The JSON API; and a gRPC call sent over HTTP/1.1 (refused with 415: the caller reads no trailers there).
        // A gRPC call over HTTP/2 gets its status in trailers, never a JSON body; the screens' pages are HTML.
        if (!(http.Request.Path.StartsWithSegments("/api") || grpc && !HttpProtocol.IsHttp2(http.Request.Protocol)))
        {
            return Task.CompletedTask;
        }
        var (code, reason, message) = http.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => (Code.InvalidArgument, ErrorReasons.MalformedRequest, "The request is invalid."),
            StatusCodes.Status401Unauthorized => (Code.Unauthenticated, ErrorReasons.AccessTokenRequired, "A valid access token is required: send it as Authorization: Bearer."),
            StatusCodes.Status403Forbidden => (Code.PermissionDenied, ErrorReasons.TokenNotAllowed, "The access token does not allow this request."),
            StatusCodes.Status404NotFound => (Code.NotFound, ErrorReasons.RouteNotFound, "No such route."),
            StatusCodes.Status405MethodNotAllowed => (Code.Unimplemented, ErrorReasons.RouteNotFound, "The route does not take this HTTP method."),
            StatusCodes.Status413PayloadTooLarge => (Code.ResourceExhausted, ErrorReasons.RequestTooLarge, "The request body is larger than the gateway's limit."),
            StatusCodes.Status415UnsupportedMediaType => (Code.InvalidArgument, ErrorReasons.MalformedRequest, "gRPC needs HTTP/2: call the gRPC port of the gateway."),
            StatusCodes.Status429TooManyRequests => (Code.ResourceExhausted, ErrorReasons.RateLimited, "Too many requests: wait for Retry-After seconds."),
            StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable => (Code.Unavailable, ErrorReasons.ServiceUnavailable, "The service is unavailable; retry later."),
            StatusCodes.Status504GatewayTimeout => (Code.DeadlineExceeded, ErrorReasons.ServiceUnavailable, "The service did not answer in time."),
            _ => (Code.Unknown, ErrorReasons.InternalError, "The request failed."),
        };
        var body = GatewayErrors.Json(GatewayErrors.Status(code, reason, message));
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
