using Platform.Contracts.IntegrationEvents;
using Platform.Vietnamese;

namespace Platform.DelegateAffairs.Model;

/// <summary>
/// What Delegate Affairs checks itself, from the law and its own records: age, nationality, the grounds of
/// Law 85/2015/QH13 art. 37, and the constituency's candidates against its seats. Each finding cites its document.
/// </summary>
public static class LawChecks
{
    public const string Body = "delegate-affairs";

    private static readonly DateOnly Law85Date = new(2015, 6, 25);
    // The single-nationality standard of a deputy: Law 57/2014/QH13 art. 22 as amended by Law 65/2020/QH14 (19/6/2020).
    private static readonly DateOnly Law65Date = new(2020, 6, 19);

    /// <summary>
    /// The art. 37 grounds by their names, in the law's own words (Law 85/2015/QH13, Điều 37, khoản 1–5), as the API
    /// and the candidate record write them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Article37Grounds = new Dictionary<string, string>
    {
        ["DEPRIVED_OF_RIGHT_TO_STAND"] = "đang bị tước quyền ứng cử theo bản án, quyết định của Tòa án đã có hiệu lực pháp luật",
        ["IMPRISONED"] = "đang phải chấp hành hình phạt tù",
        ["LEGALLY_INCAPACITATED"] = "bị hạn chế hoặc bị mất năng lực hành vi dân sự",
        ["PROSECUTED"] = "đang bị khởi tố bị can",
        ["SERVING_SENTENCE"] = "đang chấp hành bản án, quyết định hình sự của Tòa án",
        ["CONVICTED_NOT_CLEARED"] = "đã chấp hành xong bản án, quyết định hình sự của Tòa án nhưng chưa được xóa án tích",
        ["COMPULSORY_EDUCATION"] = "đang chấp hành biện pháp xử lý hành chính đưa vào trường giáo dưỡng, đưa vào cơ sở giáo dục bắt buộc, "
            + "đưa vào cơ sở cai nghiện bắt buộc hoặc đang bị áp dụng biện pháp xử lý hành chính giáo dục tại xã, phường, thị trấn",
    };

    /// <summary>
    /// The findings for one candidate. <paramref name="candidates"/> is how many stand in its constituency
    /// (withdrawn ones aside) and <paramref name="minimum"/> how many the law asks for its seats.
    /// </summary>
    public static List<VettingFinding> Check(Candidate candidate, Election election, int candidates, int? minimum)
    {
        var findings = new List<VettingFinding>();
        var age = candidate.AgeOn(election.ElectionDay);
        findings.Add(new VettingFinding("age-21", "Đủ 21 tuổi trở lên vào ngày bầu cử", "85/2015/QH13, Điều 2", Law85Date,
            age >= 21 ? "PASS" : "FAIL", true, [$"sinh ngày {candidate.BirthDate.ToVietnamese()}", $"{age} tuổi ngày {election.ElectionDay.ToVietnamese()}"]));
        if (election.Family == ElectionFamily.NationalAssembly)
        {
            var other = candidate.OtherNationality;
            findings.Add(new VettingFinding("nationality", "Chỉ có một quốc tịch là quốc tịch Việt Nam", "57/2014/QH13, Điều 22 (sửa đổi bởi Luật 65/2020/QH14)", Law65Date,
                other.Length == 0 ? "PASS" : "FAIL", true, [other.Length == 0 ? "quốc tịch Việt Nam" : $"có quốc tịch khác: {other}"]));
        }
        var grounds = candidate.Disqualifiers.Select(d => Article37Grounds.GetValueOrDefault(d, d)).ToList();
        findings.Add(new VettingFinding("article-37", "Không thuộc trường hợp không được ứng cử", "85/2015/QH13, Điều 37", Law85Date,
            grounds.Count == 0 ? "PASS" : "FAIL", true, grounds.Count == 0 ? ["không ghi nhận trường hợp nào"] : grounds));
        // The margin is asked of the lists (preliminary and official), not of each introduction as it comes in.
        if (candidate.Status is CandidateStatus.PreliminaryList or CandidateStatus.OfficialList && minimum is { } needed)
        {
            findings.Add(new VettingFinding("candidate-margin", "Số người ứng cử nhiều hơn số đại biểu được bầu", "85/2015/QH13, Điều 57, 58", Law85Date,
                candidates >= needed ? "PASS" : "FAIL", false, [$"{candidates} người ứng cử, cần ít nhất {needed}"]));
        }
        return findings;
    }
}
