using Platform.JointPlanning.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Organization.Model;
using Platform.ReferenceData;
using Platform.Auditing;
using Platform.ServiceDefaults.Hosting;
using Platform.Api.Paging;
using Platform.Vetting.Infrastructure;

namespace Platform.Organization.Infrastructure;

public sealed class OrganizationDbContext(DbContextOptions<OrganizationDbContext> options) : DbContext(options)
{
    /// <summary>The read-only copy of Home Affairs' administrative units.</summary>
    public DbSet<AdministrativeUnitCopy> AdministrativeUnits => Set<AdministrativeUnitCopy>();

    public DbSet<PartyOrganization> PartyOrganizations => Set<PartyOrganization>();
    public DbSet<PartyCongress> PartyCongresses => Set<PartyCongress>();
    public DbSet<CongressDeadline> CongressDeadlines => Set<CongressDeadline>();
    public DbSet<CadreRecord> CadreRecords => Set<CadreRecord>();
    public DbSet<PersonnelPlan> PersonnelPlans => Set<PersonnelPlan>();
    public DbSet<StructureTarget> StructureTargets => Set<StructureTarget>();
    public DbSet<AgeCutoff> AgeCutoffs => Set<AgeCutoff>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddAdministrativeUnitCopies();
        modelBuilder.AddMessagingTables();
        modelBuilder.AddJointPlanning();
        modelBuilder.AddVettingSubjects();
        modelBuilder.AddAuditTrail();
        modelBuilder.HasPostgresExtension("pg_trgm");

        modelBuilder.Entity<PartyOrganization>(organization =>
        {
            organization.HasKey(o => o.Id);
            organization.Property(o => o.Id).HasMaxLength(100).UseCollation("C");
            organization.Property(o => o.Name).HasMaxLength(200);
            organization.Property(o => o.Level).HasConversion<string>().HasMaxLength(30);
            organization.HasIndex(o => new { o.ParentId, o.Id });
            organization.HasIndex(o => new { o.Level, o.Id });
            organization.Property(o => o.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        modelBuilder.Entity<PartyCongress>(congress =>
        {
            congress.HasKey(c => c.Id);
            congress.Property(c => c.Id).HasMaxLength(120).UseCollation("C");
            congress.Property(c => c.Term).HasMaxLength(20);
            congress.Property(c => c.Level).HasConversion<string>().HasMaxLength(30);
            congress.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
            congress.HasIndex(c => new { c.Term, c.Level, c.Id });
            congress.Ignore(c => c.ScheduledDate);
            congress.Property(c => c.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        modelBuilder.Entity<CongressDeadline>(deadline =>
        {
            deadline.HasKey(d => new { d.Term, d.Level });
            deadline.Property(d => d.Level).HasConversion<string>().HasMaxLength(30);
            deadline.HasData(CongressSchedule.Term2020To2025);
        });
        modelBuilder.Entity<PersonnelPlan>(plan =>
        {
            plan.HasKey(p => p.Id);
            plan.Property(p => p.Id).HasMaxLength(120).UseCollation("C");
            plan.Property(p => p.Level).HasConversion<string>().HasMaxLength(30);
            plan.Property(p => p.Nominees).HasJsonColumn();
            plan.Property(p => p.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        modelBuilder.Entity<StructureTarget>(target =>
        {
            target.HasKey(t => new { t.Term, t.Criterion });
            target.HasData(StructureRules.Targets2020To2025);
        });
        modelBuilder.Entity<AgeCutoff>(cutoff =>
        {
            cutoff.HasKey(c => new { c.Term, c.Level, c.Sex, c.FirstTime });
            cutoff.Property(c => c.Level).HasConversion<string>().HasMaxLength(30);
            cutoff.HasData(StructureRules.AgeCutoffs2020To2025);
        });
        modelBuilder.Entity<CadreRecord>(record =>
        {
            record.HasKey(r => r.NationalId);
            record.Property(r => r.NationalId).HasMaxLength(12);
            record.Property(r => r.FullName).HasMaxLength(100);
            record.HasNameSearchColumns(r => r.SearchName, r => r.ListKey);
            record.Property(r => r.Sex).HasMaxLength(10);
            record.Property(r => r.PartyStanding).HasConversion<string>().HasMaxLength(20);
            record.Property(r => r.SuccessionPlanStatus).HasConversion<string>().HasMaxLength(20);
            record.Property(r => r.DisciplineRecords).HasJsonColumn();
            record.Property(r => r.Regulation205Findings).HasJsonColumn();
            record.Property(r => r.RelativesInLinkedPosts).HasJsonColumn();
            record.Property(r => r.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
    }
}
