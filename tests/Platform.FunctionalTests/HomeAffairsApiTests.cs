using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.Contracts.IntegrationEvents;
using Platform.HomeAffairs.Infrastructure;
using Platform.HomeAffairs.V1;
using Platform.Messaging.Outbox;

namespace Platform.FunctionalTests;

/// <summary>
/// Home Affairs with its outbox relay off, so that what a write leaves in the outbox can be inspected
/// (the relay itself is proven by the unit and system tests).
/// </summary>
public sealed class HomeAffairsHost : ServiceHost<HomeAffairsDbContext>
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Messaging:Outbox:RelayEnabled", "false")];
}

public sealed class HomeAffairsApiTests(HomeAffairsHost host) : IClassFixture<HomeAffairsHost>
{
    private AdministrativeUnitService.AdministrativeUnitServiceClient Client => new(host.Channel);

    private static int _nextCode = 9; // provinces have two-digit codes: "10" to "99"
    private static string NewCode() => Interlocked.Increment(ref _nextCode).ToString("D2");

    private async Task<AdministrativeUnit> CreateAsync(string name = "Yên Bái", string? code = null) =>
        await Client.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = code ?? NewCode(), Name = name, Kind = AdministrativeUnitKind.Province },
        });

    [Fact]
    public async Task A_created_unit_is_read_back_with_its_vietnamese_name_composed()
    {
        var created = await CreateAsync("Quảng Ninh".Normalize(NormalizationForm.FormD));

        var read = await Client.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = created.Code });

        Assert.Equal("Quảng Ninh".Normalize(NormalizationForm.FormC), read.Name);
        Assert.Equal(AdministrativeUnitKind.Province, read.Kind);
        Assert.Equal(1, read.Revision);
        Assert.NotEmpty(read.Etag);
    }

    [Fact]
    public async Task Invalid_fields_are_each_named_in_the_error()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = "x1", Name = "  " },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Equal(["administrative_unit.code", "administrative_unit.name", "administrative_unit.kind"], fields);
    }

    [Fact]
    public async Task A_rejected_write_leaves_nothing_behind()
    {
        var code = NewCode();
        await Assert.ThrowsAsync<RpcException>(() => Client.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = code, Name = "Lai Châu", ParentCode = "01", Kind = AdministrativeUnitKind.Province },
        }).ResponseAsync);

        await using var db = host.CreateDbContext();
        Assert.False(await db.AdministrativeUnits.AnyAsync(u => u.Code == code));
        Assert.Empty(await EventsAboutAsync(code));
    }

    private async Task<List<AdministrativeUnitChanged>> EventsAboutAsync(string code)
    {
        await using var db = host.CreateDbContext();
        var messages = await db.Set<OutboxMessage>().OrderBy(m => m.Sequence).ToListAsync();
        return messages.Select(m => JsonSerializer.Deserialize<AdministrativeUnitChanged>(m.Body, JsonSerializerOptions.Web)!)
            .Where(e => e.Code == code).ToList();
    }

    [Fact]
    public async Task A_second_unit_with_the_same_code_already_exists()
    {
        var first = await CreateAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => CreateAsync("Lào Cai", first.Code));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_code_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = "99999" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_aborted_and_changes_nothing()
    {
        var created = await CreateAsync("Hà Tây");
        var changed = await Client.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = created.Code, Etag = created.Etag, Name = "Hà Tây mới" },
            UpdateMask = new FieldMask { Paths = { "name" } },
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = created.Code, Etag = created.Etag, Name = "Lost update" },
            UpdateMask = new FieldMask { Paths = { "name" } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        var read = await Client.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = created.Code });
        Assert.Equal("Hà Tây mới", read.Name);
        Assert.Equal(changed.Etag, read.Etag);
        Assert.NotEqual(created.Etag, changed.Etag);
    }

    [Fact]
    public async Task An_update_changes_only_the_masked_fields_and_records_an_event_with_the_new_revision()
    {
        var created = await CreateAsync("Bình Trị Thiên");

        var updated = await Client.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit
            {
                Code = created.Code, Etag = created.Etag, Name = "Thừa Thiên Huế", Kind = AdministrativeUnitKind.CentrallyRunCity,
            },
            UpdateMask = new FieldMask { Paths = { "name" } },
        });

        Assert.Equal("Thừa Thiên Huế", updated.Name);
        Assert.Equal(AdministrativeUnitKind.Province, updated.Kind);
        Assert.Equal(2, updated.Revision);
        var events = await EventsAboutAsync(created.Code);
        Assert.Equal([(1L, "Bình Trị Thiên"), (2L, "Thừa Thiên Huế")], events.Select(e => (e.Revision, e.Name)));
        Assert.All(events, e => Assert.Equal("PROVINCE", e.Kind));
    }

    [Fact]
    public async Task An_update_of_a_field_that_cannot_change_names_the_update_mask()
    {
        var created = await CreateAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = created.Code, Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "code" } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("update_mask", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task An_update_without_an_etag_is_refused()
    {
        var created = await CreateAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = created.Code, Name = "Không etag" },
            UpdateMask = new FieldMask { Paths = { "name" } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("administrative_unit.etag", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Paging_returns_every_unit_exactly_once()
    {
        for (var i = 0; i < 23; i++)
        {
            await CreateAsync($"Đơn vị {i}");
        }
        var all = (await Client.ListAdministrativeUnitsAsync(new ListAdministrativeUnitsRequest { PageSize = 1000 })).AdministrativeUnits
            .Select(u => u.Code).ToList();

        var paged = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Client.ListAdministrativeUnitsAsync(new ListAdministrativeUnitsRequest { PageSize = 7, PageToken = token });
            Assert.True(page.AdministrativeUnits.Count <= 7);
            paged.AddRange(page.AdministrativeUnits.Select(u => u.Code));
            token = page.NextPageToken;
            pages++;
        } while (token != "" && pages < 100);

        Assert.True(all.Count >= 23);
        Assert.Equal(all.Order(StringComparer.Ordinal), paged);
    }

    [Fact]
    public async Task The_json_api_answers_400_with_field_violations_and_404_for_unknown_codes()
    {
        using var http = host.CreateAuthorizedClient();

        var invalid = await http.PostAsJsonAsync("/api/home-affairs/v1/administrative-units", new { code = "01a", name = "Hà Nội" });
        var missing = await http.GetAsync("/api/home-affairs/v1/administrative-units/99998");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var body = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        var details = body.RootElement.GetProperty("details").EnumerateArray().ToList();
        var violations = details.Single(d => d.TryGetProperty("fieldViolations", out _)).GetProperty("fieldViolations").EnumerateArray()
            .ToDictionary(v => v.GetProperty("field").GetString()!, v => v.GetProperty("reason").GetString());
        Assert.Equal(ErrorReasons.InvalidFormat, violations["administrative_unit.code"]);
        Assert.Equal(ErrorReasons.NotAllowedValue, violations["administrative_unit.kind"]);
        var info = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal(ErrorReasons.InvalidFields, info.GetProperty("reason").GetString());
        Assert.Equal("home-affairs", info.GetProperty("domain").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var missingBody = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Contains(missingBody.RootElement.GetProperty("details").EnumerateArray(), d => d.GetProperty("reason").GetString() == ErrorReasons.ResourceNotFound);
    }

    [Fact]
    public async Task The_json_api_creates_and_patches_with_vietnamese_text()
    {
        using var http = host.CreateAuthorizedClient();
        var code = NewCode();

        var created = await http.PostAsJsonAsync("/api/home-affairs/v1/administrative-units",
            new { code, name = "Đắk Nông", kind = "ADMINISTRATIVE_UNIT_KIND_PROVINCE" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var etag = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("etag").GetString();

        var patched = await http.PatchAsJsonAsync($"/api/home-affairs/v1/administrative-units/{code}?updateMask=name",
            new { etag, name = "Đắk Nông mới" });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Đắk Nông mới", (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
    }
}
