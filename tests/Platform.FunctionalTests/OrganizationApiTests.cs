using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using System.Net.Http.Json;
using Grpc.Core;
using Platform.Organization.Infrastructure;
using Platform.Organization.V1;
using Platform.ReferenceData;
using Platform.Testing;

namespace Platform.FunctionalTests;

/// <summary>Organization: Party organizations, congresses and their schedule, cadre records.</summary>
public sealed class OrganizationApiTests(ServiceHost<OrganizationDbContext> host) : IClassFixture<ServiceHost<OrganizationDbContext>>, IAsyncLifetime
{
    private PartyService.PartyServiceClient Party => new(host.Channel);
    private CadreService.CadreServiceClient Cadres => new(host.Channel);

    public async Task InitializeAsync()
    {
        await using var db = host.CreateDbContext();
        if (await db.AdministrativeUnits.FindAsync("15") is null)
        {
            db.AdministrativeUnits.Add(new AdministrativeUnitCopy { Code = "15", Name = "Yên Bái", Kind = "PROVINCE", Revision = 1, ReplicatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static string[] FieldsOf(RpcException error) =>
        error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToArray();

    private async Task<PartyOrganization> CreateOrganizationAsync(string? parentId = null, string name = "Đảng bộ tỉnh Yên Bái") =>
        await Party.CreatePartyOrganizationAsync(new CreatePartyOrganizationRequest
        {
            PartyOrganization = new PartyOrganization { Id = NewId("dang-bo"), Name = name, ParentId = parentId ?? "", ProvinceCode = "15" },
        });

    [Fact]
    public async Task The_level_follows_from_the_parent()
    {
        var province = await CreateOrganizationAsync();
        var district = await CreateOrganizationAsync(province.Id, "Đảng bộ huyện Văn Chấn");
        var commune = await CreateOrganizationAsync(district.Id, "Đảng bộ xã Sơn Thịnh");

        var error = await Assert.ThrowsAsync<RpcException>(() => CreateOrganizationAsync(commune.Id, "Chi bộ thôn"));
        var children = await Party.ListPartyOrganizationsAsync(new ListPartyOrganizationsRequest { ParentId = province.Id });

        Assert.Equal((PartyLevel.DirectlyUnderCentre, PartyLevel.UpperGrassroots, PartyLevel.Grassroots), (province.Level, district.Level, commune.Level));
        Assert.Equal(["party_organization.parent_id"], FieldsOf(error));
        Assert.Equal(district.Id, Assert.Single(children.PartyOrganizations).Id);
    }

    [Fact]
    public async Task An_organization_with_bad_fields_names_each_of_them()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Party.CreatePartyOrganizationAsync(new CreatePartyOrganizationRequest
        {
            PartyOrganization = new PartyOrganization { Id = "X Y", Name = "", ParentId = "khong-co", ProvinceCode = "99" },
        }).ResponseAsync);

        Assert.Equal(["party_organization.id", "party_organization.name", "party_organization.parent_id", "party_organization.province_code"],
            FieldsOf(error).Distinct());
    }

    [Fact]
    public async Task An_update_without_an_id_names_the_field_of_its_own_request()
    {
        // The id of an update is inside the resource: a missing one is "party_organization.id", not the Get's "id"
        // (the etag is there, so the id is the one fault).
        var organization = await Assert.ThrowsAsync<RpcException>(() => Party.UpdatePartyOrganizationAsync(new UpdatePartyOrganizationRequest
        {
            PartyOrganization = new PartyOrganization { Name = "Đảng bộ tỉnh Yên Bái", Etag = "1" },
        }).ResponseAsync);
        var congress = await Assert.ThrowsAsync<RpcException>(() => Party.UpdatePartyCongressAsync(new UpdatePartyCongressRequest
        {
            PartyCongress = new PartyCongress { Etag = "1" },
        }).ResponseAsync);
        var plan = await Assert.ThrowsAsync<RpcException>(() => new PersonnelService.PersonnelServiceClient(host.Channel).UpdatePersonnelPlanAsync(
            new UpdatePersonnelPlanRequest { PersonnelPlan = new PersonnelPlan { Etag = "1" } }).ResponseAsync);

        Assert.All(new[] { organization, congress, plan }, error => Assert.Equal(StatusCode.InvalidArgument, error.StatusCode));
        Assert.Equal(["party_organization.id"], FieldsOf(organization));
        Assert.Equal(["party_congress.id"], FieldsOf(congress));
        Assert.Equal(["personnel_plan.id"], FieldsOf(plan));
    }

    [Fact]
    public async Task A_congress_after_its_deadline_is_flagged_and_listed_as_late()
    {
        var province = await CreateOrganizationAsync();
        var district = await CreateOrganizationAsync(province.Id, "Đảng bộ huyện Trấn Yên");

        var onTime = await Party.CreatePartyCongressAsync(new CreatePartyCongressRequest
        {
            PartyCongress = new PartyCongress { OrganizationId = province.Id, Term = "2020-2025", PlannedDate = "2020-10-01" },
        });
        var late = await Party.CreatePartyCongressAsync(new CreatePartyCongressRequest
        {
            PartyCongress = new PartyCongress { OrganizationId = district.Id, Term = "2020-2025", PlannedDate = "2020-09-03" },
        });
        var lateOnly = await Party.ListPartyCongressesAsync(new ListPartyCongressesRequest { Term = "2020-2025", LateOnly = true, PageSize = 1000 });

        Assert.Equal(("2020-10-29", false), (onTime.Deadline, onTime.Late));
        Assert.Equal(("2020-08-31", true), (late.Deadline, late.Late));
        Assert.Contains("35-CT/TW", late.DeadlineSource);
        Assert.Contains(late.Id, lateOnly.PartyCongresses.Select(c => c.Id));
        Assert.DoesNotContain(onTime.Id, lateOnly.PartyCongresses.Select(c => c.Id));
    }

    [Fact]
    public async Task A_congress_moves_forward_to_held_only_with_its_date()
    {
        var province = await CreateOrganizationAsync();
        var congress = await Party.CreatePartyCongressAsync(new CreatePartyCongressRequest
        {
            PartyCongress = new PartyCongress { OrganizationId = province.Id, Term = "2020-2025", PlannedDate = "2020-10-01" },
        });

        var withoutDate = await Assert.ThrowsAsync<RpcException>(() => Party.UpdatePartyCongressAsync(new UpdatePartyCongressRequest
        {
            PartyCongress = new PartyCongress { Id = congress.Id, Etag = congress.Etag, Status = CongressStatus.Held },
            UpdateMask = new FieldMask { Paths = { "status" } },
        }).ResponseAsync);
        var held = await Party.UpdatePartyCongressAsync(new UpdatePartyCongressRequest
        {
            PartyCongress = new PartyCongress { Id = congress.Id, Etag = congress.Etag, Status = CongressStatus.Held, ActualDate = "2020-10-02", DelegateCount = 350 },
            UpdateMask = new FieldMask { Paths = { "status", "actual_date", "delegate_count" } },
        });
        var back = await Assert.ThrowsAsync<RpcException>(() => Party.UpdatePartyCongressAsync(new UpdatePartyCongressRequest
        {
            PartyCongress = new PartyCongress { Id = congress.Id, Etag = held.Etag, Status = CongressStatus.Planned },
            UpdateMask = new FieldMask { Paths = { "status" } },
        }).ResponseAsync);
        var stale = await Assert.ThrowsAsync<RpcException>(() => Party.UpdatePartyCongressAsync(new UpdatePartyCongressRequest
        {
            PartyCongress = new PartyCongress { Id = congress.Id, Etag = congress.Etag, DelegateCount = 1 },
            UpdateMask = new FieldMask { Paths = { "delegate_count" } },
        }).ResponseAsync);

        Assert.Equal(["party_congress.status"], FieldsOf(withoutDate));
        Assert.Equal((CongressStatus.Held, "2020-10-02", 350), (held.Status, held.ActualDate, held.DelegateCount));
        Assert.Equal(["party_congress.status"], FieldsOf(back));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
    }

    private static CadreRecord Record(string nationalId, string name) => new()
    {
        NationalId = nationalId, FullName = name, BirthDate = "1968-04-12", Sex = "male", Position = "Phó Bí thư Tỉnh ủy",
        PartyStanding = PartyStanding.FullMember, PartyJoinedDate = "1990-05-19", SuccessionPlanStatus = SuccessionPlanStatus.Planned,
        DisciplineRecords = { new DisciplineRecord { DecidedDate = "2015-03-01", Form = "Khiển trách", Reason = "Thiếu trách nhiệm", ExpiresDate = "2016-03-01" } },
        Regulation205Findings = { new Regulation205Finding { Kind = Regulation205FindingKind.PositionSeeking, Description = "Chạy chức", FoundDate = "2020-01-10", SanctionUntil = "2022-07-10" } },
        RelativesInLinkedPosts = { new RelativeInLinkedPost { FullName = "Trần Thị Mai", Relation = "vợ", Post = "Trưởng Ban Tổ chức Huyện ủy" } },
    };

    private static int _id = 500_000;
    private static string NewNationalId() => $"015068{Interlocked.Increment(ref _id):D6}";

    [Fact]
    public async Task A_cadre_record_keeps_its_findings_and_is_found_by_name_without_diacritics()
    {
        var id = NewNationalId();
        await Cadres.CreateCadreRecordAsync(new CreateCadreRecordRequest { CadreRecord = Record(id, "Đỗ Văn Khánh") });

        var read = await Cadres.GetCadreRecordAsync(new GetCadreRecordRequest { NationalId = id });
        var found = await Cadres.ListCadreRecordsAsync(new ListCadreRecordsRequest { NameQuery = "do van khanh" });

        Assert.Equal("Đỗ Văn Khánh", read.FullName);
        Assert.Equal(("2020-01-10", "2022-07-10"), (read.Regulation205Findings[0].FoundDate, read.Regulation205Findings[0].SanctionUntil));
        Assert.Equal("Trưởng Ban Tổ chức Huyện ủy", read.RelativesInLinkedPosts[0].Post);
        Assert.Contains(id, found.CadreRecords.Select(r => r.NationalId));
    }

    [Fact]
    public async Task A_cadre_record_with_bad_fields_names_each_including_inside_its_lists()
    {
        var record = Record("12ab", "  ");
        record.BirthDate = "2999-01-01";
        record.Sex = "x";
        record.Regulation205Findings[0].SanctionUntil = "2019-01-01";
        record.DisciplineRecords[0].Form = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => Cadres.CreateCadreRecordAsync(new CreateCadreRecordRequest { CadreRecord = record }).ResponseAsync);

        Assert.Equal(
            ["cadre_record.national_id", "cadre_record.full_name", "cadre_record.birth_date", "cadre_record.sex",
             "cadre_record.discipline_records[0].form", "cadre_record.regulation205_findings[0].sanction_until"],
            FieldsOf(error));
    }

    [Fact]
    public async Task Cadre_records_are_personnel_files_read_by_the_organization_only()
    {
        var id = NewNationalId();
        await Cadres.CreateCadreRecordAsync(new CreateCadreRecordRequest { CadreRecord = Record(id, "Vũ Đức Đam") });
        using var outsider = host.ChannelWith(TestTokens.For("home-affairs", "vetting"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new CadreService.CadreServiceClient(outsider).GetCadreRecordAsync(new GetCadreRecordRequest { NationalId = id }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}

public sealed class PersonnelPlanApiTests(ServiceHost<OrganizationDbContext> host) : IClassFixture<ServiceHost<OrganizationDbContext>>
{
    [Fact]
    public async Task A_plan_s_structure_report_checks_shares_and_each_nominee_s_age()
    {
        var party = new PartyService.PartyServiceClient(host.Channel);
        var personnel = new PersonnelService.PersonnelServiceClient(host.Channel);
        var province = await party.CreatePartyOrganizationAsync(new CreatePartyOrganizationRequest
        {
            PartyOrganization = new PartyOrganization { Id = $"dang-bo-{Guid.NewGuid():N}"[..20], Name = "Đảng bộ tỉnh Lào Cai" },
        });

        var plan = await personnel.CreatePersonnelPlanAsync(new CreatePersonnelPlanRequest
        {
            PersonnelPlan = new PersonnelPlan
            {
                OrganizationId = province.Id, Term = "2020-2025", PlannedSize = 50, ReferenceDate = "2020-10-15",
                Nominees =
                {
                    new Nominee { FullName = "Đào Xuân Lộc", BirthDate = "1965-10-01", Sex = "male", FirstTime = false },
                    new Nominee { FullName = "Giàng Thị Dung", BirthDate = "1985-02-02", Sex = "female", FirstTime = true },
                    new Nominee { FullName = "Kiều Minh Tường", BirthDate = "1965-05-05", Sex = "male", FirstTime = true },
                },
            },
        });
        var report = await personnel.GetStructureReportAsync(new GetStructureReportRequest { Id = plan.Id });

        using var http = host.CreateAuthorizedClient();
        var json = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/organization/v1/personnel-plans/{plan.Id}/structure-report");

        Assert.Equal(3, json.GetProperty("nomineeCount").GetInt32());
        Assert.Equal((50, 3), (report.PlannedSize, report.NomineeCount));
        Assert.Equal((1, 33.33), (report.Lines.Single(l => l.Criterion == "under_40").Count, report.Lines.Single(l => l.Criterion == "under_40").ActualPercent));
        Assert.Equal([true, true, false], report.AgeChecks.Select(c => c.Passes));
        Assert.Equal("1965-09-01", report.AgeChecks[2].BornFrom);
    }

    [Fact]
    public async Task A_plan_with_bad_nominees_names_each_field()
    {
        var personnel = new PersonnelService.PersonnelServiceClient(host.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => personnel.CreatePersonnelPlanAsync(new CreatePersonnelPlanRequest
        {
            PersonnelPlan = new PersonnelPlan
            {
                OrganizationId = "khong-co", Term = "2020-2025", PlannedSize = 0, ReferenceDate = "15/10/2020",
                Nominees = { new Nominee { FullName = "", BirthDate = "2999-01-01", Sex = "?" } },
            },
        }).ResponseAsync);

        Assert.Equal(
            ["personnel_plan.organization_id", "personnel_plan.planned_size", "personnel_plan.reference_date",
             "personnel_plan.nominees[0].full_name", "personnel_plan.nominees[0].birth_date", "personnel_plan.nominees[0].sex"],
            error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }
}
