using Platform.DelegateAffairs.Model;

namespace Platform.DelegateAffairs.Infrastructure.Seed;

/// <summary>
/// The demo scenario's election: the XV National Assembly, election day 23/5/2021, 500 seats (207 central,
/// 293 local) in 184 constituencies across the 63 provinces, its quotas (NQ 1185/NQ-UBTVQH14 of 11/1/2021)
/// and 868 candidates — two more than the seats in every constituency. The constituencies' distribution and
/// the candidates are generated (deterministically), not the official lists.
/// </summary>
public static class Election2021Seed
{
    public const string ElectionId = "quoc-hoi-xv";
    private const string Nq1185 = "Nghị quyết 1185/NQ-UBTVQH14 (11/1/2021)";
    private const string Law85Article8 = "Luật 85/2015/QH13 (25/6/2015), Điều 8; " + Nq1185;

    /// <summary>The 63 provinces and centrally-run cities that elected in 2021 (their codes; names come from Home Affairs).</summary>
    public static readonly IReadOnlyList<string> ProvinceCodes =
    [
        "01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26", "27", "30", "31", "33",
        "34", "35", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "60", "62", "64", "66",
        "67", "68", "70", "72", "74", "75", "77", "79", "80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96",
    ];

    public static Election Election => new()
    {
        Id = ElectionId, Kind = ElectionKind.NationalAssembly, Term = "XV", TermStartYear = 2021, TermEndYear = 2026,
        ElectionDay = new DateOnly(2021, 5, 23), LawCode = LegalRulesData.Law85, TotalSeats = 500, CentralSeats = 207, LocalSeats = 293,
    };

    public static QuotaTarget[] Quotas =>
    [
        new() { ElectionId = ElectionId, Criterion = QuotaCriteria.Women, MinPercent = 35, Source = Law85Article8 },
        new() { ElectionId = ElectionId, Criterion = QuotaCriteria.EthnicMinority, MinPercent = 18, Source = Law85Article8 },
        new() { ElectionId = ElectionId, Criterion = QuotaCriteria.NonParty, MinPercent = 5, MaxPercent = 10, Source = Nq1185 },
        new() { ElectionId = ElectionId, Criterion = QuotaCriteria.Under40, MinPercent = 10, Source = Nq1185 },
        new() { ElectionId = ElectionId, Criterion = QuotaCriteria.ReElected, MinPercent = 32, Source = Nq1185 },
        new() { ElectionId = ElectionId, Criterion = QuotaCriteria.FullTime, MinPercent = 40, Source = Nq1185 },
    ];

    /// <summary>
    /// 184 constituencies with 500 seats: two of 3 seats in every province (each province ≥ 6 deputies),
    /// then 58 more in the most populous provinces (the first 6 of them with 3 seats, the rest with 2).
    /// </summary>
    public static IReadOnlyList<Constituency> Constituencies(IReadOnlyList<string> provinceCodes)
    {
        string[] populous = ["01", "79", "38", "40", "74", "75", "89", "30", "36", "22", "31", "24", "37", "52", "64", "66", "80", "82", "87", "91", "94", "26", "27", "34"];
        var result = new List<Constituency>();
        var next = provinceCodes.ToDictionary(code => code, _ => 1);
        void Add(string province, int seats) =>
            result.Add(new Constituency { Id = Constituency.IdFor(ElectionId, province, next[province]), ElectionId = ElectionId, ProvinceCode = province, Number = next[province]++, Seats = seats });

        foreach (var province in provinceCodes)
        {
            Add(province, 3);
            Add(province, 3);
        }
        var extra = populous.Take(2).SelectMany(p => Enumerable.Repeat(p, 8))          // Hà Nội and TP Hồ Chí Minh: 10 each
            .Concat(populous.Skip(2).SelectMany(p => Enumerable.Repeat(p, 2)))           // the next 21: 4 each
            .Where(provinceCodes.Contains)
            .Take(58)
            .ToList();
        for (var i = 0; i < extra.Count; i++)
        {
            Add(extra[i], i < 6 ? 3 : 2);
        }
        return result;
    }

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MaleMiddle = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng"];
    private static readonly string[] MaleGiven = ["Anh", "Ánh", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt"];
    private static readonly string[] FemaleGiven = ["Anh", "Ánh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung", "Phương", "Thảo", "Trang", "Yến"];
    private static readonly string[] Minorities = ["Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "H'Mông", "Dao", "Gia Rai", "Ê Đê", "Ba Na", "Chăm"];
    private static readonly string[] Occupations = ["Cán bộ", "Công chức", "Giáo viên", "Bác sĩ", "Kỹ sư", "Doanh nhân", "Luật sư", "Nông dân", "Sĩ quan quân đội", "Nhà khoa học"];

    /// <summary>Seats + 2 candidates in every constituency, with a realistic mix; the first is "Nguyễn Văn Ánh".</summary>
    public static IReadOnlyList<Candidate> Candidates(IReadOnlyList<Constituency> constituencies, IReadOnlyDictionary<string, string> provinceNames)
    {
        var random = new Random(20210523);
        var electionDay = Election.ElectionDay;
        var result = new List<Candidate>();
        var sequence = 0;
        foreach (var constituency in constituencies)
        {
            for (var i = 0; i < constituency.Seats + 2; i++)
            {
                var female = random.NextDouble() < 0.45;
                var age = random.NextDouble() < 0.16 ? random.Next(28, 40) : random.Next(40, 65);
                var birth = electionDay.AddYears(-age).AddDays(-random.Next(1, 360));
                var name = sequence == 0
                    ? "Nguyễn Văn Ánh"
                    : $"{Pick(random, Surnames)} {Pick(random, female ? FemaleMiddle : MaleMiddle)} {Pick(random, female ? FemaleGiven : MaleGiven)}";
                female = sequence != 0 && female;
                var province = constituency.ProvinceCode;
                var candidate = new Candidate
                {
                    Id = DeterministicId(sequence),
                    ElectionId = ElectionId,
                    ConstituencyId = constituency.Id,
                    ProvinceCode = province,
                    NationalId = $"0{province}{(female ? 1 : 0)}{birth.Year % 100:D2}{sequence + 1:D6}",
                    BirthDate = birth,
                    Sex = female ? Sex.Female : Sex.Male,
                    Ethnicity = random.NextDouble() < 0.21 ? Pick(random, Minorities) : "Kinh",
                    PartyMember = random.NextDouble() >= 0.09,
                    Occupation = Pick(random, Occupations),
                    Workplace = $"Tỉnh/thành phố {provinceNames.GetValueOrDefault(province, province)}",
                    Residence = provinceNames.GetValueOrDefault(province, province),
                    NominatingLevel = random.NextDouble() switch { < 0.23 => NominatingLevel.Central, < 0.99 => NominatingLevel.Local, _ => NominatingLevel.SelfNominated },
                    ReElected = random.NextDouble() < 0.2,
                    FullTime = random.NextDouble() < 0.35,
                    DossierItems = DossierItems.Application | DossierItems.CertifiedCv | DossierItems.ShortBiography | DossierItems.Photos | DossierItems.AssetDeclaration,
                    Status = CandidateStatus.OfficialList,
                };
                candidate.SetName(name);
                result.Add(candidate);
                sequence++;
            }
        }
        return result;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>The same ids at every load, so the seed is repeatable and links to it stay valid.</summary>
    private static Guid DeterministicId(int sequence) => new($"20210523-0000-4000-8000-{sequence:D12}");
}
