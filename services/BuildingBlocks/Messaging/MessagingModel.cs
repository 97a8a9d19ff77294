using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace Platform.Messaging;

/// <summary>The outbox and inbox tables, added to every service's own DbContext and migrations.</summary>
public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    /// <summary>The PostgreSQL channel a committed outbox insert notifies, to wake the relay at once.</summary>
    public const string OutboxChannel = "platform_outbox";

    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.Property(m => m.MessageType).HasMaxLength(500);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(OutboxTracing.MaxTraceParentLength);
            outbox.Property(m => m.TraceState).HasMaxLength(OutboxTracing.MaxTraceStateLength);
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(300);
            inbox.HasIndex(m => m.ReceivedAt);
        });
        return modelBuilder;
    }

    /// <summary>
    /// For the migration that creates the outbox table: a statement trigger that NOTIFYs the relay.
    /// PostgreSQL delivers a NOTIFY only when its transaction commits, so the relay wakes exactly
    /// when new rows become visible, in whatever process (or replica) committed them.
    /// </summary>
    public static void CreateOutboxWakeUpTrigger(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(OutboxWakeUpTriggerSql);

    /// <summary>The SQL behind <see cref="CreateOutboxWakeUpTrigger"/>, for a schema made without migrations.</summary>
    public const string OutboxWakeUpTriggerSql = $"""
            CREATE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{OutboxChannel}', '');
                RETURN NULL;
            END $$;
            CREATE TRIGGER outbox_messages_inserted AFTER INSERT ON {OutboxTable}
                FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();
            """;

    public static void DropOutboxWakeUpTrigger(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS outbox_messages_inserted ON {OutboxTable}; DROP FUNCTION IF EXISTS outbox_messages_notify();");
    }
}
