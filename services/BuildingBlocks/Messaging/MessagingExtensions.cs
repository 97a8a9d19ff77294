using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Messaging.Inbox;
using Platform.Messaging.Operations;
using Platform.Messaging.Outbox;
using Platform.Messaging.Validation;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Messaging;

public static class MessagingExtensions
{
    /// <summary>Declare the consumers' queues as quorum queues (replicated across a broker cluster).</summary>
    public const string QuorumQueuesKey = "Messaging:QuorumQueues";

    /// <summary>
    /// Wires reliable messaging for a service: MassTransit over RabbitMQ (ConnectionStrings:RabbitMq,
    /// an amqp:// URI), queues named "&lt;service&gt;-&lt;consumer&gt;", retries with exponential back-off and
    /// then the "_error" queue; and the outbox relay over the service's own database
    /// (ConnectionStrings:Database). With Messaging:QuorumQueues (off by default) the service's queues are
    /// declared as replicated quorum queues, for a clustered broker; a queue's type is fixed when it is first
    /// declared, so the switch is for a new broker (Kubernetes turns it on), not for one with classic queues.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TContext>(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? addConsumers = null)
        where TContext : DbContext
    {
        var rabbitMq = builder.Configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured.");
        var database = builder.ServiceConnectionString();

        var options = builder.Configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        var retry = builder.Configuration.GetSection(ConsumerRetryOptions.Section).Get<ConsumerRetryOptions>() ?? new ConsumerRetryOptions();
        var quorumQueues = builder.Configuration.GetValue<bool>(QuorumQueuesKey);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IOutboxStore, EfOutboxStore<TContext>>();
        builder.Services.AddSingleton<IOutboxPublisher, MassTransitOutboxPublisher>();
        builder.Services.AddSingleton<IOutboxSignal>(sp =>
            new PostgresOutboxSignal(database, sp.GetRequiredService<ILogger<PostgresOutboxSignal>>()));
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddHostedService<OutboxRelayService>();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<OutboxBacklogGauges<TContext>>();
        builder.Services.AddSingleton<IDeploymentStep, BrokerTopologyDeployment>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(InboxOptions.Section).Get<InboxOptions>() ?? new InboxOptions());
        builder.Services.AddSingleton<InboxCleanupService<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxCleanupService<TContext>>());
        var consumerQueues = new ConsumerQueues();
        builder.Services.AddSingleton(consumerQueues);
        builder.Services.AddSingleton(new ErrorQueueBrowser(rabbitMq));
        builder.Services.AddScoped<MessagingOperations<TContext>>();
        builder.Services.AddHostedService<ErrorQueueDepthGauge>();
        var faultSwitch = builder.Configuration[FaultSwitch.FileKey];
        if (!string.IsNullOrEmpty(faultSwitch) && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{FaultSwitch.FileKey} makes consumers fail on purpose; it is for Development and tests only.");
        }

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise reports its usage to its vendor over HTTPS some minutes after start: the
            // platform sends nothing outside (its NetworkPolicies allow no such egress).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            addConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((queue, _) => consumerQueues.Add(queue));
            if (quorumQueues)
            {
                bus.AddConfigureEndpointsCallback((_, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
                    {
                        rabbitEndpoint.SetQuorumQueue();
                    }
                });
            }
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(rabbitMq));
                // Transient failures (a lost race on a row version, a database restart) heal on retry;
                // what still fails goes to the endpoint's _error queue, never silently acknowledged.
                // An event no publisher could have sent fails alike on every try: straight to the error queue.
                rabbit.UseMessageRetry(policy =>
                {
                    policy.Ignore<InvalidIntegrationEventException>();
                    policy.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.IntervalDelta);
                });
                rabbit.UseConsumeFilter(typeof(IntegrationEventValidationFilter<>), context);
                if (!string.IsNullOrEmpty(faultSwitch))
                {
                    rabbit.UseFilter(new FaultSwitch(faultSwitch));
                }
                rabbit.ConfigureEndpoints(context);
            });
        });
        DeclareInboxCounters(builder.Services);
        return builder;
    }

    /// <summary>
    /// Makes the inbox counters of every consumer just registered exist from the start, at 0 (see <see cref="MessagingMetrics"/>):
    /// MassTransit registers each consumer type as a service of its own.
    /// </summary>
    private static void DeclareInboxCounters(IServiceCollection services)
    {
        foreach (var consumer in services.Select(service => service.ServiceType).Where(type => type is { IsAbstract: false, IsInterface: false }
                     && typeof(IConsumer).IsAssignableFrom(type)).Distinct())
        {
            if (Inbox.Inbox.NameOf(consumer) is { } name)
            {
                MessagingMetrics.DeclareConsumer(name);
            }
        }
    }
}
