using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Auditing;

public static class AuditModel
{
    public const string Table = "audit_entries";

    public static ModelBuilder AddAuditTrail(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable(Table);
            audit.HasKey(a => a.Sequence);
            audit.Property(a => a.Sequence).UseIdentityAlwaysColumn();
            audit.Property(a => a.Subject).HasMaxLength(200);
            audit.Property(a => a.Body).HasMaxLength(40);
            audit.Property(a => a.ClientId).HasMaxLength(200);
            audit.Property(a => a.Resource).HasMaxLength(300);
            audit.Property(a => a.Operation).HasMaxLength(20);
            audit.Property(a => a.Change).HasColumnType("jsonb");
            audit.HasIndex(a => new { a.Resource, a.Sequence });
        });
        return modelBuilder;
    }

    /// <summary>
    /// For the migration that creates the audit table: triggers that make it append-only for every role
    /// the application connects as, so an audit row cannot be changed or removed by application code.
    /// </summary>
    public static void CreateAuditAppendOnlyTriggers(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(AppendOnlyTriggersSql);

    public const string AppendOnlyTriggersSql = $"""
        CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON {Table}
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON {Table}
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    public static void DropAuditAppendOnlyTriggers(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""
            DROP TRIGGER IF EXISTS audit_entries_no_update_or_delete ON {Table};
            DROP TRIGGER IF EXISTS audit_entries_no_truncate ON {Table};
            DROP FUNCTION IF EXISTS audit_entries_append_only();
            """);
}
