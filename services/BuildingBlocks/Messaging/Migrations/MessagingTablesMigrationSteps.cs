using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Platform.Messaging.Migrations;

/// <summary>
/// The inbox and outbox tables (MessagingModel) as every service's first migration creates them, written once: each
/// service's InitialCreate calls these beside its own tables, so the three databases get the same SQL.
/// </summary>
public static class MessagingTablesMigrationSteps
{
    public static void CreateMessagingTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "inbox_messages",
            columns: table => new
            {
                message_id = table.Column<Guid>(type: "uuid", nullable: false),
                consumer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
            });

        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: table => new
            {
                sequence = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                message_id = table.Column<Guid>(type: "uuid", nullable: false),
                message_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                body = table.Column<string>(type: "jsonb", nullable: false),
                occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_outbox_messages", x => x.sequence);
            });

        migrationBuilder.CreateIndex(
            name: "ix_inbox_messages_received_at",
            table: "inbox_messages",
            column: "received_at");

        migrationBuilder.CreateIndex(
            name: "ix_outbox_messages_message_id",
            table: "outbox_messages",
            column: "message_id",
            unique: true);

        migrationBuilder.CreateOutboxWakeUpTrigger();
    }

    public static void DropMessagingTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropOutboxWakeUpTrigger();

        migrationBuilder.DropTable(
            name: "inbox_messages");

        migrationBuilder.DropTable(
            name: "outbox_messages");
    }
}
