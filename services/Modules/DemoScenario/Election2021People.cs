namespace Platform.DemoScenario;

/// <summary>A constituency of the demo 2021 election: a province's numbered district and its seats.</summary>
public sealed record DemoConstituency(string ProvinceCode, int Number, int Seats);

/// <summary>A person of the demo: a candidate of 2021, with what the three bodies each know of them.</summary>
public sealed record DemoPerson(
    int Sequence,
    string NationalId,
    string FullName,
    DateOnly BirthDate,
    bool Female,
    string Ethnicity,
    bool PartyMember,
    string Occupation,
    DemoConstituency Constituency,
    DemoNomination Nomination,
    bool ReElected,
    bool FullTime);

public enum DemoNomination
{
    Central = 1,
    Local = 2,
    SelfNominated = 3,
}

/// <summary>
/// The XV National Assembly election of 23/5/2021 as the demo stages it: 184 constituencies with 500 seats
/// across the 63 provinces, and seats + 2 candidates in each (868). The first is "Nguyễn Văn Ánh".
/// </summary>
public static class Election2021People
{
    public static readonly DateOnly ElectionDay = new(2021, 5, 23);

    /// <summary>The 63 provinces and centrally-run cities that elected in 2021 (their codes).</summary>
    public static readonly IReadOnlyList<string> ProvinceCodes =
    [
        "01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26", "27", "30", "31", "33",
        "34", "35", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "60", "62", "64", "66",
        "67", "68", "70", "72", "74", "75", "77", "79", "80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96",
    ];

    /// <summary>
    /// Two constituencies of 3 seats in every province (each province ≥ 6 deputies), then 58 more in the most
    /// populous (the first 6 of them with 3 seats, the rest with 2): 184 constituencies, 500 seats.
    /// </summary>
    public static IReadOnlyList<DemoConstituency> Constituencies { get; } = BuildConstituencies();

    private static List<DemoConstituency> BuildConstituencies()
    {
        string[] populous = ["01", "79", "38", "40", "74", "75", "89", "30", "36", "22", "31", "24", "37", "52", "64", "66", "80", "82", "87", "91", "94", "26", "27", "34"];
        var result = new List<DemoConstituency>();
        var next = ProvinceCodes.ToDictionary(code => code, _ => 1);
        void Add(string province, int seats) => result.Add(new DemoConstituency(province, next[province]++, seats));

        foreach (var province in ProvinceCodes)
        {
            Add(province, 3);
            Add(province, 3);
        }
        var extra = populous.Take(2).SelectMany(p => Enumerable.Repeat(p, 8))   // Hà Nội and TP Hồ Chí Minh: 10 each
            .Concat(populous.Skip(2).SelectMany(p => Enumerable.Repeat(p, 2)))    // the next ones: 4 each
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
    // Official names of the 54 groups (General Statistics Office list): "Mông", not the older "H'Mông".
    private static readonly string[] Minorities = ["Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "Mông", "Dao", "Gia Rai", "Ê Đê", "Ba Na", "Chăm"];
    private static readonly string[] Occupations = ["Cán bộ", "Công chức", "Giáo viên", "Bác sĩ", "Kỹ sư", "Doanh nhân", "Luật sư", "Nông dân", "Sĩ quan quân đội", "Nhà khoa học"];

    // Declared after the name lists it draws from: static initializers run in textual order.
    public static IReadOnlyList<DemoPerson> People { get; } = BuildPeople();

    private static List<DemoPerson> BuildPeople()
    {
        var random = new Random(20210523);
        var result = new List<DemoPerson>();
        foreach (var constituency in Constituencies)
        {
            for (var i = 0; i < constituency.Seats + 2; i++)
            {
                var sequence = result.Count;
                var female = random.NextDouble() < 0.45;
                var age = random.NextDouble() < 0.16 ? random.Next(28, 40) : random.Next(40, 65);
                var birth = ElectionDay.AddYears(-age).AddDays(-random.Next(1, 360));
                var name = $"{Pick(random, Surnames)} {Pick(random, female ? FemaleMiddle : MaleMiddle)} {Pick(random, female ? FemaleGiven : MaleGiven)}";
                if (sequence == 0)
                {
                    (name, female) = ("Nguyễn Văn Ánh", false);
                }
                result.Add(new DemoPerson(
                    sequence,
                    $"0{constituency.ProvinceCode}{(female ? 1 : 0)}{birth.Year % 100:D2}{sequence + 1:D6}",
                    name,
                    birth,
                    female,
                    random.NextDouble() < 0.21 ? Pick(random, Minorities) : "Kinh",
                    random.NextDouble() >= 0.09,
                    Pick(random, Occupations),
                    constituency,
                    random.NextDouble() switch { < 0.23 => DemoNomination.Central, < 0.99 => DemoNomination.Local, _ => DemoNomination.SelfNominated },
                    random.NextDouble() < 0.2,
                    random.NextDouble() < 0.35));
            }
        }
        return result;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
