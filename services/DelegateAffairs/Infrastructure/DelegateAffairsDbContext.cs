using Platform.ServiceDefaults.Hosting;
using Platform.JointPlanning.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Platform.DelegateAffairs.Model;
using Platform.Messaging;
using Platform.ReferenceData;
using Platform.Auditing;
using Platform.Api.Paging;

namespace Platform.DelegateAffairs.Infrastructure;

public sealed class DelegateAffairsDbContext(DbContextOptions<DelegateAffairsDbContext> options) : DbContext(options)
{
    /// <summary>The read-only copy of Home Affairs' administrative units.</summary>
    public DbSet<AdministrativeUnitCopy> AdministrativeUnits => Set<AdministrativeUnitCopy>();

    public DbSet<Election> Elections => Set<Election>();
    public DbSet<ElectionLaw> ElectionLaws => Set<ElectionLaw>();
    public DbSet<TimelineRule> TimelineRules => Set<TimelineRule>();
    public DbSet<CandidateMarginRule> CandidateMarginRules => Set<CandidateMarginRule>();
    public DbSet<QuotaTarget> QuotaTargets => Set<QuotaTarget>();
    public DbSet<Constituency> Constituencies => Set<Constituency>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<CandidateVetting> CandidateVettings => Set<CandidateVetting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddAdministrativeUnitCopies();
        modelBuilder.AddMessagingTables();
        modelBuilder.AddJointPlanning();
        modelBuilder.AddAuditTrail();
        modelBuilder.HasPostgresExtension("pg_trgm");

        modelBuilder.Entity<ElectionLaw>(law =>
        {
            law.HasKey(l => l.Code);
            law.HasData(LegalRulesData.Laws);
        });
        modelBuilder.Entity<TimelineRule>(rule =>
        {
            rule.HasKey(r => new { r.LawCode, r.Key });
            rule.HasData(LegalRulesData.Timeline);
        });
        modelBuilder.Entity<CandidateMarginRule>(rule =>
        {
            rule.HasKey(r => new { r.LawCode, r.Family, r.MinSeats });
            rule.Property(r => r.Family).HasConversion<string>().HasMaxLength(40);
            rule.HasData(LegalRulesData.CandidateMargins);
        });
        modelBuilder.Entity<QuotaTarget>(target =>
        {
            // A criterion may have a target on the list and another on the deputies elected (women, NQ 1187).
            target.HasKey(t => new { t.ElectionId, t.Criterion, t.Base });
            target.Property(t => t.Base).HasMaxLength(20);
        });

        modelBuilder.Entity<Election>(election =>
        {
            election.HasKey(e => e.Id);
            election.Property(e => e.Id).HasMaxLength(60).UseCollation("C");
            election.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
            election.Property(e => e.RowVersion).IsRowVersion().HasColumnName("xmin");
            election.Ignore(e => e.Family);
        });
        modelBuilder.Entity<Constituency>(constituency =>
        {
            constituency.HasKey(c => c.Id);
            constituency.Property(c => c.Id).HasMaxLength(100).UseCollation("C");
            constituency.HasIndex(c => new { c.ElectionId, c.ProvinceCode, c.Number }).IsUnique();
            constituency.Property(c => c.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        modelBuilder.Entity<Candidate>(candidate =>
        {
            candidate.HasKey(c => c.Id);
            candidate.Property(c => c.NationalId).HasMaxLength(12);
            candidate.HasIndex(c => new { c.ElectionId, c.NationalId }).IsUnique();
            candidate.Property(c => c.FullName).HasMaxLength(100);
            // Lists are always of an election or a constituency: their list-key indexes lead with it.
            candidate.HasNameSearchColumns(c => c.SearchName, c => c.ListKey, indexListKey: false);
            candidate.HasIndex(c => new { c.ElectionId, c.ListKey });
            candidate.HasIndex(c => new { c.ConstituencyId, c.ListKey });
            candidate.Property(c => c.Sex).HasConversion<string>().HasMaxLength(10);
            candidate.Property(c => c.NominatingLevel).HasConversion<string>().HasMaxLength(20);
            candidate.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            candidate.Property(c => c.RowVersion).IsRowVersion().HasColumnName("xmin");
            candidate.Property(c => c.OtherNationality).HasMaxLength(60);
            candidate.Ignore(c => c.IsEthnicMinority);
        });
        modelBuilder.Entity<CandidateVetting>(vetting =>
        {
            vetting.HasKey(v => v.CandidateId);
            vetting.HasOne<Candidate>().WithOne().HasForeignKey<CandidateVetting>(v => v.CandidateId);
            vetting.Property(v => v.ElectionId).HasMaxLength(60).UseCollation("C");
            vetting.Property(v => v.Status).HasMaxLength(20);
            vetting.Property(v => v.OwnFindings).HasJsonColumn();
            vetting.Property(v => v.Answers).HasJsonColumn();
            vetting.Property(v => v.Reasons).HasJsonColumn();
            vetting.Property(v => v.Settlement).HasJsonValue();
            // The review queue and the quota report read by election and status; the sweep by status and deadline.
            vetting.HasIndex(v => new { v.ElectionId, v.Status });
            vetting.HasIndex(v => new { v.Status, v.Deadline });
            vetting.Property(v => v.RowVersion).IsRowVersion().HasColumnName("xmin");
            vetting.Ignore(v => v.Basis);
            vetting.Ignore(v => v.SettlementApplies);
        });
    }
}
