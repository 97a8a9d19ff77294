using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Api.Security;

namespace Platform.Screens.Extensions;

public sealed class ScreensRateLimitOptions
{
    public const string Section = "Screens:RateLimit";

    /// <summary>Requests for the screens' pages per window, per signed-in person, else per address.</summary>
    public int PermitLimit { get; set; } = 300;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Each page calls the services: the pages are limited per signed-in person (else per address), apart from the API's
/// limits. Here rather than at the gateway, because only the screens can read their cookie and so know the person;
/// the gateway limits what one address sends to the screens (Gateway:RateLimit:ScreensAddressPermitLimit).
/// </summary>
public static class ScreensLimitsExtensions
{
    public const string Policy = "screens";

    public static WebApplicationBuilder AddScreensLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(ScreensRateLimitOptions.Section).Get<ScreensRateLimitOptions>() ?? new ScreensRateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The cookie scheme is the default: authentication has named the person before the limiter asks.
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(PlatformClaims.Subject)?.Value is { Length: > 0 } person ? "person:" + person : "address:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 }));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }
}
