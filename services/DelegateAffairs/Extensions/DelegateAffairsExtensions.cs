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
        // Apps built on Platform.Contracts 1.x call the shared APIs by this body's retired names (RetiredServiceNames).
        builder.Services.AddRetiredServiceName<JointPlanningGrpcService>("platform.delegateaffairs.v1.JointPlanningService");
        builder.Services.AddRetiredServiceName<OperationsGrpcService<DelegateAffairsDbContext>>("platform.delegateaffairs.v1.OperationsService");
        builder.Services.AddRetiredServiceName<AuditTrailGrpcService<DelegateAffairsDbContext>>("platform.delegateaffairs.v1.AuditTrailService");
        builder.Services.AddRetiredServiceName<AdministrativeUnitCopyGrpcService<DelegateAffairsDbContext>>("platform.delegateaffairs.v1.AdministrativeUnitCopyService");
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
