using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.DelegateAffairs.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CandidateVetting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Candidates recorded before this migration have no art. 37 grounds recorded: an empty list, not null.
            migrationBuilder.AddColumn<List<string>>(
                name: "disqualifiers",
                table: "candidates",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "other_nationality",
                table: "candidates",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "candidate_vettings",
                columns: table => new
                {
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false, collation: "C"),
                    request = table.Column<long>(type: "bigint", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    own_findings = table.Column<string>(type: "jsonb", nullable: false),
                    own_revision = table.Column<long>(type: "bigint", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reasons = table.Column<string>(type: "jsonb", nullable: false),
                    settlement = table.Column<string>(type: "jsonb", nullable: true),
                    flagged = table.Column<bool>(type: "boolean", nullable: false),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidate_vettings", x => x.candidate_id);
                    table.ForeignKey(
                        name: "fk_candidate_vettings_candidates_candidate_id",
                        column: x => x.candidate_id,
                        principalTable: "candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_candidate_vettings_election_id_status",
                table: "candidate_vettings",
                columns: new[] { "election_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_candidate_vettings_status_deadline",
                table: "candidate_vettings",
                columns: new[] { "status", "deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "candidate_vettings");

            migrationBuilder.DropColumn(
                name: "disqualifiers",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "other_nationality",
                table: "candidates");
        }
    }
}
