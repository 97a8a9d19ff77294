using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Messaging.Migrations
{
    /// <summary>
    /// The migration of the outbox's trace context, written once for the services that run it (Organization,
    /// HomeAffairs, DelegateAffairs): each has its own migration class deriving from this one, with its id and its
    /// model snapshot (the designer file), so its history is its own.
    /// </summary>
    public abstract class OutboxTraceContextMigration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "trace_parent",
                table: "outbox_messages",
                type: "character varying(55)",
                maxLength: 55,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "trace_state",
                table: "outbox_messages",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "trace_parent",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "trace_state",
                table: "outbox_messages");
        }
    }
}
