using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.ReferenceData.Migrations
{
    /// <summary>
    /// The migration of the copies' former names of a unit, written once for the services that run it (Organization,
    /// DelegateAffairs): each has its own migration class deriving from this one, with its id and its model snapshot
    /// (the designer file), so its history is its own.
    /// </summary>
    public abstract class UnitFormerNamesMigration : Migration
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
