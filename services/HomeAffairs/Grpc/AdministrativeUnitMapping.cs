using System.Globalization;
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
        Revision = unit.Revision,
        Etag = EtagOf(unit.RowVersion),
        CreateTime = Timestamp.FromDateTimeOffset(unit.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(unit.UpdatedAt),
    };

    public static string EtagOf(uint rowVersion) => rowVersion.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseEtag(string etag, out uint rowVersion) =>
        uint.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out rowVersion);

    public static Proto.AdministrativeUnitKind ToProto(this AdministrativeUnitKind kind) => kind switch
    {
        AdministrativeUnitKind.Province => Proto.AdministrativeUnitKind.Province,
        AdministrativeUnitKind.CentrallyRunCity => Proto.AdministrativeUnitKind.CentrallyRunCity,
        _ => Proto.AdministrativeUnitKind.Unspecified,
    };

    public static AdministrativeUnitKind? ToDomain(this Proto.AdministrativeUnitKind kind) => kind switch
    {
        Proto.AdministrativeUnitKind.Province => AdministrativeUnitKind.Province,
        Proto.AdministrativeUnitKind.CentrallyRunCity => AdministrativeUnitKind.CentrallyRunCity,
        _ => null,
    };
}
