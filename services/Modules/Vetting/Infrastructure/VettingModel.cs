using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Hosting;
using Platform.Vetting.Model;

namespace Platform.Vetting.Infrastructure;

public static class VettingModel
{
    /// <summary>The "vetting_subjects" table of an answering body's database: the candidates it has been asked about.</summary>
    public static ModelBuilder AddVettingSubjects(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VettedCandidate>(candidate =>
        {
            candidate.ToTable("vetting_subjects");
            candidate.HasKey(c => c.CandidateId);
            candidate.Property(c => c.CandidateId).ValueGeneratedNever();
            candidate.Property(c => c.NationalId).HasMaxLength(12);
            // A record change finds the candidates of the person it concerns by this index.
            candidate.HasIndex(c => c.NationalId);
            candidate.Property(c => c.Subject).HasJsonValue();
            candidate.Property(c => c.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        return modelBuilder;
    }
}
