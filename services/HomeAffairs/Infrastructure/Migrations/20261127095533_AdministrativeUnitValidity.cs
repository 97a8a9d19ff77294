using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HomeAffairs.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AdministrativeUnitValidity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "parent_code",
                table: "administrative_units",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "successor_code",
                table: "administrative_units",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_from",
                table: "administrative_units",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_to",
                table: "administrative_units",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_parent_code_code",
                table: "administrative_units",
                columns: new[] { "parent_code", "code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_administrative_units_parent_code_code",
                table: "administrative_units");

            migrationBuilder.DropColumn(
                name: "successor_code",
                table: "administrative_units");

            migrationBuilder.DropColumn(
                name: "valid_from",
                table: "administrative_units");

            migrationBuilder.DropColumn(
                name: "valid_to",
                table: "administrative_units");

            migrationBuilder.AlterColumn<string>(
                name: "parent_code",
                table: "administrative_units",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16,
                oldNullable: true,
                oldCollation: "C");
        }
    }
}
