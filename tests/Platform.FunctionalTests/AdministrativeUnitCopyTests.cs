using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.IntegrationEvents;
using Platform.DelegateAffairs.Infrastructure;
using Platform.Organization.Infrastructure;
using Platform.ReferenceData;
using Platform.Testing;

namespace Platform.FunctionalTests;

/// <summary>What Organization and Delegate Affairs each promise about their copy of the administrative units.</summary>
public abstract class AdministrativeUnitCopyTests<TContext>(ServiceHost<TContext> host, string body) where TContext : DbContext
{
    protected ServiceHost<TContext> Host => host;

    private string Path => $"/api/{body}/v1/administrative-units";

    private async Task<JsonElement> GetJsonAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_event_from_home_affairs_creates_then_updates_the_copy_and_an_older_state_is_ignored()
    {
        var code = Random.Shared.Next(10_000, 99_999).ToString();
        using var http = host.CreateAuthorizedClient();

        var editor = new Actor("nguyen-van-a", "home-affairs", "home-affairs-screens");
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new AdministrativeUnitChanged(code, "Hà Tây", "PROVINCE", null, 1, DateTimeOffset.UtcNow, editor));
        await Poll.UntilAsync(async () => (await http.GetAsync($"{Path}/{code}")).IsSuccessStatusCode, "the copy to be created");
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new AdministrativeUnitChanged(code, "Hà Nội", "CENTRALLY_RUN_CITY", null, 3, DateTimeOffset.UtcNow));
        await Poll.UntilAsync(async () => (await GetJsonAsync(http, $"{Path}/{code}")).GetProperty("revision").ToString() == "3", "revision 3");
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new AdministrativeUnitChanged(code, "Stale", "PROVINCE", null, 2, DateTimeOffset.UtcNow));
        await Poll.UntilAsync(() => InboxCountAsync(3), "the stale event to be consumed");

        var copy = await GetJsonAsync(http, $"{Path}/{code}");
        Assert.Equal("Hà Nội", copy.GetProperty("name").GetString());
        Assert.Equal("CENTRALLY_RUN_CITY", copy.GetProperty("kind").GetString());
        // The copy's own audit trail names who changed the original, as the event carried it.
        await using var db = host.CreateDbContext();
        var trail = await db.Set<Platform.Auditing.AuditEntry>()
            .Where(a => a.Resource == $"administrative-units/{code}").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(2, trail.Count); // created, then updated; the stale state wrote nothing
        Assert.Equal(("nguyen-van-a", "home-affairs", "home-affairs-screens"), (trail[0].Subject, trail[0].Body, trail[0].ClientId));
        Assert.StartsWith("system:", trail[1].Subject); // an event without an actor is named as the replication
    }

    [Fact]
    public async Task A_renamed_units_former_names_reach_the_copy_and_an_event_from_before_them_reads_as_none()
    {
        var code = Random.Shared.Next(10_000, 99_999).ToString();
        using var http = host.CreateAuthorizedClient();

        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new AdministrativeUnitChanged(code, "Long An", "PROVINCE", null, 1, DateTimeOffset.UtcNow));
        await Poll.UntilAsync(async () => (await http.GetAsync($"{Path}/{code}")).IsSuccessStatusCode, "the copy to be created");
        var before = await GetJsonAsync(http, $"{Path}/{code}");
        await TestBus.PublishAsync(host.RabbitMqUrl, Guid.NewGuid(), new AdministrativeUnitChanged(code, "Tây Ninh", "PROVINCE", null, 2, DateTimeOffset.UtcNow,
            FormerNames: [new FormerName("Long An", new DateOnly(2025, 6, 30))]));
        await Poll.UntilAsync(async () => (await GetJsonAsync(http, $"{Path}/{code}")).GetProperty("revision").ToString() == "2", "revision 2");

        var copy = await GetJsonAsync(http, $"{Path}/{code}");
        Assert.False(before.TryGetProperty("formerNames", out var none) && none.GetArrayLength() > 0);
        var former = Assert.Single(copy.GetProperty("formerNames").EnumerateArray());
        Assert.Equal(("Tây Ninh", "Long An", "2025-06-30"), (copy.GetProperty("name").GetString(), former.GetProperty("name").GetString(), former.GetProperty("validTo").GetString()));
    }

    private async Task<bool> InboxCountAsync(int atLeast)
    {
        await using var db = host.CreateDbContext();
        return await db.Set<Platform.Messaging.Inbox.InboxMessage>().CountAsync() >= atLeast;
    }

    [Fact]
    public async Task Paging_returns_every_copied_unit_exactly_once()
    {
        await using (var db = host.CreateDbContext())
        {
            for (var i = 0; i < 30; i++)
            {
                db.Set<AdministrativeUnitCopy>().Add(new AdministrativeUnitCopy
                {
                    Code = $"{i:D2}", Name = $"Tỉnh {i}", Kind = "PROVINCE", Revision = 1, ReplicatedAt = DateTimeOffset.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        }
        using var http = host.CreateAuthorizedClient();

        var codes = new List<string>();
        var token = "";
        do
        {
            var page = await GetJsonAsync(http, $"{Path}?pageSize=8&pageToken={Uri.EscapeDataString(token)}");
            codes.AddRange(page.GetProperty("administrativeUnits").EnumerateArray().Select(u => u.GetProperty("code").GetString()!));
            token = page.GetProperty("nextPageToken").GetString()!;
        } while (token != "" && codes.Count < 10_000);

        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Subset(codes.ToHashSet(), Enumerable.Range(0, 30).Select(i => $"{i:D2}").ToHashSet());
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task An_unknown_code_is_404_and_a_bad_page_size_names_the_field()
    {
        using var http = host.CreateAuthorizedClient();

        var missing = await http.GetAsync($"{Path}/00000");
        var invalid = await http.GetAsync($"{Path}?pageSize=-5");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("\"page_size\"", await invalid.Content.ReadAsStringAsync());
    }
}

public sealed class OrganizationCopyTests(ServiceHost<OrganizationDbContext> fixture)
    : AdministrativeUnitCopyTests<OrganizationDbContext>(fixture, "organization"), IClassFixture<ServiceHost<OrganizationDbContext>>
{
    [Fact]
    public async Task The_grpc_api_answers_not_found_with_its_status()
    {
        // Through the retired per-body name, which still answers (the Delegate Affairs test uses the shared one).
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => Host.Channel.CreateCallInvoker().CallAsync<Platform.ReferenceData.V1.AdministrativeUnit>(
            "platform.organization.v1.AdministrativeUnitCopyService", "GetAdministrativeUnit", new Platform.ReferenceData.V1.GetAdministrativeUnitRequest { Code = "00001" }));
        Assert.Equal(Grpc.Core.StatusCode.NotFound, error.StatusCode);
    }
}

public sealed class DelegateAffairsCopyTests(ServiceHost<DelegateAffairsDbContext> fixture)
    : AdministrativeUnitCopyTests<DelegateAffairsDbContext>(fixture, "delegate-affairs"), IClassFixture<ServiceHost<DelegateAffairsDbContext>>
{
    [Fact]
    public async Task The_grpc_api_answers_not_found_with_its_status()
    {
        var client = new Platform.ReferenceData.V1.AdministrativeUnitCopyService.AdministrativeUnitCopyServiceClient(Host.Channel);
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            client.GetAdministrativeUnitAsync(new Platform.ReferenceData.V1.GetAdministrativeUnitRequest { Code = "00001" }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.NotFound, error.StatusCode);
    }
}
