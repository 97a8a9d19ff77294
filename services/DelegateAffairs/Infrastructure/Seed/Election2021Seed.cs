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

    public static IReadOnlyList<string> ProvinceCodes => Election2021People.ProvinceCodes;

    public static Election Election => new()
    {
        Id = ElectionId, Kind = ElectionKind.NationalAssembly, Term = "XV", TermStartYear = 2021, TermEndYear = 2026,
        ElectionDay = new DateOnly(2021, 5, 23), LawCode = LegalRulesData.Law85, TotalSeats = 500, CentralSeats = 207, LocalSeats = 293,
    };

    public static IReadOnlyList<QuotaTarget> Quotas => QuotaGuidance.For(ElectionId, ElectionFamily.NationalAssembly, 2021);

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
