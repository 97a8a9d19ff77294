using Platform.Organization.Grpc;
using Platform.Organization.Infrastructure;
using Platform.Organization.IntegrationEvents;
using Platform.Messaging;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Organization.Extensions;

public static class OrganizationExtensions
{
    public const string ServiceName = "organization";

    public static WebApplicationBuilder AddOrganization(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(ServiceName);
        builder.AddServiceDatabase<OrganizationDbContext>();
        builder.AddPlatformMessaging<OrganizationDbContext>(ServiceName, bus => bus.AddConsumer<AdministrativeUnitChangedConsumer>());
        return builder;
    }

    public static WebApplication MapOrganization(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcService<AdministrativeUnitCopyGrpcService>();
        app.MapGrpcService<AuditTrailGrpcService>();
        return app;
    }
}
