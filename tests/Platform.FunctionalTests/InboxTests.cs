using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.Inbox;
using Platform.Testing;

namespace Platform.FunctionalTests;

public sealed class InboxTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    private async Task<int?> AppliedAsync(string key)
    {
        await using var db = host.CreateDbContext();
        return (await db.Counters.FindAsync(key))?.Applied;
    }

    private async Task<int> InboxRowsAsync(Guid messageId)
    {
        await using var db = host.CreateDbContext();
        return await db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_applied_once()
    {
        var key = Guid.NewGuid().ToString("N");
        var messageId = Guid.NewGuid();

        await TestBus.PublishAsync(host.RabbitMqUrl, messageId, new InboxProbe(key, 0), new InboxProbe(key, 0));

        await Poll.UntilAsync(() => Task.FromResult(InboxProbeConsumer.AttemptsOf(key) >= 1), "the first delivery");
        await Poll.UntilAsync(async () => await QueueIsDrainedAsync(), "the second delivery to be consumed");
        Assert.Equal(1, await AppliedAsync(key));
        Assert.Equal(1, await InboxRowsAsync(messageId));
        Assert.Equal(1, InboxProbeConsumer.AttemptsOf(key)); // the duplicate never reached the handler
    }

    [Fact]
    public async Task A_failing_handler_commits_nothing_and_the_retry_applies_the_message_once()
    {
        var key = Guid.NewGuid().ToString("N");
        var messageId = Guid.NewGuid();

        await TestBus.PublishAsync(host.RabbitMqUrl, messageId, new InboxProbe(key, FailTimes: 2));

        await Poll.UntilAsync(async () => await AppliedAsync(key) is not null, "the message to be applied after its retries");
        Assert.Equal(3, InboxProbeConsumer.AttemptsOf(key));
        Assert.Equal(1, await AppliedAsync(key)); // the two failed attempts left no increment behind
        Assert.Equal(1, await InboxRowsAsync(messageId));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_ends_in_the_error_queue_unapplied()
    {
        var key = Guid.NewGuid().ToString("N");
        var messageId = Guid.NewGuid();

        await TestBus.PublishAsync(host.RabbitMqUrl, messageId, new InboxProbe(key, FailTimes: -1));

        await Poll.UntilAsync(async () => await ErrorQueueDepthAsync() >= 1, "the message to reach probe-inbox-probe_error");
        Assert.Equal(4, InboxProbeConsumer.AttemptsOf(key)); // the first try and three retries
        Assert.Null(await AppliedAsync(key));
        Assert.Equal(0, await InboxRowsAsync(messageId)); // so an operator can re-queue it and it will apply
    }

    private Task<Dictionary<string, long>> QueuesAsync() => RabbitMqNode.Shared.QueueDepthsAsync(RabbitMqNode.VirtualHostOf(host.RabbitMqUrl));

    // "messages" counts ready and unacknowledged ones: 0 means every delivery has been handled and acknowledged.
    private async Task<bool> QueueIsDrainedAsync() => (await QueuesAsync()).GetValueOrDefault("probe-inbox-probe", -1) == 0;

    private async Task<long> ErrorQueueDepthAsync() => (await QueuesAsync()).GetValueOrDefault("probe-inbox-probe_error");
}

public sealed class InboxCleanupTests(MessagingHostWithoutRelay host) : IClassFixture<MessagingHostWithoutRelay>
{
    [Fact]
    public async Task Message_ids_past_retention_are_forgotten_and_recent_ones_kept()
    {
        Guid old = Guid.NewGuid(), recent = Guid.NewGuid();
        await using (var db = host.CreateDbContext())
        {
            db.Set<InboxMessage>().AddRange(
                new InboxMessage { MessageId = old, Consumer = "c", ReceivedAt = DateTimeOffset.UtcNow.AddDays(-31) },
                new InboxMessage { MessageId = recent, Consumer = "c", ReceivedAt = DateTimeOffset.UtcNow.AddDays(-1) });
            await db.SaveChangesAsync();
        }
        var cleanup = host.Services.GetRequiredService<InboxCleanupService<MessagingTestDbContext>>();

        await cleanup.CleanUpOnceAsync(CancellationToken.None);

        await using var check = host.CreateDbContext();
        var left = await check.Set<InboxMessage>().Select(m => m.MessageId).ToListAsync();
        Assert.DoesNotContain(old, left);
        Assert.Contains(recent, left);
    }
}
