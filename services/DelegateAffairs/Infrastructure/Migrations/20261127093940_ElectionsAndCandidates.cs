using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Platform.DelegateAffairs.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ElectionsAndCandidates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "candidate_margin_rules",
                columns: table => new
                {
                    law_code = table.Column<string>(type: "text", nullable: false),
                    family = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    min_seats = table.Column<int>(type: "integer", nullable: false),
                    max_seats = table.Column<int>(type: "integer", nullable: false),
                    extra_candidates = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidate_margin_rules", x => new { x.law_code, x.family, x.min_seats });
                });

            migrationBuilder.CreateTable(
                name: "candidates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<string>(type: "text", nullable: false),
                    constituency_id = table.Column<string>(type: "text", nullable: false),
                    province_code = table.Column<string>(type: "text", nullable: false),
                    national_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    full_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    search_name = table.Column<string>(type: "text", nullable: false),
                    list_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ethnicity = table.Column<string>(type: "text", nullable: false),
                    party_member = table.Column<bool>(type: "boolean", nullable: false),
                    occupation = table.Column<string>(type: "text", nullable: false),
                    workplace = table.Column<string>(type: "text", nullable: false),
                    residence = table.Column<string>(type: "text", nullable: false),
                    nominating_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    re_elected = table.Column<bool>(type: "boolean", nullable: false),
                    full_time = table.Column<bool>(type: "boolean", nullable: false),
                    dossier_items = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "constituencies",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    election_id = table.Column<string>(type: "text", nullable: false),
                    province_code = table.Column<string>(type: "text", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_constituencies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "election_laws",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_election_laws", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "elections",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false, collation: "C"),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    term_start_year = table.Column<int>(type: "integer", nullable: false),
                    term_end_year = table.Column<int>(type: "integer", nullable: false),
                    election_day = table.Column<DateOnly>(type: "date", nullable: false),
                    law_code = table.Column<string>(type: "text", nullable: false),
                    total_seats = table.Column<int>(type: "integer", nullable: false),
                    central_seats = table.Column<int>(type: "integer", nullable: false),
                    local_seats = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "quota_targets",
                columns: table => new
                {
                    election_id = table.Column<string>(type: "text", nullable: false),
                    criterion = table.Column<string>(type: "text", nullable: false),
                    min_percent = table.Column<decimal>(type: "numeric", nullable: true),
                    max_percent = table.Column<decimal>(type: "numeric", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quota_targets", x => new { x.election_id, x.criterion });
                });

            migrationBuilder.CreateTable(
                name: "timeline_rules",
                columns: table => new
                {
                    law_code = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    offset_days = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    inferred = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timeline_rules", x => new { x.law_code, x.key });
                });

            migrationBuilder.InsertData(
                table: "candidate_margin_rules",
                columns: new[] { "family", "law_code", "min_seats", "extra_candidates", "max_seats", "source" },
                values: new object[,]
                {
                    { "NationalAssembly", "85/2015/QH13", 1, 2, 3, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)" },
                    { "PeoplesCouncil", "85/2015/QH13", 1, 1, 2, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)" },
                    { "PeoplesCouncil", "85/2015/QH13", 3, 2, 3, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)" },
                    { "PeoplesCouncil", "85/2015/QH13", 4, 3, 5, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)" }
                });

            migrationBuilder.InsertData(
                table: "election_laws",
                columns: new[] { "code", "issued_on", "title" },
                values: new object[] { "85/2015/QH13", new DateOnly(2015, 6, 25), "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân" });

            migrationBuilder.InsertData(
                table: "timeline_rules",
                columns: new[] { "key", "law_code", "inferred", "offset_days", "order", "source", "title" },
                values: new object[,]
                {
                    { "campaigning_ends", "85/2015/QH13", false, -1, 17, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Kết thúc vận động bầu cử (trước thời điểm bắt đầu bỏ phiếu 24 giờ)" },
                    { "complaints_closed", "85/2015/QH13", false, -10, 16, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Ngừng xem xét, giải quyết khiếu nại, tố cáo về người ứng cử" },
                    { "composition_adjusted_1", "85/2015/QH13", false, -90, 4, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Ủy ban Thường vụ Quốc hội điều chỉnh lần thứ nhất cơ cấu, thành phần, số lượng" },
                    { "composition_adjusted_2", "85/2015/QH13", true, -55, 8, "Suy ra từ các mốc của cuộc bầu cử năm 2021, chưa được xác nhận trong văn bản luật", "Ủy ban Thường vụ Quốc hội điều chỉnh lần thứ hai" },
                    { "composition_set", "85/2015/QH13", false, -105, 2, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Dự kiến cơ cấu, thành phần, số lượng đại biểu; thành lập các Ủy ban bầu cử" },
                    { "constituencies_fixed", "85/2015/QH13", false, -80, 5, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Ấn định đơn vị bầu cử và số lượng đại biểu được bầu" },
                    { "consultative_conference_1", "85/2015/QH13", false, -95, 3, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Hội nghị hiệp thương lần thứ nhất" },
                    { "consultative_conference_2", "85/2015/QH13", false, -65, 7, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Hội nghị hiệp thương lần thứ hai (danh sách sơ bộ)" },
                    { "consultative_conference_3", "85/2015/QH13", false, -35, 11, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Hội nghị hiệp thương lần thứ ba (danh sách chính thức)" },
                    { "dossiers_due", "85/2015/QH13", false, -70, 6, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Hạn nộp hồ sơ ứng cử; thành lập Ban bầu cử" },
                    { "election_day", "85/2015/QH13", false, 0, 18, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Ngày bầu cử" },
                    { "election_day_announced", "85/2015/QH13", false, -115, 1, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Công bố ngày bầu cử" },
                    { "lists_posted", "85/2015/QH13", false, -20, 14, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Niêm yết danh sách người ứng cử ở khu vực bỏ phiếu" },
                    { "lists_sent", "85/2015/QH13", false, -30, 12, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Gửi danh sách người ứng cử đến Hội đồng bầu cử quốc gia, Ủy ban bầu cử" },
                    { "materials_delivered", "85/2015/QH13", false, -15, 15, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Giao tài liệu, phiếu bầu cử cho Tổ bầu cử" },
                    { "national_assembly_results", "85/2015/QH13", false, 20, 20, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Công bố kết quả bầu cử đại biểu Quốc hội" },
                    { "official_lists_published", "85/2015/QH13", false, -25, 13, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Công bố danh sách chính thức những người ứng cử" },
                    { "peoples_council_results", "85/2015/QH13", false, 10, 19, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Công bố kết quả bầu cử đại biểu Hội đồng nhân dân" },
                    { "polling_teams_formed", "85/2015/QH13", false, -50, 9, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Thành lập Tổ bầu cử" },
                    { "voter_roll_posted", "85/2015/QH13", false, -40, 10, "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)", "Niêm yết danh sách cử tri" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_constituency_id_list_key",
                table: "candidates",
                columns: new[] { "constituency_id", "list_key" });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_election_id_list_key",
                table: "candidates",
                columns: new[] { "election_id", "list_key" });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_election_id_national_id",
                table: "candidates",
                columns: new[] { "election_id", "national_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_candidates_search_name",
                table: "candidates",
                column: "search_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_constituencies_election_id_province_code_number",
                table: "constituencies",
                columns: new[] { "election_id", "province_code", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "candidate_margin_rules");

            migrationBuilder.DropTable(
                name: "candidates");

            migrationBuilder.DropTable(
                name: "constituencies");

            migrationBuilder.DropTable(
                name: "election_laws");

            migrationBuilder.DropTable(
                name: "elections");

            migrationBuilder.DropTable(
                name: "quota_targets");

            migrationBuilder.DropTable(
                name: "timeline_rules");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
