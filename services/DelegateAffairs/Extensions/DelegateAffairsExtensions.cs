using Platform.ReferenceData;
using Platform.Messaging.Operations;
using Platform.JointPlanning.Grpc;
using Platform.Auditing;
using Platform.Api.Versions;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning;
using Platform.JointPlanning.Infrastructure;
using Platform.DelegateAffairs.Grpc;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.Infrastructure.Seed;
using Platform.DelegateAffairs.IntegrationEvents;
using Platform.Messaging;
using Platform.Messaging.Inbox;
using Platform.ServiceDefaults.Hosting;

namespace Platform.DelegateAffairs.Extensions;

public static class DelegateAffairsExtensions
{
    public const string ServiceName = "delegate-affairs";

    public static WebApplicationBuilder AddDelegateAffairs(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(ServiceName);
        builder.AddServiceDatabase<DelegateAffairsDbContext>();
        builder.AddPlatformMessaging<DelegateAffairsDbContext>(ServiceName, bus =>
        {
            bus.AddConsumer<AdministrativeUnitChangedConsumer>(typeof(IdempotentBatchConsumerDefinition<AdministrativeUnitChangedConsumer, AdministrativeUnitChanged>));
            bus.AddJointPlanningConsumers<DelegateAffairsDbContext>(ServiceName);
            bus.AddConsumer<VettingAnsweredConsumer>();
        });
        builder.AddJointPlanning<DelegateAffairsDbContext, CopiedSites<DelegateAffairsDbContext>>();
        // The shared APIs answer under this body's deprecated copies of their definitions too (platform.delegateaffairs.v1).
#pragma warning disable CS0612 // serving the deprecated copies is the point: their callers keep working
        builder.Services.AddDeprecatedServiceName<JointPlanningGrpcService>(V1.JointPlanningService.Descriptor);
        builder.Services.AddDeprecatedServiceName<OperationsGrpcService<DelegateAffairsDbContext>>(V1.OperationsService.Descriptor);
        builder.Services.AddDeprecatedServiceName<AuditTrailGrpcService<DelegateAffairsDbContext>>(V1.AuditTrailService.Descriptor);
        builder.Services.AddDeprecatedServiceName<AdministrativeUnitCopyGrpcService<DelegateAffairsDbContext>>(V1.AdministrativeUnitCopyService.Descriptor);
#pragma warning restore CS0612
        builder.Services.AddSingleton(builder.Configuration.GetSection(VettingOptions.Section).Get<VettingOptions>() ?? new VettingOptions());
        builder.Services.AddScoped<VettingProcess>();
        builder.Services.AddScoped<CandidateVettingApi>();
        builder.Services.AddSingleton<VettingSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<VettingSweep>());
        builder.Services.AddSingleton<IHostedService, VettingGauges>(); // vettings pending past their deadline, the review queue
        return builder;
    }

    /// <summary>The one-shot commands besides `migrate`.</summary>
    public static readonly IReadOnlyDictionary<string, Func<IServiceProvider, Task>> Commands =
        new Dictionary<string, Func<IServiceProvider, Task>> { ["seed"] = SeedCommand.RunAsync };

    public static WebApplication MapDelegateAffairs(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<AdministrativeUnitCopyGrpcService<DelegateAffairsDbContext>>();
        app.MapGrpcService<AuditTrailGrpcService<DelegateAffairsDbContext>>();
        app.MapGrpcService<JointPlanningGrpcService>();
        app.MapGrpcService<OperationsGrpcService<DelegateAffairsDbContext>>();
        app.MapGrpcService<ElectionGrpcService>();
        app.MapGrpcService<CandidateGrpcService>();
        return app;
    }
}
