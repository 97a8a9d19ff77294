using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.JointPlanning.Reads;

public static class JointPlanningReadsExtensions
{
    /// <summary>
    /// The channels to each body's replicas, read from <paramref name="destinations"/> (a format with "{0}" for the
    /// body, e.g. "ReverseProxy:Clusters:{0}:Destinations" in the gateway, whose proxy routes list the same replicas),
    /// the joint-planning clients over them and the factory of one request's calls (JointPlanning:CallTimeout).
    /// </summary>
    public static IServiceCollection AddJointPlanningReads(this IServiceCollection services, string destinations)
    {
        services.AddOptions<JointPlanningOptions>().BindConfiguration(JointPlanningOptions.Section);
        services.TryAddSingleton(provider => new ServiceChannels(provider.GetRequiredService<IConfiguration>(), destinations));
        services.TryAddSingleton<JointPlanningClients>();
        services.TryAddSingleton<JointPlanningCallsFactory>();
        return services;
    }
}
