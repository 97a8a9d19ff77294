using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.IntegrationEvents;
using Platform.Messaging.Inbox;
using Platform.Messaging.Operations;
using Platform.Operations.V1;
using OperationsService = Platform.Operations.V1.OperationsService;
using Platform.Organization.Infrastructure;
using Platform.Organization.V1;
using Platform.ReferenceData;
using Platform.Auditing;
using Platform.Testing;

namespace Platform.FunctionalTests.Operations;

/// <summary>Organization with its fault switch (a file the test writes) and fast retries, so a failing message reaches the error queue in a moment.</summary>
public sealed class OrganizationWithFaultSwitchHost : ServiceHost<OrganizationDbContext>
{
    public string FaultSwitchFile { get; } = Path.Combine(Path.GetTempPath(), $"fault-switch-{Guid.NewGuid():N}");

    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        (FaultSwitch.FileKey, FaultSwitchFile),
        ("Messaging:Retry:Limit", "2"),
        ("Messaging:Retry:MinInterval", "00:00:00.010"),
        ("Messaging:Retry:MaxInterval", "00:00:00.050"),
        ("Messaging:Retry:IntervalDelta", "00:00:00.010"),
    ];
}

/// <summary>
/// The operator's tools on a real service over real RabbitMQ and PostgreSQL: a message its consumer throws for
/// lands in the error queue, is listed with MassTransit's fault headers, and once the fault is fixed is
/// re-queued and applied exactly once; only the service's own ops role gets in.
/// </summary>
public sealed class OperationsApiTests(OrganizationWithFaultSwitchHost host) : IClassFixture<OrganizationWithFaultSwitchHost>, IDisposable
{
    private OperationsService.OperationsServiceClient As(string body, string role) => new(host.ChannelWith(TestTokens.For(body, role)));

    private OperationsService.OperationsServiceClient Ops => As("organization", "ops");

    [Fact]
    public async Task A_message_that_failed_is_listed_then_requeued_once_fixed_and_applied_exactly_once()
    {
        var code = Random.Shared.Next(10_000, 99_999).ToString();
        var messageId = Guid.NewGuid();
        await File.WriteAllTextAsync(host.FaultSwitchFile, "AdministrativeUnitChanged\n");
        await TestBus.PublishAsync(host.RabbitMqUrl, messageId, new AdministrativeUnitChanged(code, "Hà Tây", "PROVINCE", null, 1, DateTimeOffset.UtcNow));

        ErrorMessage? failed = null;
        ErrorQueue? queue = null;
        await Poll.UntilAsync(async () =>
        {
            var listing = await Ops.ListErrorMessagesAsync(new ListErrorMessagesRequest());
            queue = listing.Queues.FirstOrDefault(q => q.Messages.Any(m => m.MessageId == messageId.ToString()));
            failed = queue?.Messages.First(m => m.MessageId == messageId.ToString());
            return failed is not null;
        }, "the failed message to be in an error queue");
        Assert.Equal(queue!.Queue + "_error", queue.ErrorQueue_);
        Assert.Contains("administrative-unit", queue.Queue);
        Assert.Equal("AdministrativeUnitChanged", failed!.MessageType);
        Assert.Contains(nameof(FaultSwitchException), failed.ExceptionType);
        Assert.Contains("fault switch", failed.ExceptionMessage);
        Assert.NotNull(failed.SentTime);
        Assert.True(failed.FaultHeaders.Count > 0);
        // Listing changed nothing: the message is still there, and it was not applied.
        var again = await Ops.ListErrorMessagesAsync(new ListErrorMessagesRequest { Queue = queue.Queue });
        Assert.Contains(again.Queues.Single().Messages, m => m.MessageId == messageId.ToString());
        Assert.False(await CopyExistsAsync(code));

        File.Delete(host.FaultSwitchFile); // the fault is fixed
        var requeued = await Ops.RequeueErrorMessagesAsync(new RequeueErrorMessagesRequest { Queue = queue.Queue, MessageIds = { messageId.ToString() } });
        Assert.Equal(1, requeued.Requeued);
        Assert.Empty(requeued.NotFound);
        await Poll.UntilAsync(() => CopyExistsAsync(code), "the re-queued message to be applied");

        // A second re-queue finds nothing, and the same message delivered again is stopped by the inbox.
        var second = await Ops.RequeueErrorMessagesAsync(new RequeueErrorMessagesRequest { MessageIds = { messageId.ToString() } });
        Assert.Equal(0, second.Requeued);
        Assert.Equal([messageId.ToString()], second.NotFound);
        await TestBus.PublishAsync(host.RabbitMqUrl, messageId, new AdministrativeUnitChanged(code, "Hà Tây", "PROVINCE", null, 1, DateTimeOffset.UtcNow));
        var marker = Guid.NewGuid();
        await TestBus.PublishAsync(host.RabbitMqUrl, marker, new AdministrativeUnitChanged(code + "9", "Đánh dấu", "PROVINCE", null, 1, DateTimeOffset.UtcNow));
        await Poll.UntilAsync(() => CopyExistsAsync(code + "9"), "a later message to be applied (the duplicate came before it)");

        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId));
        Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(a => a.Resource == $"administrative-units/{code}"));
        var listed = await Ops.ListErrorMessagesAsync(new ListErrorMessagesRequest { Queue = queue.Queue });
        Assert.DoesNotContain(listed.Queues.Single().Messages, m => m.MessageId == messageId.ToString());
    }

    [Theory]
    [InlineData("organization", "editor")]
    [InlineData("organization", "viewer")]
    [InlineData("organization", "reviewer")]
    [InlineData("home-affairs", "ops")]
    [InlineData("delegate-affairs", "ops")]
    public async Task Only_the_services_own_ops_role_may_operate_it(string body, string role)
    {
        var client = As(body, role);
        var calls = new Func<Task>[]
        {
            async () => await client.ListErrorMessagesAsync(new ListErrorMessagesRequest()),
            async () => await client.RequeueErrorMessagesAsync(new RequeueErrorMessagesRequest()),
            async () => await client.GetMessagingStatusAsync(new GetMessagingStatusRequest()),
            async () => await client.TrimInboxAsync(new TrimInboxRequest { OlderThan = Duration.FromTimeSpan(TimeSpan.FromDays(7)) }),
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        }
    }

    [Fact]
    public async Task The_status_counts_outbox_and_inbox_and_trim_forgets_only_rows_older_than_asked()
    {
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        await using (var db = host.CreateDbContext())
        {
            db.Set<InboxMessage>().Add(new InboxMessage { MessageId = old, Consumer = "tests", ReceivedAt = DateTimeOffset.UtcNow.AddDays(-8) });
            db.Set<InboxMessage>().Add(new InboxMessage { MessageId = recent, Consumer = "tests", ReceivedAt = DateTimeOffset.UtcNow.AddDays(-2) });
            await db.SaveChangesAsync();
        }
        var status = await Ops.GetMessagingStatusAsync(new GetMessagingStatusRequest());
        Assert.True(status.InboxCount >= 2);
        Assert.True(status.InboxOldestAge.ToTimeSpan() >= TimeSpan.FromDays(8) - TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromDays(30), status.InboxRetention.ToTimeSpan());
        Assert.True(status.OutboxCount >= 0);

        var tooYoung = await Assert.ThrowsAsync<RpcException>(async () =>
            await Ops.TrimInboxAsync(new TrimInboxRequest { OlderThan = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)) }));
        Assert.Equal(StatusCode.InvalidArgument, tooYoung.StatusCode);
        Assert.Equal("older_than", Violations(tooYoung).Single());
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await Ops.TrimInboxAsync(new TrimInboxRequest()));
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);

        var trimmed = await Ops.TrimInboxAsync(new TrimInboxRequest { OlderThan = Duration.FromTimeSpan(TimeSpan.FromDays(7)) });
        Assert.True(trimmed.Deleted >= 1);
        await using var check = host.CreateDbContext();
        Assert.False(await check.Set<InboxMessage>().AnyAsync(m => m.MessageId == old));
        Assert.True(await check.Set<InboxMessage>().AnyAsync(m => m.MessageId == recent));
    }

    [Fact]
    public async Task An_unknown_queue_or_a_malformed_message_id_is_named()
    {
        var queue = await Assert.ThrowsAsync<RpcException>(async () =>
            await Ops.ListErrorMessagesAsync(new ListErrorMessagesRequest { Queue = "home-affairs-something" }));
        Assert.Equal(StatusCode.InvalidArgument, queue.StatusCode);
        Assert.Equal("queue", Violations(queue).Single());
        var id = await Assert.ThrowsAsync<RpcException>(async () =>
            await Ops.RequeueErrorMessagesAsync(new RequeueErrorMessagesRequest { MessageIds = { "not-an-id" } }));
        Assert.Equal(StatusCode.InvalidArgument, id.StatusCode);
        Assert.Equal("message_ids[0]", Violations(id).Single());
    }

    private static IEnumerable<string> Violations(RpcException error) =>
        error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);

    private async Task<bool> CopyExistsAsync(string code)
    {
        await using var db = host.CreateDbContext();
        return await db.Set<AdministrativeUnitCopy>().AnyAsync(u => u.Code == code);
    }

    public void Dispose() => File.Delete(host.FaultSwitchFile);
}
