using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Platform.Contracts.Routing;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// A gRPC call answers HTTP 200 whatever its outcome; its status is the grpc-status trailer (or header, for a
/// trailers-only answer). This middleware adds it, and the method, to the request's http.server.request.duration,
/// so rate, errors and duration can be read per RPC — through the gateway too, whose YARP routes match a whole
/// package. The method is only added when a service answered the call (not UNIMPLEMENTED), so a caller inventing
/// paths cannot grow the number of series.
/// </summary>
internal sealed class GrpcStatusMetricTags(RequestDelegate next)
{
    private const string Unimplemented = "12";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true
            || context.Features.Get<IHttpMetricsTagsFeature>() is not { } tags)
        {
            return;
        }
        var status = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].ToString();
        if (string.IsNullOrEmpty(status))
        {
            status = context.Response.Headers["grpc-status"].ToString();
        }
        if (string.IsNullOrEmpty(status))
        {
            return; // refused before any service answered (e.g. 401 at the gateway): the HTTP status says it
        }
        tags.Tags.Add(new("rpc.grpc.status_code", status));
        if (status != Unimplemented)
        {
            tags.Tags.Add(new("rpc.method", context.Request.Path.Value));
        }
        // A shared service's path is the same for the three bodies; the body it addressed tells them apart (one of
        // three values: nothing else is added).
        var body = context.Request.Headers[BodyRouting.Header].ToString();
        if (BodyRouting.Bodies.Contains(body))
        {
            tags.Tags.Add(new("platform.body", body));
        }
    }
}
