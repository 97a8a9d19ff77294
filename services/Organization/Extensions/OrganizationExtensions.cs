using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning;
using Platform.JointPlanning.Infrastructure;
using Platform.Organization.Grpc;
using Platform.Organization.Infrastructure;
using Platform.Organization.Infrastructure.Seed;
using Platform.Organization.IntegrationEvents;
using Platform.Messaging;
using Platform.Messaging.Inbox;
using Platform.ServiceDefaults.Hosting;
using Platform.Vetting;

namespace Platform.Organization.Extensions;

public static class OrganizationExtensions
{
    public const string ServiceName = "organization";

    public static WebApplicationBuilder AddOrganization(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(ServiceName);
        builder.AddServiceDatabase<OrganizationDbContext>();
        builder.AddPlatformMessaging<OrganizationDbContext>(ServiceName, bus =>
        {
            bus.AddConsumer<AdministrativeUnitChangedConsumer>(typeof(IdempotentBatchConsumerDefinition<AdministrativeUnitChangedConsumer, AdministrativeUnitChanged>));
            bus.AddJointPlanningConsumers<OrganizationDbContext>(ServiceName);
            bus.AddVettingConsumers<OrganizationDbContext>(ServiceName);
        });
        builder.AddJointPlanning<OrganizationDbContext, CopiedSites<OrganizationDbContext>>();
        builder.AddVetting<OrganizationDbContext, CadreRecordVetting>();
        return builder;
    }

    /// <summary>The one-shot commands besides `migrate`.</summary>
    public static readonly IReadOnlyDictionary<string, Func<IServiceProvider, Task>> Commands =
        new Dictionary<string, Func<IServiceProvider, Task>> { ["seed"] = SeedCommand.RunAsync };

    public static WebApplication MapOrganization(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<AdministrativeUnitCopyGrpcService>();
        app.MapGrpcService<AuditTrailGrpcService>();
        app.MapGrpcService<JointPlanningGrpcService>();
        app.MapGrpcService<OperationsGrpcService>();
        app.MapGrpcService<PartyGrpcService>();
        app.MapGrpcService<CadreGrpcService>();
        app.MapGrpcService<PersonnelGrpcService>();
        return app;
    }
}
