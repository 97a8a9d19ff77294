using AuditTrailService = Platform.Audit.V1.AuditTrailService;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Audit.V1;
using Platform.HomeAffairs.V1;
using Platform.Testing;
using AuditEntry = Platform.Auditing.AuditEntry;

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

    /// <summary>
    /// Every way a database session could rewrite history, tried with the service's own connection string (its
    /// role has data access only, as `migrate` grants it): each is refused, and the trail is left as it was.
    /// </summary>
    [Theory]
    [InlineData("UPDATE audit_entries SET subject = 'someone-else'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete; DELETE FROM audit_entries")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER ALL; DELETE FROM audit_entries")]
    [InlineData("DROP TRIGGER audit_entries_no_update_or_delete ON audit_entries; DELETE FROM audit_entries")]
    [InlineData("CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$; DELETE FROM audit_entries")]
    [InlineData("SET session_replication_role = replica; DELETE FROM audit_entries")]
    [InlineData("SET ROLE " + PostgresServer.OwnerRole + "; DELETE FROM audit_entries")]
    [InlineData("GRANT UPDATE, DELETE ON audit_entries TO CURRENT_USER; DELETE FROM audit_entries")]
    [InlineData("ALTER TABLE audit_entries OWNER TO CURRENT_USER; DELETE FROM audit_entries")]
    [InlineData("ALTER TABLE audit_entries RENAME TO audit_entries_old")]
    [InlineData("DROP TABLE audit_entries")]
    [InlineData("ALTER ROLE CURRENT_USER SUPERUSER")]
    public async Task The_service_cannot_change_or_remove_audit_entries_by_any_means(string sql)
    {
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(host.Channel);
        var code = Interlocked.Increment(ref _nextCode).ToString("D2");
        await units.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new AdministrativeUnit { Code = code, Name = "Nghĩa Bình", Kind = AdministrativeUnitKind.Province },
        });
        var before = await TrailAsync();

        await using var connection = new NpgsqlConnection(host.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        // insufficient_privilege: no privilege, not the owner, not a superuser, or the append-only trigger.
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal(before, await TrailAsync());
    }

    [Fact]
    public async Task The_service_connects_as_a_role_that_owns_nothing_and_may_only_read_and_append_the_trail()
    {
        await using var connection = new NpgsqlConnection(host.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                   (SELECT count(*) FROM pg_tables WHERE tableowner = current_user),
                   pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entries'), 'MEMBER'),
                   has_table_privilege('audit_entries', 'SELECT'), has_table_privilege('audit_entries', 'INSERT'),
                   has_table_privilege('audit_entries', 'UPDATE'), has_table_privilege('audit_entries', 'DELETE'),
                   has_table_privilege('audit_entries', 'TRUNCATE'), has_table_privilege('audit_entries', 'TRIGGER')
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(PostgresServer.ServiceRole, connection.UserName);
        Assert.Equal([false, false, false, false], Enumerable.Range(0, 4).Select(reader.GetBoolean));
        Assert.Equal(0, reader.GetInt64(4));
        Assert.False(reader.GetBoolean(5));
        Assert.Equal([true, true, false, false, false, false], Enumerable.Range(6, 6).Select(reader.GetBoolean));
    }

    /// <summary>A fingerprint of the whole trail: how many rows, and all their content.</summary>
    private async Task<string> TrailAsync() =>
        (await PostgresServer.ScalarAsync<string>(host.DatabaseConnectionString,
            "SELECT count(*) || ':' || coalesce(md5(string_agg(a::text, '|' ORDER BY a.sequence)), '') FROM audit_entries a"))!;
}
