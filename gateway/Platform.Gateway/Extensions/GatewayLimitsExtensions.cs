using System.Buffers;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Contracts.Errors;
using Platform.Api.Security;

namespace Platform.Gateway.Extensions;

public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimit";

    /// <summary>
    /// Requests one caller may make per window: a person (the token's subject), an app calling as itself (its client
    /// id), else an address. More get 429 with Retry-After.
    /// </summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>
    /// Requests all the people signed in through one client (everyone on the screens, say) may make together per
    /// window, on top of each person's own <see cref="PermitLimit"/>: one client cannot flood the services.
    /// </summary>
    public int ClientPermitLimit { get; set; } = 6000;

    /// <summary>
    /// Requests one address may send to the screens per window, whoever is signed in there. The screens limit each
    /// person themselves (Screens:RateLimit:PermitLimit, 300), since only they read their cookie; the people of an
    /// office share its address, so this is well above one person's limit: it stops a flood before the screens.
    /// </summary>
    public int ScreensAddressPermitLimit { get; set; } = 3000;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class GatewayLimitsExtensions
{
    /// <summary>
    /// The rate limit of the API routes (proxied, joint planning, reflection, docs), referred to by the proxy routes:
    /// per caller (<see cref="RateLimitOptions.PermitLimit"/>) and, for a person, also per client
    /// (<see cref="RateLimitOptions.ClientPermitLimit"/>); a request needs a permit from both. The name is older
    /// than the per-person limit and stays, as the routes' configuration names it.
    /// </summary>
    public const string PerClientPolicy = "per-client";

    /// <summary>The rate limit of the route to the screens (gateway/Platform.Screens): per address.</summary>
    public const string ScreensPolicy = "screens";

    /// <summary>
    /// Rate limits (per person and client, per address sending to the screens), per-route timeouts, and a request body limit
    /// (Gateway:MaxRequestBodyBytes): too large is 413.
    /// </summary>
    public static WebApplicationBuilder AddGatewayLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        var callerWindow = new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0, AutoReplenishment = false };
        // Shared by all the people of one client, whichever of their limiters asks.
        var clients = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ClientPermitLimit, Window = limits.Window, QueueLimit = 0 }));
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PerClientPolicy, context => CallerOf(context.User, context.Connection.RemoteIpAddress) switch
            {
                { Client: null } caller => RateLimitPartition.GetFixedWindowLimiter(caller, _ => callerWindow),
                var person => new RateLimitPartition<Caller>(person, key => new PersonAndClientLimiter(new FixedWindowRateLimiter(callerWindow), clients, key.Client!)),
            });
            options.AddPolicy(ScreensPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                "address:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ScreensAddressPermitLimit, Window = limits.Window, QueueLimit = 0 }));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                if (GrpcAnswers.IsGrpc(context.HttpContext))
                {
                    GrpcAnswers.Write(context.HttpContext, Grpc.Core.StatusCode.ResourceExhausted, ErrorReasons.RateLimited, "Too many requests: try again after Retry-After seconds.");
                }
                return ValueTask.CompletedTask;
            };
        });
        builder.Services.AddRequestTimeouts();
        var maxBody = builder.Configuration.GetValue<long?>("Gateway:MaxRequestBodyBytes") ?? 1024 * 1024;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
        return builder;
    }

    /// <summary>
    /// Whose permits a request takes: a person's own (and <see cref="Caller.Client"/>'s, shared with everyone signed in
    /// through it); an app's, when the token's subject is its client (client credentials); else its address's.
    /// </summary>
    public static Caller CallerOf(ClaimsPrincipal user, System.Net.IPAddress? address)
    {
        var subject = user.FindFirst(PlatformClaims.Subject)?.Value;
        var client = user.FindFirst(PlatformClaims.ClientId)?.Value;
        return (subject, client) switch
        {
            ({ Length: > 0 }, _) when subject != client => new Caller("person:" + subject, string.IsNullOrEmpty(client) ? null : client),
            (_, { Length: > 0 }) => new Caller("client:" + client, null),
            ({ Length: > 0 }, _) => new Caller("client:" + subject, null),
            _ => new Caller("address:" + (address?.ToString() ?? "unknown"), null),
        };
    }

    /// <summary>Whose own window a request counts in, and the client whose shared window it also counts in (people only).</summary>
    public readonly record struct Caller(string Key, string? Client);

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
        if (limit is not null && GrpcAnswers.IsGrpc(context)
            && HttpProtocol.IsHttp2(context.Request.Protocol)
            && await GrpcMessageLengthAsync(context.Request.BodyReader, context.RequestAborted) + GrpcHeaderLength > limit)
        {
            // A gRPC body has no declared length: the limit would only break the upload halfway, which the caller sees as
            // Unavailable (a 502 from the proxy). The message's own length prefix tells it first: ResourceExhausted.
            GrpcAnswers.Write(context, Grpc.Core.StatusCode.ResourceExhausted, ErrorReasons.RequestTooLarge, $"The request is larger than the gateway's limit of {limit} bytes.", ("maxBytes", limit.Value.ToString(CultureInfo.InvariantCulture)));
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
        if (GrpcAnswers.IsGrpc(context) && !HttpProtocol.IsHttp2(context.Request.Protocol))
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

    /// <summary>
    /// Headers that keep browsers from sniffing, framing or leaking the screens (not added to gRPC): on every answer the
    /// gateway gives or passes on, the screens' pages included (gateway/Platform.Screens sends none of them, since YARP
    /// would join its values to these).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!GrpcAnswers.IsGrpc(context))
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
