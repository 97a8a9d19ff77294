using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.JointPlanning.Infrastructure.Migrations
{
    /// <summary>
    /// The migration of the joint-planning tables, written once for the services that run it (Organization,
    /// HomeAffairs, DelegateAffairs): each has its own migration class deriving from this one, with its id and its
    /// model snapshot (the designer file), so its history is its own.
    /// </summary>
    public abstract class JointPlanningMigration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "joint_conferences",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    lead_body = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    chair_name = table.Column<string>(type: "text", nullable: false),
                    chair_title = table.Column<string>(type: "text", nullable: false),
                    chair_body = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    response_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agenda = table.Column<string>(type: "jsonb", nullable: false),
                    attendance = table.Column<string>(type: "jsonb", nullable: false),
                    good_practices = table.Column<string>(type: "jsonb", nullable: false),
                    conclusion_summary = table.Column<string>(type: "text", nullable: true),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    tasks = table.Column<string>(type: "jsonb", nullable: false),
                    postponement_reason = table.Column<string>(type: "text", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    list_key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joint_conferences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "joint_participations",
                columns: table => new
                {
                    conference_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    lead_body = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    body = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    conference = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    list_key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    response = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decline_reason = table.Column<string>(type: "text", nullable: true),
                    agenda_items = table.Column<string>(type: "jsonb", nullable: false),
                    bridge_points = table.Column<string>(type: "jsonb", nullable: false),
                    report = table.Column<string>(type: "jsonb", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joint_participations", x => x.conference_id);
                });

            migrationBuilder.CreateTable(
                name: "joint_task_owner_states",
                columns: table => new
                {
                    task_id = table.Column<string>(type: "text", nullable: false),
                    owner_body = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    conference_id = table.Column<string>(type: "text", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    done = table.Column<bool>(type: "boolean", nullable: false),
                    overdue = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joint_task_owner_states", x => new { x.task_id, x.owner_body });
                });

            migrationBuilder.CreateTable(
                name: "joint_tasks",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    conference_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    lead_body = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owner_body = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owners = table.Column<List<string>>(type: "text[]", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    legal_basis = table.Column<string>(type: "jsonb", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    done = table.Column<bool>(type: "boolean", nullable: false),
                    overdue = table.Column<bool>(type: "boolean", nullable: false),
                    progress = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    list_key = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false, collation: "C"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joint_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "joint_conference_participants",
                columns: table => new
                {
                    conference_id = table.Column<string>(type: "character varying(100)", nullable: false),
                    body = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    response = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decline_reason = table.Column<string>(type: "text", nullable: true),
                    agenda_items = table.Column<string>(type: "jsonb", nullable: false),
                    bridge_points = table.Column<string>(type: "jsonb", nullable: false),
                    has_report = table.Column<bool>(type: "boolean", nullable: false),
                    overdue = table.Column<bool>(type: "boolean", nullable: false),
                    excluded = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joint_conference_participants", x => new { x.conference_id, x.body });
                    table.ForeignKey(
                        name: "fk_joint_conference_participants_joint_conferences_conference_",
                        column: x => x.conference_id,
                        principalTable: "joint_conferences",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_joint_conferences_list_key",
                table: "joint_conferences",
                column: "list_key");

            migrationBuilder.CreateIndex(
                name: "ix_joint_conferences_status_response_deadline",
                table: "joint_conferences",
                columns: new[] { "status", "response_deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_joint_participations_list_key",
                table: "joint_participations",
                column: "list_key");

            migrationBuilder.CreateIndex(
                name: "ix_joint_task_owner_states_conference_id",
                table: "joint_task_owner_states",
                column: "conference_id");

            migrationBuilder.CreateIndex(
                name: "ix_joint_tasks_conference_id_list_key",
                table: "joint_tasks",
                columns: new[] { "conference_id", "list_key" });

            migrationBuilder.CreateIndex(
                name: "ix_joint_tasks_due_date",
                table: "joint_tasks",
                column: "due_date",
                filter: "NOT done AND NOT overdue");

            migrationBuilder.CreateIndex(
                name: "ix_joint_tasks_list_key",
                table: "joint_tasks",
                column: "list_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "joint_conference_participants");

            migrationBuilder.DropTable(
                name: "joint_participations");

            migrationBuilder.DropTable(
                name: "joint_task_owner_states");

            migrationBuilder.DropTable(
                name: "joint_tasks");

            migrationBuilder.DropTable(
                name: "joint_conferences");
        }
    }
}
