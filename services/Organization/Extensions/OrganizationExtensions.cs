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
        // The shared APIs answer under this body's deprecated copies of their definitions too (platform.organization.v1).
#pragma warning disable CS0612 // serving the deprecated copies is the point: their callers keep working
        builder.Services.AddDeprecatedServiceName<JointPlanningGrpcService>(V1.JointPlanningService.Descriptor);
        builder.Services.AddDeprecatedServiceName<OperationsGrpcService<OrganizationDbContext>>(V1.OperationsService.Descriptor);
        builder.Services.AddDeprecatedServiceName<AuditTrailGrpcService<OrganizationDbContext>>(V1.AuditTrailService.Descriptor);
        builder.Services.AddDeprecatedServiceName<AdministrativeUnitCopyGrpcService<OrganizationDbContext>>(V1.AdministrativeUnitCopyService.Descriptor);
#pragma warning restore CS0612
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
