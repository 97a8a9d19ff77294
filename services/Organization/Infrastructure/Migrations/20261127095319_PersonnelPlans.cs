using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Platform.Organization.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PersonnelPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "age_cutoffs",
                columns: table => new
                {
                    term = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    sex = table.Column<string>(type: "text", nullable: false),
                    first_time = table.Column<bool>(type: "boolean", nullable: false),
                    born_from = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_age_cutoffs", x => new { x.term, x.level, x.sex, x.first_time });
                });

            migrationBuilder.CreateTable(
                name: "personnel_plans",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    planned_size = table.Column<int>(type: "integer", nullable: false),
                    reference_date = table.Column<DateOnly>(type: "date", nullable: false),
                    nominees = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personnel_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "structure_targets",
                columns: table => new
                {
                    term = table.Column<string>(type: "text", nullable: false),
                    criterion = table.Column<string>(type: "text", nullable: false),
                    min_percent = table.Column<decimal>(type: "numeric", nullable: true),
                    max_percent = table.Column<decimal>(type: "numeric", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_structure_targets", x => new { x.term, x.criterion });
                });

            migrationBuilder.InsertData(
                table: "age_cutoffs",
                columns: new[] { "first_time", "level", "sex", "term", "born_from", "source" },
                values: new object[,]
                {
                    { false, "DirectlyUnderCentre", "female", "2020-2025", new DateOnly(1968, 3, 1), "Chỉ thị 35-CT/TW (30/5/2019); Hướng dẫn 26-HD/BTCTW" },
                    { true, "DirectlyUnderCentre", "female", "2020-2025", new DateOnly(1970, 9, 1), "Chỉ thị 35-CT/TW (30/5/2019); Hướng dẫn 26-HD/BTCTW" },
                    { false, "DirectlyUnderCentre", "male", "2020-2025", new DateOnly(1963, 3, 1), "Chỉ thị 35-CT/TW (30/5/2019); Hướng dẫn 26-HD/BTCTW" },
                    { true, "DirectlyUnderCentre", "male", "2020-2025", new DateOnly(1965, 9, 1), "Chỉ thị 35-CT/TW (30/5/2019); Hướng dẫn 26-HD/BTCTW" }
                });

            migrationBuilder.InsertData(
                table: "structure_targets",
                columns: new[] { "criterion", "term", "max_percent", "min_percent", "source" },
                values: new object[,]
                {
                    { "age_40_to_50", "2020-2025", 50m, 40m, "Chỉ thị 35-CT/TW (30/5/2019); Hướng dẫn 26-HD/BTCTW" },
                    { "under_40", "2020-2025", null, 10m, "Chỉ thị 35-CT/TW (30/5/2019); Hướng dẫn 26-HD/BTCTW" }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "age_cutoffs");

            migrationBuilder.DropTable(
                name: "personnel_plans");

            migrationBuilder.DropTable(
                name: "structure_targets");
        }
    }
}
