using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.JointPlanning.Grpc;
using Platform.JointPlanning.Infrastructure;
using Platform.JointPlanning.IntegrationEvents;

namespace Platform.JointPlanning;

public static class JointPlanningExtensions
{
    /// <summary>
    /// Joint planning over the service's own database <typeparamref name="TContext"/> (whose model calls
    /// <see cref="JointPlanningModel.AddJointPlanning"/>): the API parts, the process steps and the deadline
    /// sweep. Bridge-point sites come from <typeparamref name="TSites"/>. Add the consumers with
    /// <see cref="AddJointPlanningConsumers{TContext}"/> where the service adds its others.
    /// </summary>
    public static IHostApplicationBuilder AddJointPlanning<TContext, TSites>(this IHostApplicationBuilder builder)
        where TContext : DbContext
        where TSites : class, IBridgePointSites
    {
        var options = builder.Configuration.GetSection(JointPlanningOptions.Section).Get<JointPlanningOptions>() ?? new JointPlanningOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<IBridgePointSites, TSites>();
        builder.Services.AddScoped(sp => Create<ConferenceProcess, TContext>(sp));
        builder.Services.AddScoped(sp => Create<ConferenceApi, TContext>(sp));
        builder.Services.AddScoped(sp => Create<ParticipationApi, TContext>(sp));
        builder.Services.AddScoped(sp => Create<JointTaskApi, TContext>(sp));
        builder.Services.AddSingleton<JointPlanningSweep<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JointPlanningSweep<TContext>>());
        builder.Services.AddSingleton<IHostedService, JointPlanningGauges<TContext>>(); // conferences by status and readiness
        return builder;
    }

    /// <summary>The queues "&lt;service&gt;-joint-conference-announcements", "-joint-participation-changed" and "-joint-task-states".</summary>
    public static void AddJointPlanningConsumers<TContext>(this IBusRegistrationConfigurator bus, string serviceName) where TContext : DbContext
    {
        bus.AddConsumer<ConferenceAnnouncementsConsumer<TContext>>().Endpoint(e => e.Name = $"{serviceName}-joint-conference-announcements");
        bus.AddConsumer<ParticipationChangedConsumer<TContext>>().Endpoint(e => e.Name = $"{serviceName}-joint-participation-changed");
        bus.AddConsumer<TaskStatesConsumer<TContext>>().Endpoint(e => e.Name = $"{serviceName}-joint-task-states");
    }

    // The parts take the service's DbContext as the base type: they are written once for the three services.
    private static T Create<T, TContext>(IServiceProvider services) where TContext : DbContext =>
        ActivatorUtilities.CreateInstance<T>(services, services.GetRequiredService<TContext>());
}
