using Platform.HomeAffairs.V1;
using Platform.Organization.V1;

namespace Platform.Screens.Records;

/// <summary>The Vietnamese words the record lists (cadres, officials, administrative units) show for the services' codes.</summary>
public static class RecordLabels
{
    /// <summary>"male"/"female" as the Organization and Home Affairs store them.</summary>
    public static string Sex(string sex) => sex switch
    {
        "male" => "Nam",
        "female" => "Nữ",
        _ => "—",
    };

    public static string Standing(PartyStanding standing) => standing switch
    {
        PartyStanding.NotAMember => "Không phải đảng viên",
        PartyStanding.Probationary => "Đảng viên dự bị",
        PartyStanding.FullMember => "Đảng viên chính thức",
        PartyStanding.Expelled => "Đã bị khai trừ",
        _ => "—",
    };

    public static string Succession(SuccessionPlanStatus status) => status switch
    {
        SuccessionPlanStatus.NotPlanned => "Chưa trong quy hoạch",
        SuccessionPlanStatus.Planned => "Trong quy hoạch",
        SuccessionPlanStatus.Removed => "Đã đưa ra khỏi quy hoạch",
        _ => "—",
    };

    /// <summary>The article of Regulation 205-QĐ/TW (23/9/2019) a finding falls under.</summary>
    public static string Finding(Regulation205FindingKind kind) => kind switch
    {
        Regulation205FindingKind.PositionSeeking => "Chạy chức, chạy quyền (Điều 10 Quy định 205-QĐ/TW)",
        Regulation205FindingKind.Abetting => "Tiếp tay, bao che cho chạy chức, chạy quyền (Điều 11 Quy định 205-QĐ/TW)",
        _ => "—",
    };

    public static string Category(OfficialCategory category) => category switch
    {
        OfficialCategory.Cadre => "Cán bộ",
        OfficialCategory.CivilServant => "Công chức",
        OfficialCategory.PublicEmployee => "Viên chức",
        _ => "—",
    };

    public static string Education(EducationLevel level) => level switch
    {
        EducationLevel.UpperSecondary => "Trung học phổ thông",
        EducationLevel.College => "Cao đẳng",
        EducationLevel.University => "Đại học",
        EducationLevel.Master => "Thạc sĩ",
        EducationLevel.Doctorate => "Tiến sĩ",
        _ => "—",
    };

    public static string UnitKind(AdministrativeUnitKind kind) => kind switch
    {
        AdministrativeUnitKind.Province => "Tỉnh",
        AdministrativeUnitKind.CentrallyRunCity => "Thành phố trực thuộc trung ương",
        AdministrativeUnitKind.District => "Cấp huyện",
        AdministrativeUnitKind.Commune => "Cấp xã",
        _ => "—",
    };

    /// <summary>A line of a personnel plan's structure report (Directive 35-CT/TW).</summary>
    public static string StructureCriterion(string criterion) => criterion switch
    {
        "under_40" => "Dưới 40 tuổi",
        "age_40_to_50" => "Từ 40 đến 50 tuổi",
        "women" => "Nữ",
        _ => criterion,
    };
}
