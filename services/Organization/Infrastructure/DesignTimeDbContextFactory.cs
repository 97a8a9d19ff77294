using Platform.ServiceDefaults.Hosting;

namespace Platform.Organization.Infrastructure;

/// <summary>Found by `dotnet ef` to build the model for migrations.</summary>
public sealed class DesignTimeDbContextFactory : ServiceDesignTimeDbContextFactory<OrganizationDbContext>;
