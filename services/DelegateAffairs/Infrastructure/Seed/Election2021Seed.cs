using Platform.DelegateAffairs.Model;
using Platform.DemoScenario;

namespace Platform.DelegateAffairs.Infrastructure.Seed;

/// <summary>
/// The demo scenario's election: the XV National Assembly, election day 23/5/2021, 500 seats (207 central,
/// 293 local) in 184 constituencies across the 63 provinces, its quotas (NQ 1185/NQ-UBTVQH14 of 11/1/2021)
/// and 868 candidates — two more than the seats in every constituency — from the demo scenario's people
/// (<see cref="Election2021People"/>), not the official lists.
/// </summary>
public static class Election2021Seed
{
    public const string ElectionId = "quoc-hoi-xv";
    private const string Nq1185 = "Nghị quyết 1185/NQ-UBTVQH14 (11/1/2021)";
    private const string Law85Article8 = "Luật 85/2015/QH13 (25/6/2015), Điều 8; " + Nq1185;

    public static IReadOnlyList<string> ProvinceCodes => Election2021People.ProvinceCodes;

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

    public static IReadOnlyList<Constituency> Constituencies() =>
        Election2021People.Constituencies.Select(c => new Constituency
        {
            Id = Constituency.IdFor(ElectionId, c.ProvinceCode, c.Number), ElectionId = ElectionId, ProvinceCode = c.ProvinceCode, Number = c.Number, Seats = c.Seats,
        }).ToList();

    /// <summary>The demo's people as candidates, each in their constituency, with a complete dossier, on the official list.</summary>
    public static IReadOnlyList<Candidate> Candidates(IReadOnlyDictionary<string, string> provinceNames) =>
        Election2021People.People.Select(p =>
        {
            var province = p.Constituency.ProvinceCode;
            var candidate = new Candidate
            {
                Id = DeterministicId(p.Sequence),
                ElectionId = ElectionId,
                ConstituencyId = Constituency.IdFor(ElectionId, province, p.Constituency.Number),
                ProvinceCode = province,
                NationalId = p.NationalId,
                BirthDate = p.BirthDate,
                Sex = p.Female ? Sex.Female : Sex.Male,
                Ethnicity = p.Ethnicity,
                PartyMember = p.PartyMember,
                Occupation = p.Occupation,
                Workplace = $"Tỉnh/thành phố {provinceNames.GetValueOrDefault(province, province)}",
                Residence = provinceNames.GetValueOrDefault(province, province),
                NominatingLevel = (NominatingLevel)p.Nomination,
                ReElected = p.ReElected,
                FullTime = p.FullTime,
                DossierItems = DossierItems.Application | DossierItems.CertifiedCv | DossierItems.ShortBiography | DossierItems.Photos | DossierItems.AssetDeclaration,
                Status = CandidateStatus.OfficialList,
            };
            candidate.SetName(p.FullName);
            return candidate;
        }).ToList();

    /// <summary>The same ids at every load, so the seed is repeatable and links to it stay valid.</summary>
    private static Guid DeterministicId(int sequence) => new($"20210523-0000-4000-8000-{sequence:D12}");
}
