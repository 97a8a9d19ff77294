using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Auditing;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Auditing.Migrations
{
    /// <summary>
    /// The migration of the audit trail, written once for the services that run it (Organization, HomeAffairs,
    /// DelegateAffairs): each has its own migration class deriving from this one, with its id and its model snapshot
    /// (the designer file), so its history is its own.
    /// </summary>
    public abstract class AuditTrailMigration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    resource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    operation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    change = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.sequence);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_resource_sequence",
                table: "audit_entries",
                columns: new[] { "resource", "sequence" });

            migrationBuilder.CreateAuditAppendOnlyTriggers();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAuditAppendOnlyTriggers();

            migrationBuilder.DropTable(
                name: "audit_entries");
        }
    }
}
