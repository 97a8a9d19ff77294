using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Messaging.Migrations;
using Platform.ReferenceData.Migrations;

#nullable disable

namespace Platform.DelegateAffairs.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateAdministrativeUnitCopiesTable();

            migrationBuilder.CreateMessagingTables(); // inbox, outbox and the relay's wake-up trigger
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAdministrativeUnitCopiesTable();

            migrationBuilder.DropMessagingTables();
        }
    }
}
