using Platform.Api.Errors;
using Platform.Vietnamese;
using Google.Protobuf.WellKnownTypes;
using Platform.HomeAffairs.Model;
using Proto = Platform.HomeAffairs.V1;

namespace Platform.HomeAffairs.Grpc;

/// <summary>Between the domain's <see cref="AdministrativeUnit"/> and the v1 API's message.</summary>
internal static class AdministrativeUnitMapping
{
    public static Proto.AdministrativeUnit ToProto(this AdministrativeUnit unit) => new()
    {
        Code = unit.Code,
        Name = unit.Name,
        Kind = unit.Kind.ToProto(),
        ParentCode = unit.ParentCode ?? "",
        ValidFrom = unit.ValidFrom?.ToIso() ?? "",
        ValidTo = unit.ValidTo?.ToIso() ?? "",
        SuccessorCode = unit.SuccessorCode ?? "",
        FormerNames = { unit.FormerNames.Select(f => new Proto.FormerName { Name = f.Name, ValidTo = f.ValidTo.ToIso() }) },
        Revision = unit.Revision,
        Etag = Etags.Of(unit.RowVersion),
        CreateTime = Timestamp.FromDateTimeOffset(unit.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(unit.UpdatedAt),
    };

    public static Proto.AdministrativeUnitKind ToProto(this AdministrativeUnitKind kind) => kind switch
    {
        AdministrativeUnitKind.Province => Proto.AdministrativeUnitKind.Province,
        AdministrativeUnitKind.CentrallyRunCity => Proto.AdministrativeUnitKind.CentrallyRunCity,
        AdministrativeUnitKind.District => Proto.AdministrativeUnitKind.District,
        AdministrativeUnitKind.Commune => Proto.AdministrativeUnitKind.Commune,
        _ => Proto.AdministrativeUnitKind.Unspecified,
    };

    public static AdministrativeUnitKind? ToDomain(this Proto.AdministrativeUnitKind kind) => kind switch
    {
        Proto.AdministrativeUnitKind.Province => AdministrativeUnitKind.Province,
        Proto.AdministrativeUnitKind.CentrallyRunCity => AdministrativeUnitKind.CentrallyRunCity,
        Proto.AdministrativeUnitKind.District => AdministrativeUnitKind.District,
        Proto.AdministrativeUnitKind.Commune => AdministrativeUnitKind.Commune,
        _ => null,
    };
}
