using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Platform.HomeAffairs.V1;
using Platform.Testing;

namespace Platform.FunctionalTests;

public sealed class OfficialRecordApiTests(HomeAffairsHost host) : IClassFixture<HomeAffairsHost>
{
    private OfficialService.OfficialServiceClient Officials => new(host.Channel);
    private static int _id = 700_000;

    private static OfficialRecord Record(string name) => new()
    {
        NationalId = $"001080{Interlocked.Increment(ref _id):D6}", FullName = name, BirthDate = "1980-02-29", Sex = "female", Ethnicity = "Tày",
        Category = OfficialCategory.CivilServant, Agency = "Sở Nội vụ tỉnh Cao Bằng", Position = "Giám đốc Sở", PositionLevel = PositionLevel.DepartmentDirector,
        Rank = "Chuyên viên cao cấp", Education = EducationLevel.Master,
        DisciplineRecords = { new OfficialDiscipline { DecidedDate = "2012-05-05", Form = "Khiển trách", Reason = "Chậm tiến độ" } },
    };

    [Fact]
    public async Task An_official_record_is_kept_and_found_by_name_without_diacritics()
    {
        var created = await Officials.CreateOfficialRecordAsync(new CreateOfficialRecordRequest { OfficialRecord = Record("Nông Thị Hồng Nhung") });

        var found = await Officials.ListOfficialRecordsAsync(new ListOfficialRecordsRequest { NameQuery = "nong thi hong" });
        var updated = await Officials.UpdateOfficialRecordAsync(new UpdateOfficialRecordRequest
        {
            OfficialRecord = new OfficialRecord { NationalId = created.NationalId, Etag = created.Etag, PositionLevel = PositionLevel.DirectorGeneral },
            UpdateMask = new FieldMask { Paths = { "position_level" } },
        });

        Assert.Contains(created.NationalId, found.OfficialRecords.Select(r => r.NationalId));
        Assert.Equal((PositionLevel.DirectorGeneral, "Nông Thị Hồng Nhung", "Khiển trách"), (updated.PositionLevel, updated.FullName, updated.DisciplineRecords[0].Form));
    }

    [Fact]
    public async Task An_official_record_with_bad_fields_names_each_of_them()
    {
        var record = new OfficialRecord { NationalId = "0123", FullName = "", BirthDate = "2999-12-31", Sex = "", DisciplineRecords = { new OfficialDiscipline { DecidedDate = "x" } } };

        var error = await Assert.ThrowsAsync<RpcException>(() => Officials.CreateOfficialRecordAsync(new CreateOfficialRecordRequest { OfficialRecord = record }).ResponseAsync);

        Assert.Equal(
            ["official_record.national_id", "official_record.full_name", "official_record.birth_date", "official_record.sex", "official_record.ethnicity",
             "official_record.category", "official_record.agency", "official_record.position_level", "official_record.education",
             "official_record.discipline_records[0].decided_date", "official_record.discipline_records[0].form"],
            error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Official_records_are_personnel_files_read_by_home_affairs_only()
    {
        var created = await Officials.CreateOfficialRecordAsync(new CreateOfficialRecordRequest { OfficialRecord = Record("Lê Thị Thu") });
        using var outsider = host.ChannelWith(TestTokens.For("organization", "vetting"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new OfficialService.OfficialServiceClient(outsider).GetOfficialRecordAsync(new GetOfficialRecordRequest { NationalId = created.NationalId }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
