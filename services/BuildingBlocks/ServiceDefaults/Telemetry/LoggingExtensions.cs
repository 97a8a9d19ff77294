using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Telemetry;

public static class LoggingExtensions
{
    public const string FormatKey = "Logging:Format";

    /// <summary>
    /// Console logs: JSON lines (one object per entry, UTC timestamps, with scopes) unless Logging:Format says "text";
    /// the default is text only in Development, so a production process logs JSON even if nobody set the format.
    /// Every entry written inside a trace carries its TraceId and SpanId (a scope), to find a request's lines
    /// from its trace and the other way round.
    /// Personal data from the personnel files (names, national IDs, birth dates) is never a log argument: log
    /// resource ids (a candidate's or a record's id), which only an authorized caller can resolve to a person.
    /// </summary>
    public static WebApplicationBuilder AddPlatformLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var format = builder.Configuration[FormatKey]?.ToLowerInvariant()
            ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        switch (format)
        {
            case "json":
                builder.Logging.ClearProviders();
                builder.Logging.AddJsonConsole(options =>
                {
                    options.IncludeScopes = true;
                    options.UseUtcTimestamp = true;
                    options.TimestampFormat = "O";
                });
                break;
            case "text":
                break; // the default console logger, readable at a terminal
            default:
                throw new InvalidOperationException($"{FormatKey} '{format}' is not one of json, text.");
        }
        return builder;
    }
}
