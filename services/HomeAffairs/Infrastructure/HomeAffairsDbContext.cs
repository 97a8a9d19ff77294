using Platform.JointPlanning.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.HomeAffairs.Model;
using Platform.Messaging;
using Platform.Auditing;
using Platform.ServiceDefaults.Hosting;
using Platform.Api.Paging;
using Platform.Vetting.Infrastructure;

namespace Platform.HomeAffairs.Infrastructure;

public sealed class HomeAffairsDbContext(DbContextOptions<HomeAffairsDbContext> options) : DbContext(options)
{
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();
    public DbSet<OfficialRecord> OfficialRecords => Set<OfficialRecord>();
    public DbSet<EmulationMovement> EmulationMovements => Set<EmulationMovement>();
    public DbSet<Commendation> Commendations => Set<Commendation>();
    public DbSet<CouncilSeats> CouncilSeats => Set<CouncilSeats>();

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
            unit.Property(u => u.FormerNames).HasJsonColumn();
            unit.HasIndex(u => new { u.ParentCode, u.Code });
            unit.Property(u => u.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        modelBuilder.Entity<OfficialRecord>(record =>
        {
            record.HasKey(r => r.NationalId);
            record.Property(r => r.NationalId).HasMaxLength(12);
            record.Property(r => r.FullName).HasMaxLength(100);
            record.HasNameSearchColumns(r => r.SearchName, r => r.ListKey);
            record.Property(r => r.Sex).HasMaxLength(10);
            record.Property(r => r.Category).HasConversion<string>().HasMaxLength(20);
            record.Property(r => r.PositionLevel).HasConversion<string>().HasMaxLength(30);
            record.Property(r => r.Education).HasConversion<string>().HasMaxLength(20);
            record.Property(r => r.DisciplineRecords).HasJsonColumn();
            record.Property(r => r.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        modelBuilder.Entity<EmulationMovement>(movement =>
        {
            movement.HasKey(m => m.Id);
            movement.Property(m => m.Id).HasMaxLength(100).UseCollation("C");
            movement.Property(m => m.Name).HasMaxLength(300);
            movement.Property(m => m.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        modelBuilder.Entity<Commendation>(commendation =>
        {
            commendation.HasKey(c => c.Id);
            commendation.Property(c => c.RecipientKind).HasConversion<string>().HasMaxLength(10);
            commendation.Property(c => c.Id).HasMaxLength(32).UseCollation("C");
            commendation.HasIndex(c => new { c.MovementId, c.Id });
            commendation.Property(c => c.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        modelBuilder.Entity<CouncilSeats>(seats =>
        {
            seats.HasKey(s => new { s.UnitCode, s.Term });
            seats.HasIndex(s => new { s.Term, s.UnitCode });
            seats.Property(s => s.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.AddMessagingTables();
        modelBuilder.AddJointPlanning();
        modelBuilder.AddVettingSubjects();
        modelBuilder.AddAuditTrail();
    }
}
