using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.ReferenceData.Migrations;

/// <summary>
/// The copies' table as the first migration of each body that keeps one (Organization, Delegate Affairs) creates it,
/// written once; the columns added later come with AdministrativeUnitValidityMigration and UnitFormerNamesMigration.
/// </summary>
public static class AdministrativeUnitCopiesMigrationSteps
{
    public static void CreateAdministrativeUnitCopiesTable(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "administrative_unit_copies",
            columns: table => new
            {
                code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                parent_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                revision = table.Column<long>(type: "bigint", nullable: false),
                replicated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_administrative_unit_copies", x => x.code);
            });

    public static void DropAdministrativeUnitCopiesTable(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(
            name: "administrative_unit_copies");
}
