using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Platform.Organization.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PartyAndCadres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "cadre_records",
                columns: table => new
                {
                    national_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    full_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    search_name = table.Column<string>(type: "text", nullable: false),
                    list_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    position = table.Column<string>(type: "text", nullable: false),
                    party_standing = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    party_joined_date = table.Column<DateOnly>(type: "date", nullable: true),
                    succession_plan_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    discipline_records = table.Column<string>(type: "jsonb", nullable: false),
                    regulation205findings = table.Column<string>(type: "jsonb", nullable: false),
                    relatives_in_linked_posts = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cadre_records", x => x.national_id);
                });

            migrationBuilder.CreateTable(
                name: "congress_deadlines",
                columns: table => new
                {
                    term = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_congress_deadlines", x => new { x.term, x.level });
                });

            migrationBuilder.CreateTable(
                name: "party_congresses",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    term = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    planned_date = table.Column<DateOnly>(type: "date", nullable: false),
                    actual_date = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    delegate_count = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_congresses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "party_organizations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    parent_id = table.Column<string>(type: "text", nullable: true),
                    province_code = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_organizations", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "congress_deadlines",
                columns: new[] { "level", "term", "deadline", "source" },
                values: new object[,]
                {
                    { "DirectlyUnderCentre", "2020-2025", new DateOnly(2020, 10, 29), "Chỉ thị 35-CT/TW (30/5/2019) của Bộ Chính trị" },
                    { "Grassroots", "2020-2025", new DateOnly(2020, 6, 30), "Chỉ thị 35-CT/TW (30/5/2019) của Bộ Chính trị" },
                    { "UpperGrassroots", "2020-2025", new DateOnly(2020, 8, 31), "Chỉ thị 35-CT/TW (30/5/2019) của Bộ Chính trị" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_cadre_records_list_key",
                table: "cadre_records",
                column: "list_key");

            migrationBuilder.CreateIndex(
                name: "ix_cadre_records_search_name",
                table: "cadre_records",
                column: "search_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_party_congresses_term_level_id",
                table: "party_congresses",
                columns: new[] { "term", "level", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_party_organizations_level_id",
                table: "party_organizations",
                columns: new[] { "level", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_party_organizations_parent_id_id",
                table: "party_organizations",
                columns: new[] { "parent_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cadre_records");

            migrationBuilder.DropTable(
                name: "congress_deadlines");

            migrationBuilder.DropTable(
                name: "party_congresses");

            migrationBuilder.DropTable(
                name: "party_organizations");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
