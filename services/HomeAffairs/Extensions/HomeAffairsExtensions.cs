using Platform.Messaging.Operations;
using Platform.JointPlanning.Grpc;
using Platform.Auditing;
using Platform.Api.Versions;
using Platform.JointPlanning;
using Platform.JointPlanning.Infrastructure;
using Platform.HomeAffairs.Grpc;
using Platform.HomeAffairs.Infrastructure;
using Platform.HomeAffairs.Infrastructure.Seed;
using Platform.Messaging;
using Platform.ServiceDefaults.Hosting;
using Platform.Vetting;

namespace Platform.HomeAffairs.Extensions;

public static class HomeAffairsExtensions
{
    public const string ServiceName = "home-affairs";

    public static WebApplicationBuilder AddHomeAffairs(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(ServiceName);
        builder.AddServiceDatabase<HomeAffairsDbContext>();
        builder.AddPlatformMessaging<HomeAffairsDbContext>(ServiceName, bus =>
        {
            bus.AddJointPlanningConsumers<HomeAffairsDbContext>(ServiceName);
            bus.AddVettingConsumers<HomeAffairsDbContext>(ServiceName);
        });
        builder.AddJointPlanning<HomeAffairsDbContext, AdministrativeUnitSites>();
        // The shared APIs answer under this body's deprecated copies of their definitions too (platform.homeaffairs.v1).
#pragma warning disable CS0612 // serving the deprecated copies is the point: their callers keep working
        builder.Services.AddDeprecatedServiceName<JointPlanningGrpcService>(V1.JointPlanningService.Descriptor);
        builder.Services.AddDeprecatedServiceName<OperationsGrpcService<HomeAffairsDbContext>>(V1.OperationsService.Descriptor);
        builder.Services.AddDeprecatedServiceName<AuditTrailGrpcService<HomeAffairsDbContext>>(V1.AuditTrailService.Descriptor);
#pragma warning restore CS0612
        builder.AddVetting<HomeAffairsDbContext, OfficialRecordVetting>();
        return builder;
    }

    public static WebApplication MapHomeAffairs(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<AdministrativeUnitGrpcService>();
        app.MapGrpcService<AuditTrailGrpcService<HomeAffairsDbContext>>();
        app.MapGrpcService<JointPlanningGrpcService>();
        app.MapGrpcService<OperationsGrpcService<HomeAffairsDbContext>>();
        app.MapGrpcService<OfficialGrpcService>();
        app.MapGrpcService<RecognitionGrpcService>();
        return app;
    }

    /// <summary>The one-shot commands besides `migrate`.</summary>
    public static readonly IReadOnlyDictionary<string, Func<IServiceProvider, Task>> Commands =
        new Dictionary<string, Func<IServiceProvider, Task>> { ["seed"] = SeedCommand.RunAsync };
}
