using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Vetting.Infrastructure.Migrations
{
    /// <summary>
    /// The migration of the vetting requests a body answers, written once for the services that run it (Organization,
    /// HomeAffairs): each has its own migration class deriving from this one, with its id and its model snapshot (the
    /// designer file), so its history is its own.
    /// </summary>
    public abstract class VettingMigration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vetting_subjects",
                columns: table => new
                {
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    national_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    subject = table.Column<string>(type: "jsonb", nullable: false),
                    request = table.Column<long>(type: "bigint", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vetting_subjects", x => x.candidate_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_vetting_subjects_national_id",
                table: "vetting_subjects",
                column: "national_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vetting_subjects");
        }
    }
}
