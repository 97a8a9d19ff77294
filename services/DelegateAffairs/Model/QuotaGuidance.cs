namespace Platform.DelegateAffairs.Model;

/// <summary>
/// The composition targets of an election, each on the base its document sets it on: Law 85/2015's floors, and the
/// figures the Standing Committee of the National Assembly set for the elections of 23/5/2021. An election takes its
/// family's and term's targets when it is created.
/// </summary>
public static class QuotaGuidance
{
    public const string Nq1185 = "Nghị quyết 1185/NQ-UBTVQH14 (11/1/2021) về dự kiến số lượng, cơ cấu, thành phần đại biểu Quốc hội khóa XV";
    public const string Nq1187 = "Nghị quyết 1187/NQ-UBTVQH14 (11/1/2021) hướng dẫn xác định dự kiến cơ cấu, thành phần và phân bổ số lượng người được giới thiệu ứng cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021–2026";
    private const string Law85 = "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13 (25/6/2015)";

    /// <summary>
    /// The targets for an election of this family whose term starts in this year: the floors Law 85/2015 sets on the
    /// official list for every election under it (art. 8 for the Assembly, art. 9 for the councils), and the figures the
    /// Standing Committee set for the term, where this platform holds them (2021).
    /// </summary>
    public static IReadOnlyList<QuotaTarget> For(string electionId, ElectionFamily family, int termStartYear) =>
        (family, termStartYear) switch
        {
            (ElectionFamily.NationalAssembly, 2021) =>
            [
                // The law's own floors, restated by NQ 1185.
                List(electionId, QuotaCriteria.Women, 35, $"{Law85}, Điều 8; {Nq1185}"),
                List(electionId, QuotaCriteria.EthnicMinority, 18, $"{Law85}, Điều 8; {Nq1185}"),
                // The expected composition of the 500 deputies elected (NQ 1185): 25–50 non-party, about 50 under 40,
                // about 160 re-elected, about 40 % full-time.
                Elected(electionId, QuotaCriteria.NonParty, 5, 10, approximate: false, Nq1185),
                Elected(electionId, QuotaCriteria.Under40, 10, 10, approximate: true, Nq1185),
                Elected(electionId, QuotaCriteria.ReElected, 32, 32, approximate: true, Nq1185),
                Elected(electionId, QuotaCriteria.FullTime, 40, 40, approximate: true, Nq1185),
            ],
            (ElectionFamily.NationalAssembly, _) =>
            [
                List(electionId, QuotaCriteria.Women, 35, $"{Law85}, Điều 8"),
                List(electionId, QuotaCriteria.EthnicMinority, 18, $"{Law85}, Điều 8"),
            ],
            (ElectionFamily.PeoplesCouncil, 2021) =>
            [
                // NQ 1187: at least 35 % women on the official list, about 30 % women among those elected; at least
                // 10 % non-party and 15 % under 40 among those introduced. Its ethnic-minority share is "reasonable,
                // fitting the locality's population", with no figure, so it is not a target here.
                List(electionId, QuotaCriteria.Women, 35, $"{Law85}, Điều 9; {Nq1187}"),
                Elected(electionId, QuotaCriteria.Women, 30, 30, approximate: true, Nq1187),
                List(electionId, QuotaCriteria.NonParty, 10, Nq1187),
                List(electionId, QuotaCriteria.Under40, 15, Nq1187),
            ],
            (ElectionFamily.PeoplesCouncil, _) => [List(electionId, QuotaCriteria.Women, 35, $"{Law85}, Điều 9")],
            _ => [],
        };

    private static QuotaTarget List(string electionId, string criterion, decimal min, string source) =>
        new() { ElectionId = electionId, Criterion = criterion, Base = QuotaBases.CandidateList, MinPercent = min, Source = source };

    private static QuotaTarget Elected(string electionId, string criterion, decimal min, decimal max, bool approximate, string source) =>
        new() { ElectionId = electionId, Criterion = criterion, Base = QuotaBases.ElectedDeputies, MinPercent = min, MaxPercent = max, Approximate = approximate, Source = source };
}
