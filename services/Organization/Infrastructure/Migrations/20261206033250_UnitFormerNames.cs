using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Organization.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class UnitFormerNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "former_names",
                table: "administrative_unit_copies",
                type: "jsonb",
                nullable: false,
                // Units recorded before names had a history have none: an empty list, not an empty string (not jsonb).
                defaultValueSql: "'[]'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "former_names",
                table: "administrative_unit_copies");
        }
    }
}
