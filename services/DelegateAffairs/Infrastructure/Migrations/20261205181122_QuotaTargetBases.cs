using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.DelegateAffairs.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class QuotaTargetBases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_quota_targets",
                table: "quota_targets");

            migrationBuilder.AddColumn<string>(
                name: "base",
                table: "quota_targets",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "candidate_list");

            migrationBuilder.AddColumn<bool>(
                name: "approximate",
                table: "quota_targets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "pk_quota_targets",
                table: "quota_targets",
                columns: new[] { "election_id", "criterion", "base" });

            // Elections already held in a database take the targets of their term on the base the documents set them
            // on (Model/QuotaGuidance.cs as of this migration): NQ 1185 sets the non-party, under-40, re-elected and
            // full-time figures on the 500 deputies elected, most of them "about"; NQ 1187 sets People's Council targets.
            migrationBuilder.Sql($"""
                UPDATE quota_targets q SET base = 'elected_deputies', max_percent = CASE q.criterion WHEN 'non_party' THEN 10 ELSE q.min_percent END,
                       approximate = q.criterion <> 'non_party', source = '{Nq1185}'
                FROM elections e
                WHERE e.id = q.election_id AND e.kind = 'NationalAssembly' AND e.term_start_year = 2021
                  AND q.criterion IN ('non_party', 'under_40', 're_elected', 'full_time');
                UPDATE quota_targets q SET source = '{Law85}, Điều 8; {Nq1185}'
                FROM elections e
                WHERE e.id = q.election_id AND e.kind = 'NationalAssembly' AND e.term_start_year = 2021
                  AND q.criterion IN ('women', 'ethnic_minority');
                INSERT INTO quota_targets (election_id, criterion, base, min_percent, max_percent, approximate, source)
                SELECT e.id, t.criterion, t.base, t.min_percent, t.max_percent, t.approximate, t.source
                FROM elections e CROSS JOIN (VALUES
                    ('women', 'candidate_list', 35::numeric, NULL::numeric, false, '{Law85}, Điều 9; {Nq1187}'),
                    ('women', 'elected_deputies', 30, 30, true, '{Nq1187}'),
                    ('non_party', 'candidate_list', 10, NULL, false, '{Nq1187}'),
                    ('under_40', 'candidate_list', 15, NULL, false, '{Nq1187}')
                ) AS t (criterion, base, min_percent, max_percent, approximate, source)
                WHERE e.kind <> 'NationalAssembly' AND e.term_start_year = 2021
                ON CONFLICT DO NOTHING;
                """);
        }

        private const string Nq1185 = "Nghị quyết 1185/NQ-UBTVQH14 (11/1/2021) về dự kiến số lượng, cơ cấu, thành phần đại biểu Quốc hội khóa XV";
        private const string Nq1187 = "Nghị quyết 1187/NQ-UBTVQH14 (11/1/2021) hướng dẫn xác định dự kiến cơ cấu, thành phần và phân bổ số lượng người được giới thiệu ứng cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021–2026";
        private const string Law85 = "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The old key allows one target per criterion: a criterion's second target (on the deputies elected) goes.
            migrationBuilder.Sql("DELETE FROM quota_targets q WHERE q.base = 'elected_deputies' AND EXISTS (SELECT 1 FROM quota_targets o WHERE o.election_id = q.election_id AND o.criterion = q.criterion AND o.base <> q.base);");
            migrationBuilder.DropPrimaryKey(
                name: "pk_quota_targets",
                table: "quota_targets");

            migrationBuilder.DropColumn(
                name: "base",
                table: "quota_targets");

            migrationBuilder.DropColumn(
                name: "approximate",
                table: "quota_targets");

            migrationBuilder.AddPrimaryKey(
                name: "pk_quota_targets",
                table: "quota_targets",
                columns: new[] { "election_id", "criterion" });
        }
    }
}
