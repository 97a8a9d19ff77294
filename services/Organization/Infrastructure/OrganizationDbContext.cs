using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.ReferenceData;
using Platform.ServiceDefaults.Auditing;

namespace Platform.Organization.Infrastructure;

public sealed class OrganizationDbContext(DbContextOptions<OrganizationDbContext> options) : DbContext(options)
{
    /// <summary>The read-only copy of Home Affairs' administrative units.</summary>
    public DbSet<AdministrativeUnitCopy> AdministrativeUnits => Set<AdministrativeUnitCopy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddAdministrativeUnitCopies();
        modelBuilder.AddMessagingTables();
        modelBuilder.AddAuditTrail();
    }
}
