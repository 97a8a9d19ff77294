using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.HomeAffairs.V1;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.SystemTests;

/// <summary>
/// Administrative units flow from Home Affairs to the copies at Organization and Delegate Affairs over
/// the outbox, RabbitMQ and the inboxes — and keep flowing when the broker or the service fails.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReplicationTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] CopyHolders = ["organization", "delegate-affairs"];
    private static int _nextCode = 9; // provinces have two-digit codes

    private static string NewCode() => Interlocked.Increment(ref _nextCode).ToString("D2");

    private async Task<HttpResponseMessage> CreateThroughGatewayAsync(string code, string name) =>
        await platform.Gateway.PostAsJsonAsync("/api/home-affairs/v1/administrative-units",
            new { code, name, kind = "ADMINISTRATIVE_UNIT_KIND_PROVINCE" });

    private async Task<JsonElement?> CopyAsync(string body, string code)
    {
        var response = await platform.Gateway.GetAsync($"/api/{body}/v1/administrative-units/{code}");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    private async Task WaitForCopiesAsync(string code, string name)
    {
        foreach (var body in CopyHolders)
        {
            await Poll.UntilAsync(async () => (await CopyAsync(body, code))?.GetProperty("name").GetString() == name,
                $"{code} '{name}' at {body}", PlatformFixture.Timeout);
        }
    }

    private Task<long> OutboxRowsAboutAsync(string code) =>
        PostgresServer.ScalarAsync<long>(platform.Databases["home-affairs"],
            "SELECT count(*) FROM outbox_messages WHERE body->>'code' = $1", code);

    private async Task RunAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            output.WriteLine(platform.Diagnostics());
            throw;
        }
    }

    [Fact]
    public Task A_unit_created_through_the_gateway_appears_at_organization_and_delegate_affairs() => RunAsync(async () =>
    {
        var code = NewCode();

        var created = await CreateThroughGatewayAsync(code, "Tỉnh Hà Tây");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        await WaitForCopiesAsync(code, "Tỉnh Hà Tây");
        // And the gRPC side of the gateway reaches the owner.
        var client = new AdministrativeUnitService.AdministrativeUnitServiceClient(platform.GatewayGrpc);
        var unit = await client.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = code });
        Assert.Equal("Tỉnh Hà Tây", unit.Name);
    });

    [Fact]
    public Task A_write_made_while_the_broker_is_down_succeeds_and_its_event_arrives_once_the_broker_is_back() => RunAsync(async () =>
    {
        var code = NewCode();
        await platform.Broker.StopAsync();
        try
        {
            var created = await CreateThroughGatewayAsync(code, "Tỉnh Sông Bé");

            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.Equal(1, await OutboxRowsAboutAsync(code)); // kept safe until the broker is back
        }
        finally
        {
            await platform.Broker.RestartAsync();
        }
        await WaitForCopiesAsync(code, "Tỉnh Sông Bé");
        await Poll.UntilAsync(async () => await OutboxRowsAboutAsync(code) == 0, "the outbox row to be removed once sent");
    });

    [Fact]
    public Task An_event_committed_just_before_a_crash_is_relayed_after_the_restart() => RunAsync(async () =>
    {
        var code = NewCode();
        // A Home Affairs whose relay does not run: the commit happens, the publish cannot.
        await platform.KillAsync("home-affairs");
        await platform.StartAsync("home-affairs", ("Messaging__Outbox__RelayEnabled", "false"));
        await Poll.UntilAsync(async () => (await platform.Gateway.GetAsync("/api/home-affairs/v1/administrative-units?pageSize=1")).IsSuccessStatusCode,
            "the gateway to reach Home Affairs again", PlatformFixture.Timeout);

        var created = await CreateThroughGatewayAsync(code, "Tỉnh Hà Sơn Bình");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(1, await OutboxRowsAboutAsync(code));
        await platform.KillAsync("home-affairs");

        await platform.StartAsync("home-affairs");

        await WaitForCopiesAsync(code, "Tỉnh Hà Sơn Bình");
    });

    [Fact]
    public Task An_event_delivered_again_under_the_same_message_id_changes_no_copy() => RunAsync(async () =>
    {
        var code = NewCode();
        var before = await InboxIdsAsync("organization");
        Assert.Equal(HttpStatusCode.OK, (await CreateThroughGatewayAsync(code, "Tỉnh Nghĩa Bình")).StatusCode);
        await WaitForCopiesAsync(code, "Tỉnh Nghĩa Bình");
        var messageId = Assert.Single((await InboxIdsAsync("organization")).Except(before));

        // Re-send it through Home Affairs' own outbox and relay, with the same id but a forged newer
        // state: if the inbox let it through, the copies would take the forged name.
        await PostgresServer.ScalarAsync<object>(platform.Databases["home-affairs"], """
            INSERT INTO outbox_messages (message_id, message_type, body, occurred_at)
            VALUES ($1, 'Platform.Contracts.IntegrationEvents.AdministrativeUnitChanged, Platform.Contracts',
                    jsonb_build_object('code', $2::text, 'name', 'Bản sao giả', 'kind', 'PROVINCE', 'revision', 99, 'changedAt', now()), now())
            """, messageId, code);
        await Poll.UntilAsync(async () => await OutboxRowsAboutAsync(code) == 0, "the duplicate to be relayed");
        await Poll.UntilAsync(QueuesDrainedAsync, "both copy holders to consume the duplicate");

        foreach (var body in CopyHolders)
        {
            var copy = (await CopyAsync(body, code))!.Value;
            Assert.Equal("Tỉnh Nghĩa Bình", copy.GetProperty("name").GetString());
            Assert.Equal("1", copy.GetProperty("revision").ToString());
        }
    });

    private async Task<HashSet<Guid>> InboxIdsAsync(string service)
    {
        await using var connection = new Npgsql.NpgsqlConnection(platform.Databases[service]);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT message_id FROM inbox_messages", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    // "messages" counts ready and unacknowledged deliveries: 0 means each was handled and acknowledged.
    private async Task<bool> QueuesDrainedAsync()
    {
        var depths = await platform.Broker.QueueDepthsAsync();
        return CopyHolders.All(body => depths.GetValueOrDefault($"{body}-administrative-unit-changed", -1) == 0);
    }
}
