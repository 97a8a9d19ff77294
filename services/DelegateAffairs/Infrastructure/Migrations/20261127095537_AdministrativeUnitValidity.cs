using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.DelegateAffairs.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AdministrativeUnitValidity : Migration
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
