using Platform.Gateway.Extensions;
using Platform.JointPlanning.Reads;

namespace Platform.Gateway.JointPlanning;

/// <summary>
/// The joint-planning reads across the three bodies as JSON (gateway/Platform.JointPlanning.Reads, which the screens
/// use too): small endpoints beside YARP, since aggregation is not the proxy's job. Like the proxied routes they need
/// a valid token and are rate-limited per client.
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
        // The replicas YARP proxies each body to.
        services.AddJointPlanningReads("ReverseProxy:Clusters:{0}:Destinations");
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
