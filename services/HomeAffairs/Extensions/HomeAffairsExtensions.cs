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
        // Apps built on Platform.Contracts 1.x call the shared APIs by this body's retired names (RetiredServiceNames).
        builder.Services.AddRetiredServiceName<JointPlanningGrpcService>("platform.homeaffairs.v1.JointPlanningService");
        builder.Services.AddRetiredServiceName<OperationsGrpcService<HomeAffairsDbContext>>("platform.homeaffairs.v1.OperationsService");
        builder.Services.AddRetiredServiceName<AuditTrailGrpcService<HomeAffairsDbContext>>("platform.homeaffairs.v1.AuditTrailService");
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
