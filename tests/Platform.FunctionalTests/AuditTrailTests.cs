using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Audit.V1;
using Platform.HomeAffairs.V1;
using Platform.Testing;
using AuditEntry = Platform.ServiceDefaults.Auditing.AuditEntry;

namespace Platform.FunctionalTests;

public sealed class AuditTrailTests(HomeAffairsHost host) : IClassFixture<HomeAffairsHost>
{
    private static int _nextCode = 9; // provinces have two-digit codes

    [Fact]
    public async Task A_write_records_exactly_one_entry_naming_the_principal_and_the_change()
    {
        var code = Interlocked.Increment(ref _nextCode).ToString("D2");
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(host.Channel);

        await units.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = code, Name = "Hà Bắc", Kind = AdministrativeUnitKind.Province },
        });

        await using var db = host.CreateDbContext();
        var entry = Assert.Single(await db.Set<AuditEntry>().Where(a => a.Resource == $"administrative-units/{code}").ToListAsync());
        Assert.Equal(("home-affairs-editor", "home-affairs", "home-affairs-editor", "create"), (entry.Subject, entry.Body, entry.ClientId, entry.Operation));
        Assert.Contains("Hà Bắc", System.Text.Json.JsonDocument.Parse(entry.Change).RootElement.GetProperty("name").GetProperty("new").GetString());
    }

    [Fact]
    public async Task The_trail_of_a_resource_is_listed_to_its_body_and_refused_to_others()
    {
        var code = Interlocked.Increment(ref _nextCode).ToString("D2");
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(host.Channel);
        var created = await units.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = code, Name = "Vĩnh Phú", Kind = AdministrativeUnitKind.Province },
        });
        await units.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = code, Etag = created.Etag, Name = "Phú Thọ" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "name" } },
        });
        var request = new ListAuditEntriesRequest { Resource = $"administrative-units/{code}" };

        using var viewerChannel = host.ChannelWith(TestTokens.For("home-affairs", "viewer"));
        var trail = await new AuditTrailService.AuditTrailServiceClient(viewerChannel).ListAuditEntriesAsync(request);
        using var outsiderChannel = host.ChannelWith(TestTokens.For("organization", "viewer"));
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new AuditTrailService.AuditTrailServiceClient(outsiderChannel).ListAuditEntriesAsync(request).ResponseAsync);

        Assert.Equal(["create", "update"], trail.AuditEntries.Select(e => e.Operation));
        Assert.Contains("Phú Thọ", trail.AuditEntries[1].Change);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET subject = 'someone-else'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task The_application_cannot_change_or_remove_audit_entries(string sql)
    {
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(host.Channel);
        var code = Interlocked.Increment(ref _nextCode).ToString("D2");
        await units.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = code, Name = "Nghĩa Bình", Kind = AdministrativeUnitKind.Province },
        });
        long before;
        await using (var db = host.CreateDbContext())
        {
            before = await db.Set<AuditEntry>().LongCountAsync();
        }

        // With the service's own connection string, as its code would.
        await using var connection = new NpgsqlConnection(host.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.MessageText);
        await using var check = host.CreateDbContext();
        Assert.Equal(before, await check.Set<AuditEntry>().LongCountAsync());
    }
}
