using Microsoft.EntityFrameworkCore;
using Platform.JointPlanning.Model;
using Platform.ServiceDefaults.Hosting;

namespace Platform.JointPlanning.Infrastructure;

public static class JointPlanningModel
{
    /// <summary>The joint-planning tables of a body's database: conferences it leads, its participations, its tasks.</summary>
    public static ModelBuilder AddJointPlanning(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedConference>(conference =>
        {
            conference.ToTable("joint_conferences");
            conference.HasKey(c => c.Id);
            conference.Property(c => c.Id).HasMaxLength(100).UseCollation("C");
            conference.Property(c => c.LeadBody).HasMaxLength(40);
            conference.Property(c => c.Title).HasMaxLength(300);
            conference.Property(c => c.Kind).HasMaxLength(40);
            conference.Property(c => c.Format).HasMaxLength(40);
            conference.Property(c => c.Status).HasMaxLength(20);
            conference.Property(c => c.ChairBody).HasMaxLength(40);
            conference.Property(c => c.Agenda).HasJsonColumn();
            conference.Property(c => c.Attendance).HasJsonColumn();
            conference.Property(c => c.GoodPractices).HasJsonColumn();
            conference.Property(c => c.Tasks).HasJsonColumn();
            conference.Property(c => c.ListKey).HasMaxLength(120).UseCollation("C");
            conference.HasIndex(c => c.ListKey);
            // The response-deadline sweep looks at conferences being planned only.
            conference.HasIndex(c => new { c.Status, c.ResponseDeadline });
            conference.Property(c => c.RowVersion).IsRowVersion().HasColumnName("xmin");
            conference.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.ConferenceId);
            conference.Ignore(c => c.Required);
        });
        modelBuilder.Entity<ConferenceParticipant>(participant =>
        {
            participant.ToTable("joint_conference_participants");
            participant.HasKey(p => new { p.ConferenceId, p.Body });
            participant.Property(p => p.Body).HasMaxLength(40);
            participant.Property(p => p.Response).HasMaxLength(20);
            participant.Property(p => p.AgendaItems).HasJsonColumn();
            participant.Property(p => p.BridgePoints).HasJsonColumn();
            participant.Ignore(p => p.IsReady);
        });
        modelBuilder.Entity<TaskOwnerState>(state =>
        {
            state.ToTable("joint_task_owner_states");
            state.HasKey(s => new { s.TaskId, s.OwnerBody });
            // Two progress reports of one task consumed at once must not both pass the revision check on the same old
            // row (the fault run saw the lead left at the older one): the update that finds the revision changed fails
            // and is retried.
            state.Property(s => s.Revision).IsConcurrencyToken();
            state.Property(s => s.OwnerBody).HasMaxLength(40);
            state.HasIndex(s => s.ConferenceId);
        });
        modelBuilder.Entity<Participation>(participation =>
        {
            participation.ToTable("joint_participations");
            participation.HasKey(p => p.ConferenceId);
            participation.Property(p => p.ConferenceId).HasMaxLength(100).UseCollation("C");
            participation.Property(p => p.LeadBody).HasMaxLength(40);
            participation.Property(p => p.Body).HasMaxLength(40);
            participation.Property(p => p.Conference).HasJsonValue();
            participation.Property(p => p.Status).HasMaxLength(20);
            participation.Property(p => p.Response).HasMaxLength(20);
            participation.Property(p => p.AgendaItems).HasJsonColumn();
            participation.Property(p => p.BridgePoints).HasJsonColumn();
            participation.Property(p => p.Report).HasJsonValue();
            participation.Property(p => p.ListKey).HasMaxLength(120).UseCollation("C");
            participation.HasIndex(p => p.ListKey);
            participation.Property(p => p.RowVersion).IsRowVersion().HasColumnName("xmin");
            participation.Ignore(p => p.IsLead);
        });
        modelBuilder.Entity<OwnedTask>(task =>
        {
            task.ToTable("joint_tasks");
            task.HasKey(t => t.Id);
            task.Property(t => t.Id).HasMaxLength(120).UseCollation("C");
            task.Property(t => t.ConferenceId).HasMaxLength(100).UseCollation("C");
            task.Property(t => t.LeadBody).HasMaxLength(40);
            task.Property(t => t.OwnerBody).HasMaxLength(40);
            task.Property(t => t.LegalBasis).HasJsonColumn();
            task.Property(t => t.Progress).HasJsonColumn();
            task.Property(t => t.ListKey).HasMaxLength(140).UseCollation("C");
            task.HasIndex(t => t.ListKey);
            task.HasIndex(t => new { t.ConferenceId, t.ListKey });
            // The overdue sweep looks at unfinished tasks only.
            task.HasIndex(t => t.DueDate).HasFilter("NOT done AND NOT overdue");
            task.Property(t => t.RowVersion).IsRowVersion().HasColumnName("xmin");
        });
        return modelBuilder;
    }
}
