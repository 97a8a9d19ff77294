using Platform.Contracts.IntegrationEvents;
using Platform.HomeAffairs.Model;

namespace Platform.HomeAffairs.IntegrationEvents;

/// <summary>What Home Affairs publishes when an administrative unit is created or changed.</summary>
public static class AdministrativeUnitEvents
{
    public static AdministrativeUnitChanged Changed(AdministrativeUnit unit, Actor? changedBy) =>
        new(unit.Code, unit.Name, KindName(unit.Kind), unit.ParentCode, unit.Revision, unit.UpdatedAt, changedBy,
            unit.ValidFrom, unit.ValidTo, unit.SuccessorCode, unit.FormerNames.ToList());

    /// <summary>The kind as the contracts name it (the proto enum without its prefix): "PROVINCE", "CENTRALLY_RUN_CITY", "DISTRICT", "COMMUNE".</summary>
    public static string KindName(AdministrativeUnitKind kind) => kind switch
    {
        AdministrativeUnitKind.Province => "PROVINCE",
        AdministrativeUnitKind.CentrallyRunCity => "CENTRALLY_RUN_CITY",
        AdministrativeUnitKind.District => "DISTRICT",
        AdministrativeUnitKind.Commune => "COMMUNE",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
