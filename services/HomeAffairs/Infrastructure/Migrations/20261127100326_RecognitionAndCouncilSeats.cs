using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HomeAffairs.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RecognitionAndCouncilSeats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commendations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    movement_id = table.Column<string>(type: "text", nullable: false),
                    recipient_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    recipient_name = table.Column<string>(type: "text", nullable: false),
                    form = table.Column<string>(type: "text", nullable: false),
                    decision_number = table.Column<string>(type: "text", nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commendations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "council_seats",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "text", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_council_seats", x => new { x.unit_code, x.term });
                });

            migrationBuilder.CreateTable(
                name: "emulation_movements",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    description = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emulation_movements", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commendations_movement_id_id",
                table: "commendations",
                columns: new[] { "movement_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_council_seats_term_unit_code",
                table: "council_seats",
                columns: new[] { "term", "unit_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commendations");

            migrationBuilder.DropTable(
                name: "council_seats");

            migrationBuilder.DropTable(
                name: "emulation_movements");
        }
    }
}
