using System.Buffers;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Extensions;

public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimit";

    /// <summary>Requests one client may make per window; more get 429 with Retry-After.</summary>
    public int PermitLimit { get; set; } = 600;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class GatewayLimitsExtensions
{
    /// <summary>The name of the per-client rate limit, referred to by the proxy routes.</summary>
    public const string PerClientPolicy = "per-client";

    /// <summary>
    /// Rate limits per client (the token's client, else the caller's address), per-route timeouts, and
    /// a request body limit (Gateway:MaxRequestBodyBytes): too large is 413.
    /// </summary>
    public static WebApplicationBuilder AddGatewayLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PerClientPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(PlatformClaims.ClientId)?.Value
                    ?? context.User.FindFirst(PlatformClaims.Subject)?.Value
                    ?? context.Connection.RemoteIpAddress?.ToString()
                    ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 }));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        builder.Services.AddRequestTimeouts();
        var maxBody = builder.Configuration.GetValue<long?>("Gateway:MaxRequestBodyBytes") ?? 1024 * 1024;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
        return builder;
    }

    /// <summary>
    /// Refuses a declared body over Kestrel's limit with 413 before proxying, and a gRPC message over it with
    /// ResourceExhausted: the limit would otherwise surface only as the proxy's failure to read the body, a 400
    /// (or for gRPC a 502, Unavailable) that tells the client nothing.
    /// </summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is not null && context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (limit is not null && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true
            && HttpProtocol.IsHttp2(context.Request.Protocol)
            && await GrpcMessageLengthAsync(context.Request.BodyReader, context.RequestAborted) + GrpcHeaderLength > limit)
        {
            // A gRPC body has no declared length: the limit would only break the upload halfway, which the caller sees as
            // Unavailable (a 502 from the proxy). The message's own length prefix tells it first: ResourceExhausted.
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "8";
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString($"The request is larger than the gateway's limit of {limit} bytes.");
            return;
        }
        await next();
    });

    /// <summary>
    /// gRPC needs HTTP/2: a request that says application/grpc over HTTP/1.1 (the JSON port) is no gRPC call, and
    /// proxied it would come back as a 200 with an empty body and the status hidden in a header. 415 instead.
    /// </summary>
    public static IApplicationBuilder UseGrpcOnlyOverHttp2(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true
            && !HttpProtocol.IsHttp2(context.Request.Protocol))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }
        return next();
    });

    private const int GrpcHeaderLength = 5;

    /// <summary>The length prefix of the first gRPC message, read without consuming anything (0 if the body ends first).</summary>
    private static async Task<long> GrpcMessageLengthAsync(System.IO.Pipelines.PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            if (read.Buffer.Length >= GrpcHeaderLength || read.IsCompleted || read.IsCanceled)
            {
                var header = read.Buffer.Length >= GrpcHeaderLength ? read.Buffer.Slice(0, GrpcHeaderLength).ToArray() : null;
                body.AdvanceTo(read.Buffer.Start);
                return header is null ? 0 : System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
            }
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>Headers that keep browsers from sniffing, framing or leaking the screens (not added to gRPC).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; form-action 'self'";
        }
        return next();
    });
}
