using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.ReferenceData.Migrations
{
    /// <summary>
    /// The migration of the copies' validity dates of a unit, written once for the services that run it (Organization,
    /// DelegateAffairs): each has its own migration class deriving from this one, with its id and its model snapshot
    /// (the designer file), so its history is its own.
    /// </summary>
    public abstract class AdministrativeUnitValidityMigration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "successor_code",
                table: "administrative_unit_copies",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_from",
                table: "administrative_unit_copies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_to",
                table: "administrative_unit_copies",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "successor_code",
                table: "administrative_unit_copies");

            migrationBuilder.DropColumn(
                name: "valid_from",
                table: "administrative_unit_copies");

            migrationBuilder.DropColumn(
                name: "valid_to",
                table: "administrative_unit_copies");
        }
    }
}
