using Platform.ReferenceData;
using Platform.Messaging.Operations;
using Platform.JointPlanning.Grpc;
using Platform.Auditing;
using Platform.Api.Versions;
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
        // Apps built on Platform.Contracts 1.x call the shared APIs by this body's retired names (RetiredServiceNames).
        builder.Services.AddRetiredServiceName<JointPlanningGrpcService>("platform.organization.v1.JointPlanningService");
        builder.Services.AddRetiredServiceName<OperationsGrpcService<OrganizationDbContext>>("platform.organization.v1.OperationsService");
        builder.Services.AddRetiredServiceName<AuditTrailGrpcService<OrganizationDbContext>>("platform.organization.v1.AuditTrailService");
        builder.Services.AddRetiredServiceName<AdministrativeUnitCopyGrpcService<OrganizationDbContext>>("platform.organization.v1.AdministrativeUnitCopyService");
        builder.AddVetting<OrganizationDbContext, CadreRecordVetting>();
        return builder;
    }

    /// <summary>The one-shot commands besides `migrate`.</summary>
    public static readonly IReadOnlyDictionary<string, Func<IServiceProvider, Task>> Commands =
        new Dictionary<string, Func<IServiceProvider, Task>> { ["seed"] = SeedCommand.RunAsync };

    public static WebApplication MapOrganization(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<AdministrativeUnitCopyGrpcService<OrganizationDbContext>>();
        app.MapGrpcService<AuditTrailGrpcService<OrganizationDbContext>>();
        app.MapGrpcService<JointPlanningGrpcService>();
        app.MapGrpcService<OperationsGrpcService<OrganizationDbContext>>();
        app.MapGrpcService<PartyGrpcService>();
        app.MapGrpcService<CadreGrpcService>();
        app.MapGrpcService<PersonnelGrpcService>();
        return app;
    }
}
