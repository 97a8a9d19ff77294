using Platform.Vetting.Model;

namespace Platform.HomeAffairs.Model;

/// <summary>
/// Home Affairs' vetting rules over official records, each with the document it rests on, and their parameters:
/// the one place <see cref="VettingRules"/> cites from. A new decree or guidance changes a line here.
/// </summary>
public static class VettingCriteria
{
    private static readonly DateOnly Decree112 = new(2020, 9, 18);
    private static readonly DateOnly Guidance36 = new(2021, 1, 20);
    private static readonly DateOnly Law85 = new(2015, 6, 25);

    /// <summary>Without an official record none of the other rules can be applied: cannot tell, never a pass.</summary>
    public static readonly VettingRule OfficialRecordKnown = new(
        "official_record_known", "Hồ sơ cán bộ, công chức, viên chức tại Bộ Nội vụ", "36-HD/BTCTW", Guidance36);

    /// <summary>Decree 112/2020/NĐ-CP on disciplining cadres, civil servants and public employees.</summary>
    public static readonly VettingRule OfficialDiscipline = new(
        "official_discipline", "Kỷ luật cán bộ, công chức, viên chức trong thời hạn xem xét", "112/2020/NĐ-CP", Decree112);

    /// <summary>How far before election day a discipline decision still counts.</summary>
    public const int DisciplineLookBackMonths = 12;

    /// <summary>Full-time deputies: a post at Director-General / provincial department director level or above.</summary>
    public static readonly VettingRule PositionLevel = new(
        "position_level", "Chức vụ từ Vụ trưởng, Giám đốc Sở trở lên (đại biểu chuyên trách)", "36-HD/BTCTW", Guidance36);

    public const Model.PositionLevel MinimumFullTimePositionLevel = Model.PositionLevel.DepartmentDirector;

    /// <summary>Full-time deputies: a university degree or above.</summary>
    public static readonly VettingRule Education = new(
        "education", "Trình độ đại học trở lên (đại biểu chuyên trách)", "36-HD/BTCTW", Guidance36);

    public const EducationLevel MinimumFullTimeEducation = EducationLevel.University;

    /// <summary>
    /// The elections whose full-time seats carry the position and education requirements: Guidance 36 sets them
    /// for full-time National Assembly deputies.
    /// </summary>
    public static readonly IReadOnlyList<string> FullTimeCriteriaElectionKinds = ["NATIONAL_ASSEMBLY"];

    /// <summary>
    /// First-time candidates from the civil service must be young enough for a second term: men born from
    /// 1/2/1966, women from 1/1/1971 (National Assembly XV, 2021–2026), by the birth date on the record.
    /// </summary>
    public static readonly VettingRule FirstTimeAgeCutoff = new(
        "first_time_age_cutoff", "Tuổi người ứng cử lần đầu là cán bộ, công chức, viên chức", "36-HD/BTCTW", Guidance36);

    public static readonly IReadOnlyList<string> AgeCutoffElectionKinds = ["NATIONAL_ASSEMBLY"];
    public static readonly DateOnly FirstTimeMenBornFrom = new(1966, 2, 1);
    public static readonly DateOnly FirstTimeWomenBornFrom = new(1971, 1, 1);

    /// <summary>The candidacy file (hồ sơ ứng cử) must agree with the official record; a difference calls for review.</summary>
    public static readonly VettingRule BirthDate = new(
        "official_birth_date", "Ngày sinh trong hồ sơ ứng cử khớp hồ sơ cán bộ, công chức, viên chức", "85/2015/QH13", Law85);

    public static readonly IReadOnlyList<VettingRule> All =
        [OfficialRecordKnown, OfficialDiscipline, PositionLevel, Education, FirstTimeAgeCutoff, BirthDate];
}
