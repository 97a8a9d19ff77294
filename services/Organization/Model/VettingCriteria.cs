using Platform.Vetting.Model;

namespace Platform.Organization.Model;

/// <summary>
/// The Organization's vetting rules over cadre records, each with the document it rests on, and their parameters:
/// the one place <see cref="VettingRules"/> cites from. A new directive changes a line here.
/// </summary>
public static class VettingCriteria
{
    private static readonly DateOnly Directive45 = new(2020, 6, 20);
    private static readonly DateOnly Guidance36 = new(2021, 1, 20);
    private static readonly DateOnly Regulation205 = new(2019, 9, 23);
    private static readonly DateOnly Law85 = new(2015, 6, 25);

    /// <summary>Without a cadre record none of the other rules can be applied: cannot tell, never a pass.</summary>
    public static readonly VettingRule CadreRecordKnown = new("cadre_record_known", "Hồ sơ cán bộ tại Ban Tổ chức Trung ương", "36-HD/BTCTW", Guidance36);

    /// <summary>A declared Party member must be one on the record (Directive 45-CT/TW: do not introduce the unworthy).</summary>
    public static readonly VettingRule PartyStanding = new("party_standing", "Tư cách đảng viên", "45-CT/TW", Directive45);

    public static readonly VettingRule PartyDiscipline = new("party_discipline", "Kỷ luật Đảng trong thời hạn xem xét", "36-HD/BTCTW", Guidance36);

    /// <summary>How far before election day a Party discipline decision still counts.</summary>
    public const int DisciplineLookBackMonths = 12;

    /// <summary>Full-time deputies must be in the succession plan.</summary>
    public static readonly VettingRule SuccessionPlan = new("succession_plan", "Quy hoạch cán bộ (đại biểu chuyên trách)", "36-HD/BTCTW", Guidance36);

    /// <summary>
    /// The elections whose full-time seats carry the succession-plan requirement: Guidance 36 sets it for full-time
    /// National Assembly deputies.
    /// </summary>
    public static readonly IReadOnlyList<string> FullTimeCriteriaElectionKinds = ["NATIONAL_ASSEMBLY"];

    /// <summary>Position seeking (art. 10) or abetting it (art. 11), found and sanctioned.</summary>
    public static readonly VettingRule Regulation205Sanction = new(
        "regulation205_sanction", "Vi phạm Quy định 205 còn trong thời hạn xử lý", "205-QĐ/TW", Regulation205);

    /// <summary>Relatives holding linked posts: not disqualifying, but a reviewer must weigh them.</summary>
    public static readonly VettingRule RelativesInLinkedPosts = new(
        "relatives_in_linked_posts", "Người thân giữ chức vụ có liên quan", "205-QĐ/TW", Regulation205);

    /// <summary>The candidacy file (hồ sơ ứng cử) must agree with the cadre record; a difference calls for review.</summary>
    public static readonly VettingRule BirthDate = new("cadre_birth_date", "Ngày sinh trong hồ sơ ứng cử khớp hồ sơ cán bộ", "85/2015/QH13", Law85);

    public static readonly IReadOnlyList<VettingRule> All =
        [CadreRecordKnown, PartyStanding, PartyDiscipline, SuccessionPlan, Regulation205Sanction, RelativesInLinkedPosts, BirthDate];
}
