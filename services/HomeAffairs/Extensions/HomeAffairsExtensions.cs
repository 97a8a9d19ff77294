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
        builder.AddVetting<HomeAffairsDbContext, OfficialRecordVetting>();
        return builder;
    }

    public static WebApplication MapHomeAffairs(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<AdministrativeUnitGrpcService>();
        app.MapGrpcService<AuditTrailGrpcService>();
        app.MapGrpcService<JointPlanningGrpcService>();
        app.MapGrpcService<OperationsGrpcService>();
        app.MapGrpcService<OfficialGrpcService>();
        app.MapGrpcService<RecognitionGrpcService>();
        return app;
    }

    /// <summary>The one-shot commands besides `migrate`.</summary>
    public static readonly IReadOnlyDictionary<string, Func<IServiceProvider, Task>> Commands =
        new Dictionary<string, Func<IServiceProvider, Task>> { ["seed"] = SeedCommand.RunAsync };
}
