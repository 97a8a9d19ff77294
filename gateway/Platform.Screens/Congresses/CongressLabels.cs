using Platform.Organization.V1;

namespace Platform.Screens.Congresses;

/// <summary>The Vietnamese words the congress schedule shows for the Organization's codes.</summary>
public static class CongressLabels
{
    public static string Level(PartyLevel level) => level switch
    {
        PartyLevel.DirectlyUnderCentre => "Trực thuộc Trung ương",
        PartyLevel.UpperGrassroots => "Cấp trên cơ sở",
        PartyLevel.Grassroots => "Cơ sở",
        _ => "—",
    };

    public static readonly IReadOnlyList<PartyLevel> Levels = [PartyLevel.DirectlyUnderCentre, PartyLevel.UpperGrassroots, PartyLevel.Grassroots];

    public static string Status(CongressStatus status) => status switch
    {
        CongressStatus.Planned => "Dự kiến",
        CongressStatus.PersonnelPlanApproved => "Đã duyệt phương án nhân sự",
        CongressStatus.Held => "Đã tổ chức",
        _ => "—",
    };
}
