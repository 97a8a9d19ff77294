using Microsoft.EntityFrameworkCore;
using Platform.HomeAffairs.Model;
using Platform.Messaging;
using Platform.ServiceDefaults.Auditing;

namespace Platform.HomeAffairs.Infrastructure;

public sealed class HomeAffairsDbContext(DbContextOptions<HomeAffairsDbContext> options) : DbContext(options)
{
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AdministrativeUnit>(unit =>
        {
            unit.HasKey(u => u.Code);
            // Byte order for the key: paging compares codes, and codes are ASCII digits anyway.
            unit.Property(u => u.Code).HasMaxLength(16).UseCollation("C");
            unit.Property(u => u.Name).HasMaxLength(200);
            unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(40);
            unit.Property(u => u.ParentCode).HasMaxLength(16).UseCollation("C");
            unit.Property(u => u.SuccessorCode).HasMaxLength(16);
            unit.HasIndex(u => new { u.ParentCode, u.Code });
            unit.Property(u => u.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        modelBuilder.AddMessagingTables();
        modelBuilder.AddAuditTrail();
    }
}
