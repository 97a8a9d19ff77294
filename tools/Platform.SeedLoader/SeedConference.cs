using Platform.JointPlanning.V1;

namespace Platform.SeedLoader;

/// <summary>
/// The joint conference of the seed scenario (/work/shared/seed): the review of the first half of 2020 held
/// online on 1 July 2020 by the Central Organization Commission, the Ministry of Home Affairs and the Delegate
/// Affairs Committee, chaired by Phạm Minh Chính. Its title, chair, good practices and agreed tasks are those of
/// the news item. The news item names no one else: the other presenters, the local chairs, the contacts and
/// the attendance figures are invented for the demo (like DemoScenario's people), not those who took part.
/// </summary>
public static class SeedConference
{
    public const string Lead = Bodies.Organization;
    public const string Slug = "so-ket-6-thang-2020";
    public const string Id = $"{Lead}.{Slug}";

    public static Conference Proposal() => new()
    {
        Title = "Hội nghị trực tuyến sơ kết 6 tháng đầu năm, triển khai công tác 6 tháng cuối năm 2020",
        Kind = ConferenceKind.HalfYearReview,
        PeriodStart = "2020-01-01",
        PeriodEnd = "2020-06-30",
        Date = "2020-07-01",
        StartTime = "08:00",
        Format = ConferenceFormat.Online,
        CoOrganizers = { Bodies.HomeAffairs, Bodies.DelegateAffairs },
        Chair = new Chair { Name = ChairPerson.Name, Title = ChairPerson.Title, Body = Bodies.Organization },
        ResponseDeadline = "2020-06-25",
    };

    private static readonly Person ChairPerson = new()
    {
        Name = "Phạm Minh Chính",
        Title = "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương",
        Unit = "Ban Tổ chức Trung ương",
    };

    /// <summary>A good practice presented (tham luận), by whom, in which body's part of the agenda.</summary>
    public sealed record Practice(string Body, string Unit, string Title, string Summary, Person Presenter, int Minutes)
    {
        public GoodPractice ToGoodPractice() => new() { Unit = Unit, Title = Title, Summary = Summary };

        public AgendaItem ToAgendaItem() => new()
        {
            Title = $"Tham luận: {Title}",
            Presenter = Presenter.Clone(),
            Minutes = Minutes,
            Kind = AgendaItemKind.GoodPractice,
        };
    }

    /// <summary>The five good practices (mô hình mới, cách làm hay) of the news item, one per unit.</summary>
    public static readonly IReadOnlyList<Practice> Practices =
    [
        new(Bodies.Organization, "Đảng ủy Công an Trung ương",
            "Phân công ủy viên Ban Thường vụ, lãnh đạo Bộ Công an chỉ đạo công tác đại hội",
            "Đảng ủy Công an Trung ương ban hành Kế hoạch phân công các đồng chí ủy viên Ban Thường vụ, lãnh đạo Bộ Công an "
            + "chỉ đạo nắm chắc tình hình bảo vệ chính trị nội bộ Đảng và công tác cán bộ đại hội các đơn vị, địa phương.",
            PersonOf("Trần Quốc Hưng", "Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương", "Đảng ủy Công an Trung ương"), 10),
        new(Bodies.HomeAffairs, "Tỉnh ủy Yên Bái",
            "“Ngày thứ 7 cùng dân”",
            "Tỉnh Yên Bái xây dựng kế hoạch thực hiện “Ngày thứ 7 cùng dân”: lãnh đạo các ban, sở, ngành, đoàn thể, đơn vị cấp tỉnh "
            + "phối hợp với cấp ủy, chính quyền cấp huyện, cấp xã trực tiếp gặp gỡ, trao đổi, hướng dẫn, giúp tháo gỡ những khó khăn, "
            + "vướng mắc cho nhân dân và doanh nghiệp.",
            PersonOf("Hoàng Thị Mai", "Phó Bí thư Tỉnh ủy Yên Bái", "Tỉnh ủy Yên Bái"), 10),
        new(Bodies.Organization, "Tỉnh ủy Quảng Ninh",
            "“Dân tin, Đảng mới cử”",
            "Tỉnh Quảng Ninh triển khai thực hiện chủ trương “Dân tin, Đảng mới cử” ở cấp thôn, tổ dân phố; đại hội bầu trực tiếp "
            + "bí thư ở cấp cơ sở và cấp trên cơ sở.",
            PersonOf("Vũ Thị Thu Hà", "Trưởng Ban Tổ chức Tỉnh ủy Quảng Ninh", "Tỉnh ủy Quảng Ninh"), 10),
        new(Bodies.HomeAffairs, "Thành ủy Thành phố Hồ Chí Minh",
            "Chính sách hỗ trợ cán bộ, công chức, viên chức đào tạo, bồi dưỡng",
            "Thành phố Hồ Chí Minh thực hiện một số chế độ, chính sách hỗ trợ cán bộ, công chức, viên chức đào tạo, bồi dưỡng "
            + "nâng cao trình độ trên địa bàn thành phố.",
            PersonOf("Đỗ Thanh Tùng", "Trưởng Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh", "Thành ủy Thành phố Hồ Chí Minh"), 10),
        new(Bodies.Organization, "Tỉnh ủy Long An",
            "Thực hiện Phiếu nhận diện các biểu hiện suy thoái theo Nghị quyết Trung ương 4 khóa 12",
            "Tỉnh Long An xây dựng mô hình “Thực hiện Phiếu nhận diện các biểu hiện suy thoái theo Nghị quyết Trung ương 4 khóa 12”, "
            + "giúp cán bộ, đảng viên tự soi, tự sửa và tổ chức đảng sớm nhận diện các biểu hiện suy thoái về tư tưởng chính trị, "
            + "đạo đức, lối sống.",
            PersonOf("Nguyễn Hữu Phước", "Trưởng Ban Tổ chức Tỉnh ủy Long An", "Tỉnh ủy Long An"), 10),
    ];

    /// <summary>A bridge point with the number of those who attended there (recorded by the lead afterwards).</summary>
    public sealed record Site(BridgePoint Point, int Attended);

    /// <summary>What one body contributes: its own agenda items (the good practices it hosts are added), bridge points and report.</summary>
    public sealed record Contribution(string Body, IReadOnlyList<AgendaItem> Items, IReadOnlyList<Site> Sites, ReviewReport Report)
    {
        /// <summary>The body's participation as its editor sends it: accepted, with every contribution.</summary>
        public Participation ToParticipation(string conferenceId, string etag)
        {
            var participation = new Participation
            {
                ConferenceId = conferenceId,
                Response = InvitationResponse.Accepted,
                Report = Report.Clone(),
                Etag = etag,
            };
            // Reports first, then the good practices this body hosts, then discussion and conclusion (the
            // scheduler orders by kind anyway; this keeps the participation readable as sent).
            participation.AgendaItems.AddRange(Items.Where(i => i.Kind == AgendaItemKind.Report).Select(i => i.Clone()));
            participation.AgendaItems.AddRange(Practices.Where(p => p.Body == Body).Select(p => p.ToAgendaItem()));
            participation.AgendaItems.AddRange(Items.Where(i => i.Kind != AgendaItemKind.Report).Select(i => i.Clone()));
            participation.BridgePoints.AddRange(Sites.Select(s => s.Point.Clone()));
            return participation;
        }
    }

    public static readonly IReadOnlyList<Contribution> Contributions =
    [
        new(Bodies.Organization,
            [
                new AgendaItem
                {
                    Title = "Báo cáo sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm, phương hướng, nhiệm vụ 6 tháng cuối năm 2020",
                    Presenter = PersonOf("Nguyễn Đức Thành", "Phó Trưởng Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương"),
                    Minutes = 25,
                    Kind = AgendaItemKind.Report,
                },
                new AgendaItem
                {
                    Title = "Phát biểu kết luận Hội nghị",
                    Presenter = ChairPerson.Clone(),
                    Minutes = 20,
                    Kind = AgendaItemKind.Conclusion,
                },
            ],
            [
                new(Point("ha-noi", "01", "Trụ sở Ban Tổ chức Trung ương, Hà Nội", ChairPerson.Clone(), 150,
                    "Phạm Văn Nam, Văn phòng Ban Tổ chức Trung ương, máy lẻ 2101"), 146),
                new(Point("yen-bai", "15", "Hội trường Tỉnh ủy Yên Bái",
                    PersonOf("Hoàng Thị Mai", "Phó Bí thư Tỉnh ủy Yên Bái", "Tỉnh ủy Yên Bái"), 80,
                    "Lò Văn Thắng, Văn phòng Tỉnh ủy Yên Bái, máy lẻ 115"), 80),
                new(Point("quang-ninh", "22", "Hội trường Tỉnh ủy Quảng Ninh",
                    PersonOf("Vũ Thị Thu Hà", "Trưởng Ban Tổ chức Tỉnh ủy Quảng Ninh", "Tỉnh ủy Quảng Ninh"), 90,
                    "Đặng Quốc Khánh, Văn phòng Tỉnh ủy Quảng Ninh, máy lẻ 122"), 87),
                new(Point("ho-chi-minh", "79", "Hội trường Thành ủy Thành phố Hồ Chí Minh",
                    PersonOf("Đỗ Thanh Tùng", "Trưởng Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh", "Thành ủy Thành phố Hồ Chí Minh"), 120,
                    "Huỳnh Minh Trí, Văn phòng Thành ủy, máy lẻ 179"), 115),
                new(Point("long-an", "80", "Hội trường Tỉnh ủy Long An",
                    PersonOf("Nguyễn Hữu Phước", "Trưởng Ban Tổ chức Tỉnh ủy Long An", "Tỉnh ủy Long An"), 70,
                    "Võ Thành Đạt, Văn phòng Tỉnh ủy Long An, máy lẻ 180"), 68),
            ],
            new ReviewReport
            {
                Results =
                    "Sáu tháng đầu năm 2020, Ban Tổ chức Trung ương tham mưu Bộ Chính trị, Ban Bí thư lãnh đạo, chỉ đạo đại hội đảng bộ "
                    + "các cấp theo Chỉ thị 35-CT/TW; hướng dẫn, thẩm định đề án nhân sự cấp ủy của các đảng bộ trực thuộc Trung ương, "
                    + "gắn với công tác bảo vệ chính trị nội bộ. Đại hội đảng bộ cấp cơ sở cơ bản hoàn thành; đại hội điểm cấp trên cơ sở "
                    + "được tổ chức đúng kế hoạch, bảo đảm dân chủ, đúng quy định, nhiều nơi đại hội bầu trực tiếp bí thư. Quy định 205-QĐ/TW "
                    + "về kiểm soát quyền lực trong công tác cán bộ và chống chạy chức, chạy quyền được quán triệt đến các cấp ủy.",
                Shortcomings =
                    "Tiến độ đại hội ở một số nơi chậm so với kế hoạch do ảnh hưởng của dịch Covid-19. Việc chuẩn bị văn kiện và phương án "
                    + "nhân sự ở một số đảng bộ còn lúng túng, tỷ lệ cán bộ trẻ, cán bộ nữ trong dự kiến cấp ủy chưa đạt yêu cầu. Việc xem xét, "
                    + "giải quyết đơn thư liên quan đến nhân sự đại hội có nơi còn chậm.",
                Proposals =
                    "Đề nghị các cấp ủy tiếp tục quán triệt nghiêm Chỉ thị 35-CT/TW và Kết luận 75-KL/TW, rà soát kỹ tiêu chuẩn, điều kiện "
                    + "nhân sự; không để sót những người có đức, có tài, nhưng cũng không để lọt những người không xứng đáng vào cấp ủy. "
                    + "Phối hợp chặt chẽ với Bộ Nội vụ và Ban Công tác đại biểu để nhân sự đại hội gắn với nhân sự ứng cử đại biểu Quốc hội "
                    + "khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026.",
            }),
        new(Bodies.HomeAffairs,
            [
                new AgendaItem
                {
                    Title = "Báo cáo sơ kết công tác nội vụ 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2020",
                    Presenter = PersonOf("Vũ Đăng Khoa", "Thứ trưởng Bộ Nội vụ", "Bộ Nội vụ"),
                    Minutes = 20,
                    Kind = AgendaItemKind.Report,
                },
            ],
            [
                new(Point("ha-noi-bo-noi-vu", "01", "Trụ sở Bộ Nội vụ, Hà Nội",
                    PersonOf("Vũ Đăng Khoa", "Thứ trưởng Bộ Nội vụ", "Bộ Nội vụ"), 60,
                    "Nguyễn Thị Hồng, Văn phòng Bộ Nội vụ, máy lẻ 301"), 58),
                new(Point("da-nang", "48", "Sở Nội vụ thành phố Đà Nẵng",
                    PersonOf("Trần Thị Ngọc Lan", "Giám đốc Sở Nội vụ thành phố Đà Nẵng", "Ủy ban nhân dân thành phố Đà Nẵng"), 45,
                    "Lê Văn Bình, Sở Nội vụ Đà Nẵng, máy lẻ 148"), 44),
                new(Point("can-tho", "92", "Sở Nội vụ thành phố Cần Thơ",
                    PersonOf("Lâm Văn Đức", "Giám đốc Sở Nội vụ thành phố Cần Thơ", "Ủy ban nhân dân thành phố Cần Thơ"), 40,
                    "Trương Thị Kim Ngân, Sở Nội vụ Cần Thơ, máy lẻ 192"), 40),
            ],
            new ReviewReport
            {
                Results =
                    "Bộ Nội vụ phối hợp chặt chẽ với Ban Tổ chức Trung ương trong công tác cán bộ phục vụ đại hội đảng bộ các cấp, bảo đảm "
                    + "sự thống nhất giữa nhân sự cấp ủy và nhân sự chủ chốt của chính quyền. Bộ đã hướng dẫn các địa phương rà soát số lượng, "
                    + "cơ cấu đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026 và chuẩn bị thành lập các tổ chức phụ trách bầu cử; "
                    + "tiếp tục sắp xếp đơn vị hành chính cấp huyện, cấp xã, tinh gọn bộ máy, tinh giản biên chế.",
                Shortcomings =
                    "Việc bố trí cán bộ dôi dư sau sắp xếp đơn vị hành chính ở một số địa phương còn chậm. Công tác quy hoạch, đào tạo, "
                    + "bồi dưỡng cán bộ, công chức chưa gắn chặt với yêu cầu chuẩn bị nhân sự; một số địa phương chưa chủ động cập nhật "
                    + "dữ liệu cán bộ, công chức phục vụ công tác bầu cử.",
                Proposals =
                    "Đề nghị sớm hướng dẫn cơ cấu, thành phần và phân bổ số lượng người ứng cử đại biểu Hội đồng nhân dân các cấp; các địa "
                    + "phương kết hợp việc kiện toàn chính quyền sau đại hội với chuẩn bị bầu cử theo Chỉ thị 45-CT/TW. Nhân rộng các mô hình "
                    + "hỗ trợ đào tạo, bồi dưỡng cán bộ, công chức, viên chức như của Thành phố Hồ Chí Minh.",
            }),
        new(Bodies.DelegateAffairs,
            [
                new AgendaItem
                {
                    Title = "Báo cáo công tác chuẩn bị bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026",
                    Presenter = PersonOf("Đinh Thị Hằng", "Phó Trưởng Ban Công tác đại biểu", "Ban Công tác đại biểu"),
                    Minutes = 20,
                    Kind = AgendaItemKind.Report,
                },
                new AgendaItem
                {
                    Title = "Thảo luận: giới thiệu người ứng cử đại biểu Quốc hội, Hội đồng nhân dân gắn với nhân sự đại hội đảng bộ các cấp",
                    Presenter = PersonOf("Bùi Văn Lộc", "Phó Trưởng Ban Công tác đại biểu", "Ban Công tác đại biểu"),
                    Minutes = 30,
                    Kind = AgendaItemKind.Discussion,
                },
            ],
            [
                new(Point("ha-noi-nha-quoc-hoi", "01", "Nhà Quốc hội, Hà Nội",
                    PersonOf("Đinh Thị Hằng", "Phó Trưởng Ban Công tác đại biểu", "Ban Công tác đại biểu"), 50,
                    "Phan Thị Thu Trang, Văn phòng Ban Công tác đại biểu, máy lẻ 401"), 47),
                new(Point("thua-thien-hue", "46", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Thừa Thiên Huế",
                    PersonOf("Hồ Văn Sơn", "Chánh Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Thừa Thiên Huế",
                        "Đoàn đại biểu Quốc hội tỉnh Thừa Thiên Huế"), 35,
                    "Ngô Đình Quang, máy lẻ 146"), 33),
            ],
            new ReviewReport
            {
                Results =
                    "Ban Công tác đại biểu tham mưu Ủy ban Thường vụ Quốc hội chuẩn bị các văn bản về bầu cử đại biểu Quốc hội khóa XV và "
                    + "đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026, trong đó có dự kiến cơ cấu, thành phần, phân bổ số lượng người "
                    + "được giới thiệu ứng cử đại biểu Quốc hội. Ban phối hợp với Ban Tổ chức Trung ương và Bộ Nội vụ để nhân sự giới thiệu "
                    + "ứng cử gắn với phương án nhân sự đại hội đảng bộ các cấp.",
                Shortcomings =
                    "Công tác chuẩn bị bầu cử đan xen với đại hội đảng bộ các cấp nên khối lượng công việc lớn. Việc dự kiến đại biểu chuyên "
                    + "trách, đại biểu trẻ, đại biểu nữ, đại biểu người dân tộc thiểu số ở một số địa phương còn khó khăn; dịch Covid-19 ảnh "
                    + "hưởng đến tiến độ khảo sát, làm việc tại địa phương.",
                Proposals =
                    "Đề nghị cấp ủy các cấp gắn việc chuẩn bị nhân sự cấp ủy với nhân sự ứng cử đại biểu Quốc hội và Hội đồng nhân dân; sớm "
                    + "dự kiến đại biểu chuyên trách, bảo đảm tỷ lệ đại biểu nữ, đại biểu trẻ, đại biểu người dân tộc thiểu số. Tăng cường "
                    + "kiểm tra, giám sát, thực hiện nghiêm Quy định 205-QĐ/TW, không để người chạy chức, chạy quyền được giới thiệu ứng cử.",
            }),
    ];

    public static Contribution ContributionOf(string body) => Contributions.Single(c => c.Body == body);

    /// <summary>Those who attended at a bridge point of the scenario, or null for one it does not know.</summary>
    public static int? AttendedAt(string body, string key) =>
        Contributions.SingleOrDefault(c => c.Body == body)?.Sites.SingleOrDefault(s => s.Point.Key == key)?.Attended;

    // The documents the tasks rest on. Conclusion 75-KL/TW is cited without a date: no source at hand confirms one, and
    // a date from memory would be worse than none.
    private static readonly LegalBasis Directive35 = new()
    {
        Number = "35-CT/TW",
        Date = "2019-05-30",
        Title = "Chỉ thị của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
    };

    private static readonly LegalBasis Directive45 = new()
    {
        Number = "45-CT/TW",
        Date = "2020-06-20",
        Title = "Chỉ thị của Bộ Chính trị về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XV và bầu cử đại biểu Hội đồng nhân dân "
            + "các cấp nhiệm kỳ 2021-2026",
    };

    private static readonly LegalBasis Conclusion75 = new()
    {
        Number = "75-KL/TW",
        Title = "Kết luận của Ban Chấp hành Trung ương về công tác chuẩn bị đại hội đảng bộ các cấp và Đại hội XIII của Đảng",
    };

    private static readonly LegalBasis Regulation205 = new()
    {
        Number = "205-QĐ/TW",
        Date = "2019-09-23",
        Title = "Quy định của Bộ Chính trị về việc kiểm soát quyền lực trong công tác cán bộ và chống chạy chức, chạy quyền",
    };

    public static Conclusion ConclusionNotice()
    {
        var conclusion = new Conclusion
        {
            // Issued the day of the conference; the notice's real date is not in the news item.
            IssuedOn = "2020-07-01",
            Summary =
                "Hội nghị thống nhất: trong 6 tháng cuối năm 2020, Ban Tổ chức Trung ương, Bộ Nội vụ và Ban Công tác đại biểu tập trung "
                + "tham mưu và tổ chức thực hiện nghiêm túc, có hiệu quả Chỉ thị 35-CT/TW, Chỉ thị 45-CT/TW của Bộ Chính trị, Kết luận "
                + "75-KL/TW của Ban Chấp hành Trung ương; chuẩn bị thật tốt công tác nhân sự đại hội đảng bộ các cấp, Đại hội XIII của "
                + "Đảng, nhân sự giới thiệu ứng cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026, "
                + "với tinh thần không để sót những người có đức, có tài, nhưng cũng không để lọt những người không xứng đáng vào cơ "
                + "quan lãnh đạo cấp ủy, chính quyền các cấp.",
        };
        conclusion.Tasks.AddRange(Tasks.Select(t => t.ToConferenceTask()));
        return conclusion;
    }

    /// <summary>A task of the conclusion notice; its id is the conference's id and its number (1, 2, …).</summary>
    public sealed record TaskPlan(int Number, string[] Owners, string DueDate, LegalBasis[] LegalBasis, string Description)
    {
        public string IdIn(string conferenceId) => $"{conferenceId}.{Number}";

        public ConferenceTask ToConferenceTask()
        {
            var task = new ConferenceTask { DueDate = DueDate, Description = Description };
            task.Owners.AddRange(Owners);
            task.LegalBasis.AddRange(LegalBasis.Select(b => b.Clone()));
            return task;
        }
    }

    private static readonly string[] AllBodies = [Bodies.Organization, Bodies.HomeAffairs, Bodies.DelegateAffairs];

    /// <summary>
    /// The tasks agreed for the second half of 2020, in the order of the news item. The three bodies agreed on them
    /// together and own each jointly: the news item names no task of one body alone.
    /// </summary>
    public static readonly IReadOnlyList<TaskPlan> Tasks =
    [
        new(1, AllBodies, "2020-12-31", [Directive35, Directive45, Conclusion75],
            "Tham mưu và tổ chức thực hiện nghiêm túc, có hiệu quả Chỉ thị 35-CT/TW, Chỉ thị 45-CT/TW của Bộ Chính trị, Kết luận "
            + "75-KL/TW của Ban Chấp hành Trung ương và các văn bản liên quan về đại hội đảng bộ các cấp tiến tới Đại hội XIII của Đảng, "
            + "cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026."),
        new(2, AllBodies, "2020-10-31", [Directive35, Conclusion75],
            "Phối hợp với các cơ quan liên quan và các đảng bộ trực thuộc Trung ương chuẩn bị tốt các văn kiện đại hội, nhất là về "
            + "công tác nhân sự, bảo đảm chất lượng; góp phần chuẩn bị báo cáo Bộ Chính trị và tổ chức thành công đại hội đảng bộ "
            + "trực thuộc Trung ương."),
        new(3, AllBodies, "2020-10-31", [Directive35, Directive45],
            "Tham mưu tổ chức thành công đại hội đảng bộ cấp trên cơ sở và đại hội đảng bộ trực thuộc Trung ương nhiệm kỳ 2020-2025 "
            + "gắn với công tác chuẩn bị bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026."),
        new(4, AllBodies, "2020-12-31", [Directive35, Directive45],
            "Tăng cường công tác kiểm tra, giám sát, nhất là đối với công tác chuẩn bị nhân sự của các cấp ủy, tổ chức đảng, cơ quan "
            + "nhà nước gắn với Đại hội XIII của Đảng và bầu cử đại biểu Quốc hội, đại biểu Hội đồng nhân dân các cấp."),
        new(5, AllBodies, "2020-12-31", [Regulation205],
            "Triển khai, thực hiện nghiêm túc, hiệu quả Quy định 205-QĐ/TW của Bộ Chính trị; không chạy chức, chạy quyền, không bao "
            + "che, tiếp tay cho chạy chức, chạy quyền; kiên quyết, kiên trì đấu tranh ngăn chặn, đẩy lùi, tiến tới chấm dứt tình trạng "
            + "“chạy chức”, “chạy quyền”, nhất là trong chuẩn bị nhân sự cấp ủy các cấp, đại biểu Quốc hội và Hội đồng nhân dân các cấp."),
    ];

    /// <summary>A progress report an owner body makes on one of its tasks.</summary>
    public sealed record ProgressPlan(int TaskNumber, string Body, int Percent, bool Done, string Note)
    {
        public string TaskIdIn(string conferenceId) => $"{conferenceId}.{TaskNumber}";
    }

    /// <summary>
    /// Progress as of the demo: some tasks done, others under way, a few not yet reported on. Every due date is in
    /// 2020, so the services' sweep marks the unfinished ones overdue.
    /// </summary>
    public static readonly IReadOnlyList<ProgressPlan> Progress =
    [
        new(1, Bodies.Organization, 70, false,
            "Đã hướng dẫn, thẩm định đề án nhân sự của các đảng bộ trực thuộc Trung ương; tiếp tục theo dõi đại hội cấp trên cơ sở."),
        new(1, Bodies.HomeAffairs, 60, false,
            "Đã hướng dẫn các địa phương chuẩn bị bầu cử đại biểu Hội đồng nhân dân các cấp theo Chỉ thị 45-CT/TW."),
        new(1, Bodies.DelegateAffairs, 50, false,
            "Đang hoàn thiện dự thảo về cơ cấu, thành phần, phân bổ số lượng người ứng cử đại biểu Quốc hội khóa XV."),
        new(2, Bodies.Organization, 100, true,
            "Đã thẩm định văn kiện, đề án nhân sự và báo cáo Bộ Chính trị; các đảng bộ trực thuộc Trung ương đã tổ chức đại hội."),
        new(3, Bodies.Organization, 100, true,
            "Đại hội đảng bộ cấp trên cơ sở và đại hội các đảng bộ trực thuộc Trung ương đã hoàn thành."),
        new(3, Bodies.DelegateAffairs, 80, false,
            "Đã đối chiếu nhân sự cấp ủy với dự kiến người ứng cử đại biểu Quốc hội ở các địa phương; còn một số tỉnh đang rà soát."),
        new(4, Bodies.Organization, 50, false,
            "Đã thành lập các đoàn kiểm tra, giám sát công tác chuẩn bị nhân sự đại hội tại một số đảng bộ."),
        new(5, Bodies.DelegateAffairs, 60, false,
            "Đã rà soát nhân sự dự kiến giới thiệu ứng cử theo Quy định 205-QĐ/TW; chưa phát hiện trường hợp chạy chức, chạy quyền."),
    ];

    private static Person PersonOf(string name, string title, string unit) => new() { Name = name, Title = title, Unit = unit };

    private static BridgePoint Point(string key, string siteCode, string address, Person localChair, int expected, string contact) => new()
    {
        Key = key,
        SiteCode = siteCode,
        Address = address,
        LocalChair = localChair,
        ExpectedAttendees = expected,
        ConnectionContact = contact,
    };
}
