using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.IntegrationEvents;
using Platform.DelegateAffairs.Infrastructure;
using Platform.HomeAffairs.Infrastructure;
using Platform.Messaging.Inbox;
using Platform.Organization.Infrastructure;
using Platform.ReferenceData;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.FunctionalTests.Messaging;

/// <summary>
/// Malformed and malicious messages published raw (not through MassTransit) to each of a service's queues and to an
/// event's exchange: garbage, JSON that is no envelope, an unknown message type, an event with its required fields
/// missing or half valid, the wrong content type, a body of megabytes. Each ends in the queue's _error (or _skipped)
/// queue, nothing of it is applied, and the consumer goes on: a valid event sent after them is applied.
/// </summary>
public abstract class MalformedMessageTests<TContext>(ServiceHost<TContext> host) where TContext : DbContext
{
    private const string Envelope = "application/vnd.masstransit+json";

    /// <summary>A valid event whose effect can be seen, sent after the bad ones; and the check that it was applied.</summary>
    protected abstract (Func<string, Task> Publish, Func<TContext, Task<bool>> Applied) ValidEvent();

    /// <summary>Whether the service keeps copies of the administrative units (the half-valid event would land there).</summary>
    protected virtual bool KeepsUnitCopies => true;

    /// <summary>(what, content type, body) of the bad messages sent to every queue.</summary>
    private static List<(string What, string? ContentType, byte[] Body)> BadMessages(string code)
    {
        string Of(string type, JsonNode? message) => new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(),
            ["messageType"] = new JsonArray($"urn:message:Platform.Contracts.IntegrationEvents:{type}"),
            ["message"] = message,
        }.ToJsonString();
        var huge = new JsonObject { ["code"] = code, ["name"] = new string('x', 3 * 1024 * 1024), ["kind"] = "PROVINCE", ["revision"] = 1, ["changedAt"] = "2021-05-23T00:00:00Z" };
        return
        [
            ("garbage", Envelope, [0xff, 0xfe, 0x00, 0x13, 0x37, 0xc3, 0x28]),
            ("not JSON", Envelope, "{\"messageId\": \"1\", \"message\": {"u8.ToArray()),
            ("JSON but no envelope", Envelope, "[1, 2, 3]"u8.ToArray()),
            ("an unknown message type", Envelope, Encoding.UTF8.GetBytes(new JsonObject
            {
                ["messageId"] = Guid.NewGuid().ToString(), ["messageType"] = new JsonArray("urn:message:Evil:DropTables"), ["message"] = new JsonObject { ["sql"] = "'; DROP TABLE inbox_messages; --" },
            }.ToJsonString())),
            ("an event with no fields", Envelope, Encoding.UTF8.GetBytes(Of(nameof(AdministrativeUnitChanged), new JsonObject()))),
            ("an event whose message is null", Envelope, Encoding.UTF8.GetBytes(Of(nameof(JointParticipationChanged), null))),
            ("a half-valid event", Envelope, Encoding.UTF8.GetBytes(Of(nameof(AdministrativeUnitChanged),
                new JsonObject { ["code"] = code, ["name"] = "", ["kind"] = "", ["revision"] = 0 }))),
            ("a vetting request without subjects", Envelope, Encoding.UTF8.GetBytes(Of(nameof(VettingRequested),
                new JsonObject { ["batchId"] = Guid.NewGuid().ToString(), ["bodies"] = new JsonArray("organization", "home-affairs") }))),
            ("a conference announcement without its conference", Envelope, Encoding.UTF8.GetBytes(Of(nameof(JointConferenceProposed),
                new JsonObject { ["changedBy"] = new JsonObject { ["subject"] = "x", ["body"] = "organization" } }))),
            ("the wrong content type", "text/plain", Encoding.UTF8.GetBytes(Of(nameof(AdministrativeUnitChanged),
                new JsonObject { ["code"] = code, ["name"] = "Hà Tây", ["kind"] = "PROVINCE", ["revision"] = 1 }))),
            ("XML", "application/xml", "<message><code>1</code></message>"u8.ToArray()),
            ("no content type and an empty body", null, []),
            ("a body of megabytes", Envelope, Encoding.UTF8.GetBytes(Of(nameof(AdministrativeUnitChanged), huge))),
        ];
    }

    [Fact]
    public async Task Malformed_messages_go_to_the_error_queue_and_a_valid_event_after_them_is_still_applied()
    {
        var code = $"9{Random.Shared.Next(1000, 9999)}";
        var queues = (await QueuesAsync()).Keys.Where(q => !q.EndsWith("_error") && !q.EndsWith("_skipped")).ToList();
        Assert.NotEmpty(queues);
        var bad = BadMessages(code);

        var factory = new ConnectionFactory { Uri = new Uri(host.RabbitMqUrl) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            foreach (var queue in queues)
            {
                foreach (var (_, contentType, body) in bad)
                {
                    await channel.BasicPublishAsync("", queue, mandatory: false,
                        new BasicProperties { ContentType = contentType, MessageId = Guid.NewGuid().ToString(), Persistent = true }, body);
                }
            }
            // Also through the event's exchange, as a publisher would: it reaches every queue bound to it.
            await channel.BasicPublishAsync($"Platform.Contracts.IntegrationEvents:{nameof(AdministrativeUnitChanged)}", "", mandatory: false,
                new BasicProperties { ContentType = Envelope }, bad.Single(b => b.What == "a half-valid event").Body);
        }

        await Poll.UntilAsync(async () =>
        {
            var depths = await QueuesAsync();
            return queues.All(q => depths[q] == 0
                && depths.GetValueOrDefault($"{q}_error") + depths.GetValueOrDefault($"{q}_skipped") >= bad.Count);
        }, "every malformed message to be moved to an _error or _skipped queue", TimeSpan.FromSeconds(90));

        var (publish, applied) = ValidEvent();
        await publish(host.RabbitMqUrl);
        await Poll.UntilAsync(async () =>
        {
            await using var db = host.CreateDbContext();
            return await applied(db);
        }, "the valid event after the malformed ones to be applied");

        await using var check = host.CreateDbContext();
        Assert.False(KeepsUnitCopies && await check.Set<AdministrativeUnitCopy>().AnyAsync(c => c.Code == code), "a half-valid event was applied");
    }

    /// <summary>Queue name → messages (ready and unacknowledged) in this host's virtual host.</summary>
    private Task<Dictionary<string, long>> QueuesAsync() => RabbitMqNode.Shared.QueueDepthsAsync(RabbitMqNode.VirtualHostOf(host.RabbitMqUrl));
}

public sealed class OrganizationMalformedMessageTests(ServiceHost<OrganizationDbContext> host)
    : MalformedMessageTests<OrganizationDbContext>(host), IClassFixture<ServiceHost<OrganizationDbContext>>
{
    protected override (Func<string, Task> Publish, Func<OrganizationDbContext, Task<bool>> Applied) ValidEvent() => UnitChanged<OrganizationDbContext>();

    internal static (Func<string, Task>, Func<T, Task<bool>>) UnitChanged<T>() where T : DbContext
    {
        var code = $"8{Random.Shared.Next(1000, 9999)}";
        return (url => TestBus.PublishAsync(url, Guid.NewGuid(), new AdministrativeUnitChanged(code, "Tỉnh Hà Tây", "PROVINCE", null, 1, DateTimeOffset.UtcNow)),
            db => db.Set<AdministrativeUnitCopy>().AnyAsync(c => c.Code == code && c.Name == "Tỉnh Hà Tây"));
    }
}

public sealed class DelegateAffairsMalformedMessageTests(ServiceHost<DelegateAffairsDbContext> host)
    : MalformedMessageTests<DelegateAffairsDbContext>(host), IClassFixture<ServiceHost<DelegateAffairsDbContext>>
{
    protected override (Func<string, Task> Publish, Func<DelegateAffairsDbContext, Task<bool>> Applied) ValidEvent() =>
        OrganizationMalformedMessageTests.UnitChanged<DelegateAffairsDbContext>();
}

public sealed class HomeAffairsMalformedMessageTests(ServiceHost<HomeAffairsDbContext> host)
    : MalformedMessageTests<HomeAffairsDbContext>(host), IClassFixture<ServiceHost<HomeAffairsDbContext>>
{
    protected override bool KeepsUnitCopies => false;

    /// <summary>A vetting request to Home Affairs: it answers it, and its inbox keeps the request's message id.</summary>
    protected override (Func<string, Task> Publish, Func<HomeAffairsDbContext, Task<bool>> Applied) ValidEvent()
    {
        var batch = Guid.NewGuid();
        var subject = new VettingSubject(Guid.NewGuid(), 1, "quoc-hoi-xv", "NATIONAL_ASSEMBLY", new DateOnly(2021, 5, 23), "001075999001",
            "Nguyễn Văn Ánh", new DateOnly(1975, 8, 19), "MALE", true, false, false);
        var request = new VettingRequested(batch, ["organization", "home-affairs"], [subject], new Actor("delegate-affairs-editor", "delegate-affairs", null));
        return (url => TestBus.PublishAsync(url, Guid.NewGuid(), request),
            db => db.Set<InboxMessage>().AnyAsync(m => m.Consumer == Platform.Vetting.IntegrationEvents.VettingRequestedConsumer<HomeAffairsDbContext>.InboxName));
    }
}
