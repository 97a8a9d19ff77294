using Platform.Contracts.IntegrationEvents;
using Platform.Vietnamese;
using Platform.Vetting.Model;

namespace Platform.Organization.Model;

/// <summary>
/// What the Organization can tell of a candidate from its cadre record, one finding per rule, dates compared with
/// election day. Pure: the subject and the record in, the findings out.
/// </summary>
public static class VettingRules
{
    public static IReadOnlyList<VettingFinding> Evaluate(VettingSubject subject, CadreRecord? record) => record is null
        ? [VettingCriteria.CadreRecordKnown.CannotTell("no cadre record: không có hồ sơ cán bộ của người này")]
        :
        [
            Standing(subject, record), Discipline(subject, record), Succession(subject, record),
            Regulation205(subject, record), Relatives(record), Birth(subject, record),
        ];

    /// <summary>Declared a member: expelled disqualifies, not a member calls for review. Declared none but a member on the record: review.</summary>
    public static VettingFinding Standing(VettingSubject subject, CadreRecord record)
    {
        string[] facts = [$"tự khai: {(subject.PartyMember ? "đảng viên" : "không phải đảng viên")}", $"hồ sơ: {Named(record.PartyStanding)}"];
        var member = record.PartyStanding is PartyStanding.FullMember or PartyStanding.Probationary;
        return (subject.PartyMember, record.PartyStanding) switch
        {
            (true, PartyStanding.Expelled) => VettingCriteria.PartyStanding.Fail(disqualifying: true, facts),
            (true, _) when !member => VettingCriteria.PartyStanding.Fail(disqualifying: false, facts),
            (false, _) when member => VettingCriteria.PartyStanding.Fail(disqualifying: false, facts),
            _ => VettingCriteria.PartyStanding.Pass(facts),
        };
    }

    /// <summary>A Party discipline decided within the look-back, or still running on election day, disqualifies.</summary>
    public static VettingFinding Discipline(VettingSubject subject, CadreRecord record) => DisciplineTerm.Evaluate(
        VettingCriteria.PartyDiscipline, record.DisciplineRecords.Select(d => (d.Form, d.DecidedDate, d.ExpiresDate)),
        subject.ElectionDay, VettingCriteria.DisciplineLookBackMonths);

    /// <summary>Only a full-time seat asks for a place in the succession plan; anything but Planned disqualifies.</summary>
    public static VettingFinding Succession(VettingSubject subject, CadreRecord record)
    {
        if (!subject.FullTime || !VettingCriteria.FullTimeCriteriaElectionKinds.Contains(subject.ElectionKind))
        {
            var why = subject.FullTime ? $"không áp dụng cho cuộc bầu cử {subject.ElectionKind}" : "không phải đại biểu chuyên trách";
            return VettingCriteria.SuccessionPlan.Pass($"{why}: không xét quy hoạch");
        }
        var fact = $"đại biểu chuyên trách; quy hoạch: {Named(record.SuccessionPlanStatus)}";
        return record.SuccessionPlanStatus == SuccessionPlanStatus.Planned
            ? VettingCriteria.SuccessionPlan.Pass(fact)
            : VettingCriteria.SuccessionPlan.Fail(disqualifying: true, fact);
    }

    /// <summary>A finding whose sanction runs on election day or later, or has no end, disqualifies.</summary>
    public static VettingFinding Regulation205(VettingSubject subject, CadreRecord record)
    {
        var findings = record.Regulation205Findings;
        if (findings.Count == 0)
        {
            return VettingCriteria.Regulation205Sanction.Pass("không có vi phạm Quy định 205");
        }
        var facts = findings
            .Select(f => $"Quy định 205: {Named(f.Kind)}, {f.Description}, phát hiện {f.FoundDate.ToVietnamese()}, " +
                (f.SanctionUntil is { } until ? $"xử lý đến {until.ToVietnamese()}" : "xử lý không thời hạn"))
            .Prepend($"ngày bầu cử {subject.ElectionDay.ToVietnamese()}")
            .ToList();
        var running = findings.Any(f => f.SanctionUntil is null || f.SanctionUntil >= subject.ElectionDay);
        return running
            ? VettingCriteria.Regulation205Sanction.Fail(disqualifying: true, facts)
            : VettingCriteria.Regulation205Sanction.Pass(facts);
    }

    /// <summary>Any relative in a linked post calls for a reviewer.</summary>
    public static VettingFinding Relatives(CadreRecord record) => record.RelativesInLinkedPosts.Count == 0
        ? VettingCriteria.RelativesInLinkedPosts.Pass("không có người thân giữ chức vụ có liên quan")
        : VettingCriteria.RelativesInLinkedPosts.Fail(disqualifying: false,
            record.RelativesInLinkedPosts.Select(r => $"người thân: {r.Relation} {r.FullName}, {r.Post}"));

    /// <summary>A birth date on the record other than the candidate's calls for review (one of the two files is wrong).</summary>
    public static VettingFinding Birth(VettingSubject subject, CadreRecord record) => record.BirthDate == subject.BirthDate
        ? VettingCriteria.BirthDate.Pass($"ngày sinh {record.BirthDate.ToVietnamese()}")
        : VettingCriteria.BirthDate.Fail(disqualifying: false,
            $"ngày sinh khác nhau: hồ sơ ứng cử {subject.BirthDate.ToVietnamese()}, hồ sơ cán bộ {record.BirthDate.ToVietnamese()}");

    private static string Named(PartyStanding standing) => standing switch
    {
        PartyStanding.FullMember => "đảng viên chính thức",
        PartyStanding.Probationary => "đảng viên dự bị",
        PartyStanding.Expelled => "đã bị khai trừ khỏi Đảng",
        _ => "không phải đảng viên",
    };

    private static string Named(SuccessionPlanStatus status) => status switch
    {
        SuccessionPlanStatus.Planned => "có trong quy hoạch",
        SuccessionPlanStatus.Removed => "đã bị đưa ra khỏi quy hoạch",
        _ => "chưa được quy hoạch",
    };

    private static string Named(Regulation205FindingKind kind) => kind == Regulation205FindingKind.PositionSeeking
        ? "chạy chức, chạy quyền (Điều 10)"
        : "tiếp tay, bao che (Điều 11)";
}
