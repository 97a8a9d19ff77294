using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.ReferenceData;
using Platform.ServiceDefaults.Auditing;

namespace Platform.DelegateAffairs.Infrastructure;

public sealed class DelegateAffairsDbContext(DbContextOptions<DelegateAffairsDbContext> options) : DbContext(options)
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
