using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    public const string ExporterKey = "OpenTelemetry:Exporter";

    /// <summary>The Prometheus scrape endpoint of every process, on its HTTP/1.1 port.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Structured logs, traces and metrics for a process of the platform (a service or the gateway).
    /// Spans are always recorded, so that trace ids reach the logs, the outbox rows and the message headers
    /// whatever the exporter; OpenTelemetry:Exporter chooses where they go: "otlp" (the standard OTEL_EXPORTER_OTLP_*
    /// variables), "console", or "none" (the default). Metrics are always collected, for the Prometheus scrape of
    /// <see cref="MapPlatformMetrics"/>, and also pushed over OTLP when that is the exporter.
    /// </summary>
    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddPlatformLogging();
        var exporter = builder.Configuration[ExporterKey]?.ToLowerInvariant() ?? "none";
        if (exporter is not ("none" or "otlp" or "console"))
        {
            throw new InvalidOperationException($"{ExporterKey} '{exporter}' is not one of none, console, otlp.");
        }
        builder.Services.TryAddSingleton(builder.Configuration.GetSection(GaugeOptions.Section).Get<GaugeOptions>() ?? new GaugeOptions());
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new BackgroundQuerySampler()))
                    .AddAspNetCoreInstrumentation(options => options.Filter = IsTraced)
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource([.. PlatformTelemetry.ActivitySources])
                    .AddProcessor(new PersonalDataRedaction());
                _ = exporter switch
                {
                    "otlp" => tracing.AddOtlpExporter(),
                    "console" => tracing.AddConsoleExporter(),
                    _ => tracing,
                };
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter([.. PlatformTelemetry.Meters])
                    .AddPrometheusExporter();
                if (exporter == "otlp")
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    /// <summary>
    /// Maps <see cref="MetricsPath"/> for Prometheus, without a token (scrapers have none; the figures name no person).
    /// Each request also gets its gRPC status as a tag of http.server.request.duration, so errors are counted per RPC.
    /// With <paramref name="refuseForwarded"/> (the gateway, whose HTTP port is public behind the ingress) a request that
    /// came through a proxy — it carries X-Forwarded-For or Forwarded — is answered 404: Prometheus scrapes the pod
    /// directly, the public never sees the figures.
    /// </summary>
    public static WebApplication MapPlatformMetrics(this WebApplication app, bool refuseForwarded = false)
    {
        app.UseMiddleware<GrpcStatusMetricTags>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch =>
            {
                if (refuseForwarded)
                {
                    branch.Use((context, next) => IsForwarded(context.Request)
                        ? Results.NotFound().ExecuteAsync(context)
                        : next(context));
                }
            }, optionsName: null)
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }

    private static bool IsForwarded(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded")
        // From a known proxy the forwarded-headers middleware has already taken X-Forwarded-For, leaving X-Original-For.
        || request.Headers.ContainsKey("X-Original-For");

    /// <summary>Probes and scrapes are not worth a trace each: they would drown the requests people make.</summary>
    private static bool IsTraced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments(MetricsPath)
        && !context.Request.Path.StartsWithSegments("/health")
        && !context.Request.Path.StartsWithSegments("/healthz")
        && !context.Request.Path.StartsWithSegments("/grpc.health.v1.Health");
}
