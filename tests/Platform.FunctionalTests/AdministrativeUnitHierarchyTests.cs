using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Platform.HomeAffairs.V1;

namespace Platform.FunctionalTests;

/// <summary>Districts and communes under the provinces, and units merged or renamed without losing their history.</summary>
public sealed class AdministrativeUnitHierarchyTests(HomeAffairsHost host) : IClassFixture<HomeAffairsHost>
{
    private AdministrativeUnitService.AdministrativeUnitServiceClient Units => new(host.Channel);
    private static int _next = 100;

    private async Task<AdministrativeUnit> CreateAsync(string code, string name, AdministrativeUnitKind kind, string parent = "", string validFrom = "") =>
        await Units.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = code, Name = name, Kind = kind, ParentCode = parent, ValidFrom = validFrom },
        });

    private static string Code(int digits) => Interlocked.Increment(ref _next).ToString($"D{digits}")[^digits..];

    [Fact]
    public async Task Districts_sit_under_provinces_and_communes_under_districts()
    {
        var province = await CreateAsync(Code(2), "Yên Bái", AdministrativeUnitKind.Province);
        var district = await CreateAsync(Code(3), "Huyện Văn Chấn", AdministrativeUnitKind.District, province.Code);
        var commune = await CreateAsync(Code(5), "Xã Sơn Thịnh", AdministrativeUnitKind.Commune, district.Code);

        var communeUnderProvince = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(Code(5), "Xã Lạc", AdministrativeUnitKind.Commune, province.Code));
        var wrongDigits = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(Code(2), "Huyện Lạc", AdministrativeUnitKind.District, province.Code));
        var children = await Units.ListAdministrativeUnitsAsync(new ListAdministrativeUnitsRequest { ParentCode = district.Code });

        Assert.Equal(commune.Code, Assert.Single(children.AdministrativeUnits).Code);
        Assert.Equal(["administrative_unit.parent_code"], communeUnderProvince.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(["administrative_unit.code"], wrongDigits.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_merged_unit_is_closed_with_its_successor_and_keeps_its_record()
    {
        var province = await CreateAsync(Code(2), "Hà Nội", AdministrativeUnitKind.CentrallyRunCity);
        var merged = await CreateAsync(Code(3), "Thị xã Sơn Tây", AdministrativeUnitKind.District, province.Code, validFrom: "1990-01-01");
        var successor = await CreateAsync(Code(3), "Quận Hà Đông", AdministrativeUnitKind.District, province.Code);

        var withoutEnd = await Assert.ThrowsAsync<RpcException>(() => Units.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = merged.Code, Etag = merged.Etag, SuccessorCode = successor.Code },
            UpdateMask = new FieldMask { Paths = { "successor_code" } },
        }).ResponseAsync);
        var closed = await Units.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = merged.Code, Etag = merged.Etag, SuccessorCode = successor.Code, ValidTo = "2008-07-31" },
            UpdateMask = new FieldMask { Paths = { "successor_code", "valid_to" } },
        });

        Assert.Equal(["administrative_unit.valid_to"], withoutEnd.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(("1990-01-01", "2008-07-31", successor.Code, 2L), (closed.ValidFrom, closed.ValidTo, closed.SuccessorCode, closed.Revision));
        Assert.Equal("Thị xã Sơn Tây", (await Units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = merged.Code })).Name);
    }

    [Fact]
    public async Task A_code_kept_under_a_new_name_keeps_its_former_name_and_a_history_out_of_order_is_refused_by_field()
    {
        var unit = await CreateAsync(Code(2), "Yên Bái", AdministrativeUnitKind.Province);
        FormerName Former(string name, string validTo) => new() { Name = name, ValidTo = validTo };

        var outOfOrder = await Assert.ThrowsAsync<RpcException>(() => Units.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit
            {
                Code = unit.Code, Etag = unit.Etag, Name = "Lào Cai", FormerNames = { Former("Yên Bái", "2025-06-30"), Former("Nghĩa Lộ", "1991-01-01"), Former("", "x") },
            },
            UpdateMask = new FieldMask { Paths = { "name", "former_names" } },
        }).ResponseAsync);
        var afterRefusal = await Units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = unit.Code });
        var renamed = await Units.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = unit.Code, Etag = unit.Etag, Name = "Lào Cai", FormerNames = { Former("Yên Bái", "2025-06-30") } },
            UpdateMask = new FieldMask { Paths = { "name", "former_names" } },
        });

        Assert.Equal(
            ["administrative_unit.former_names[1].valid_to", "administrative_unit.former_names[2].name", "administrative_unit.former_names[2].valid_to"],
            outOfOrder.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Distinct().Order());
        Assert.Equal((1L, "Yên Bái"), (afterRefusal.Revision, afterRefusal.Name)); // nothing half-written
        Assert.Equal(("Lào Cai", 2L), (renamed.Name, renamed.Revision));
        Assert.Equal([("Yên Bái", "2025-06-30")], renamed.FormerNames.Select(f => (f.Name, f.ValidTo)));
    }
}
