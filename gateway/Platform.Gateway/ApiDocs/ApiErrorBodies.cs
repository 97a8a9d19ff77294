using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Diagnostics;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// The errors the gateway answers itself on the JSON API (401 without a valid token, 403, 413 too large, 415, 429
/// over the rate limit, …) carry the same body as the services' transcoded errors, a google.rpc.Status in JSON
/// ({"code": 16, "message": "…", "details": []}), which the OpenAPI document declares as
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
        var (code, message) = http.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => (3, "The request is invalid."), // INVALID_ARGUMENT
            StatusCodes.Status401Unauthorized => (16, "A valid access token is required: send it as Authorization: Bearer."), // UNAUTHENTICATED
            StatusCodes.Status403Forbidden => (7, "The access token does not allow this request."), // PERMISSION_DENIED
            StatusCodes.Status404NotFound => (5, "No such route."), // NOT_FOUND
            StatusCodes.Status405MethodNotAllowed => (12, "The route does not take this HTTP method."), // UNIMPLEMENTED
            StatusCodes.Status413PayloadTooLarge => (8, "The request body is larger than the gateway's limit."), // RESOURCE_EXHAUSTED
            StatusCodes.Status415UnsupportedMediaType => (3, "gRPC needs HTTP/2: call the gRPC port of the gateway."), // INVALID_ARGUMENT
            StatusCodes.Status429TooManyRequests => (8, "Too many requests: wait for Retry-After seconds."), // RESOURCE_EXHAUSTED
            StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable => (14, "The service is unavailable; retry later."), // UNAVAILABLE
            StatusCodes.Status504GatewayTimeout => (4, "The service did not answer in time."), // DEADLINE_EXCEEDED
            _ => (2, "The request failed."), // UNKNOWN
        };
        var body = new JsonObject { ["code"] = code, ["message"] = message, ["details"] = new JsonArray() };
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
