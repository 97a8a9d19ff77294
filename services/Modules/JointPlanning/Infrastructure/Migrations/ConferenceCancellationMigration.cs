using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.JointPlanning.Infrastructure.Migrations
{
    /// <summary>
    /// The migration of a conference's cancellation, written once for the services that run it (Organization,
    /// HomeAffairs, DelegateAffairs): each has its own migration class deriving from this one, with its id and its
    /// model snapshot (the designer file), so its history is its own.
    /// </summary>
    public abstract class ConferenceCancellationMigration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cancellation_reason",
                table: "joint_conferences",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cancellation_reason",
                table: "joint_conferences");
        }
    }
}
