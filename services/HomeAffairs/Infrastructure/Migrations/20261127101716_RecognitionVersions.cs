using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HomeAffairs.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RecognitionVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "emulation_movements",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "commendations",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "emulation_movements");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "commendations");
        }
    }
}
