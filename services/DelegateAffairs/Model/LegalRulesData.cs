namespace Platform.DelegateAffairs.Model;

/// <summary>
/// The rules of Law 85/2015/QH13 (25/6/2015) on the election of National Assembly and People's Council
/// deputies, as data (DOMAIN.md). Loaded into the database by a migration; an amended law is new rows.
/// </summary>
public static class LegalRulesData
{
    public const string Law85 = "85/2015/QH13";
    private const string Source = "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)";

    public static readonly ElectionLaw[] Laws =
    [
        new() { Code = Law85, Title = "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân", IssuedOn = new DateOnly(2015, 6, 25) },
    ];

    public static readonly TimelineRule[] Timeline =
    [
        Step(1, "election_day_announced", "Công bố ngày bầu cử", -115),
        Step(2, "composition_set", "Dự kiến cơ cấu, thành phần, số lượng đại biểu; thành lập các Ủy ban bầu cử", -105),
        Step(3, "consultative_conference_1", "Hội nghị hiệp thương lần thứ nhất", -95),
        Step(4, "composition_adjusted_1", "Ủy ban Thường vụ Quốc hội điều chỉnh lần thứ nhất cơ cấu, thành phần, số lượng", -90),
        Step(5, "constituencies_fixed", "Ấn định đơn vị bầu cử và số lượng đại biểu được bầu", -80),
        Step(6, "dossiers_due", "Hạn nộp hồ sơ ứng cử; thành lập Ban bầu cử", -70),
        Step(7, "consultative_conference_2", "Hội nghị hiệp thương lần thứ hai (danh sách sơ bộ)", -65),
        Step(8, "composition_adjusted_2", "Ủy ban Thường vụ Quốc hội điều chỉnh lần thứ hai", -55, inferred: true),
        Step(9, "polling_teams_formed", "Thành lập Tổ bầu cử", -50),
        Step(10, "voter_roll_posted", "Niêm yết danh sách cử tri", -40),
        Step(11, "consultative_conference_3", "Hội nghị hiệp thương lần thứ ba (danh sách chính thức)", -35),
        Step(12, "lists_sent", "Gửi danh sách người ứng cử đến Hội đồng bầu cử quốc gia, Ủy ban bầu cử", -30),
        Step(13, "official_lists_published", "Công bố danh sách chính thức những người ứng cử", -25),
        Step(14, "lists_posted", "Niêm yết danh sách người ứng cử ở khu vực bỏ phiếu", -20),
        Step(15, "materials_delivered", "Giao tài liệu, phiếu bầu cử cho Tổ bầu cử", -15),
        Step(16, "complaints_closed", "Ngừng xem xét, giải quyết khiếu nại, tố cáo về người ứng cử", -10),
        Step(17, "campaigning_ends", "Kết thúc vận động bầu cử (trước thời điểm bắt đầu bỏ phiếu 24 giờ)", -1),
        Step(18, "election_day", "Ngày bầu cử", 0),
        Step(19, "peoples_council_results", "Công bố kết quả bầu cử đại biểu Hội đồng nhân dân", 10),
        Step(20, "national_assembly_results", "Công bố kết quả bầu cử đại biểu Quốc hội", 20),
    ];

    public static readonly CandidateMarginRule[] CandidateMargins =
    [
        new() { LawCode = Law85, Family = ElectionFamily.NationalAssembly, MinSeats = 1, MaxSeats = 3, ExtraCandidates = 2, Source = Source },
        new() { LawCode = Law85, Family = ElectionFamily.PeoplesCouncil, MinSeats = 1, MaxSeats = 2, ExtraCandidates = 1, Source = Source },
        new() { LawCode = Law85, Family = ElectionFamily.PeoplesCouncil, MinSeats = 3, MaxSeats = 3, ExtraCandidates = 2, Source = Source },
        new() { LawCode = Law85, Family = ElectionFamily.PeoplesCouncil, MinSeats = 4, MaxSeats = 5, ExtraCandidates = 3, Source = Source },
    ];

    private static TimelineRule Step(int order, string key, string title, int offsetDays, bool inferred = false) => new()
    {
        LawCode = Law85,
        Key = key,
        Order = order,
        Title = title,
        OffsetDays = offsetDays,
        Source = inferred ? "Suy ra từ các mốc của cuộc bầu cử năm 2021, chưa được xác nhận trong văn bản luật" : Source,
        Inferred = inferred,
    };
}
