using Google.Rpc;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.Auditing;
using Platform.Api.Errors;
using Platform.Api.Security;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Health checks with this tag decide readiness (HTTP /health/ready and the gRPC health service).
    /// The broker is deliberately not among them: thanks to the outbox a service keeps serving while it is down.
    /// </summary>
    public const string ReadyTag = "platform-ready";

    /// <summary>
    /// Logging, tracing, metrics, token validation, health checks and the gRPC stack (error mapping, access
    /// rules, JSON transcoding, reflection, health service) that every service of the platform runs
    /// with. <paramref name="serviceName"/> is also the body the service belongs to.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddPlatformTelemetry(serviceName);
        builder.AddPlatformAuthentication();
        // No "Server: Kestrel": nothing for a caller to learn, through the gateway or directly.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddSingleton<IStartupFilter, UnreadBodyDrain.StartupFilter>(); // no answer ends before its request's body

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ServiceIdentity(serviceName));
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddScoped<AuditingInterceptor>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() ?? new ShutdownOptions());
        builder.Services.AddSingleton<ShutdownDrain>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ShutdownDrain>());
        builder.Services.AddHealthChecks().AddCheck<ShutdownDrain>("shutdown", tags: [ReadyTag]);
        builder.Services.AddGrpc(options =>
            {
                options.Interceptors.Add<ErrorMappingInterceptor>();
                options.Interceptors.Add<AccessRuleInterceptor>();
                options.Interceptors.Add<UnstorableTextInterceptor>();
            })
            .AddJsonTranscoding(options =>
            {
                // Without the rich-error types in the registry, transcoded errors with details become 500s.
                options.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor);
                // proto3's JSON mapping: 64-bit integers (revision, sequence) as strings, as the OpenAPI document says
                // and as the gateway's own routes write them; a JavaScript number cannot hold every int64.
                options.JsonSettings.WriteInt64sAsStrings = true;
            });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(options =>
            options.Services.Map("", registration => registration.Tags.Contains(ReadyTag)));
        return builder;
    }

    /// <summary>
    /// Maps the gRPC health service and reflection, and the HTTP probes: /health/live answers while
    /// the process runs; /health/ready only when the checks tagged <see cref="ReadyTag"/> pass.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseMiddleware<TranscodedErrorInfo>(); // the transcoder's own JSON errors get an ErrorInfo reason like ours
        app.UseMiddleware<MalformedGrpcRequestMiddleware>(); // bytes that are no message: InvalidArgument naming the field, not Unknown
        // Probes answer without a token; everything else (reflection included) needs one.
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapPlatformMetrics();
        return app;
    }
}
