using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Gateway.Screens;
using Platform.Gateway.Extensions;

namespace Platform.Gateway.JointPlanning;

/// <summary>
/// The screens' reads across the three bodies: a small backend-for-frontend beside YARP, since aggregation is not
/// the proxy's job. Like the proxied routes it needs a valid token and is rate-limited per client.
/// </summary>
public static class JointPlanningApi
{
    public static IEndpointRouteBuilder MapJointPlanningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/joint-planning/v1")
            .RequireAuthorization()
            .RequireRateLimiting(GatewayLimitsExtensions.PerClientPolicy);
        api.MapGet("/conferences/{id}", JointPlanEndpoint.GetAsync);
        api.MapGet("/conferences", JointPlanningListEndpoints.ListConferencesAsync);
        api.MapGet("/tasks", JointPlanningListEndpoints.ListTasksAsync);
        return app;
    }

    public static WebApplicationBuilder AddJointPlanning(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JointPlanningOptions>().BindConfiguration(JointPlanningOptions.Section);
        services.TryAddSingleton<ServiceChannels>();
        services.AddSingleton<JointPlanningClients>();
        services.AddSingleton<JointPlanningCallsFactory>();
        services.AddHttpContextAccessor();
        services.AddScoped(provider =>
        {
            var http = provider.GetRequiredService<IHttpContextAccessor>().HttpContext
                ?? throw new InvalidOperationException("Joint planning calls are made for a request.");
            return provider.GetRequiredService<JointPlanningCallsFactory>()
                .Create(http.Request.Headers.Authorization.ToString(), http.RequestAborted);
        });
        return builder;
    }
}
