using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Messaging.Inbox;
using Platform.Testing;

namespace Platform.FunctionalTests;

/// <summary>
/// The inbox of a batch (Inbox.ApplyBatchOnceAsync), on the real database: one statement records the batch, the effect
/// sees only what was not applied before, and a failure leaves nothing behind.
/// </summary>
public sealed class BatchInboxTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    private const string Consumer = "BatchInboxTests";

    private sealed record Item(Guid Id, string Key);

    /// <summary>Applies a batch that increments each item's counter, the not-idempotent way; the items the effect saw.</summary>
    private async Task<List<Item>> ApplyAsync(IReadOnlyList<Item> batch, Func<Item, bool>? failOn = null)
    {
        var seen = new List<Item>();
        await using var db = host.CreateDbContext();
        await Inbox.ApplyBatchOnceAsync(db, batch, item => item.Id, Consumer, NullLogger.Instance, async (fresh, cancellationToken) =>
        {
            foreach (var item in fresh)
            {
                seen.Add(item);
                var counter = await db.Counters.FindAsync([item.Key], cancellationToken);
                if (counter is null)
                {
                    db.Counters.Add(counter = new ProbeCounter { Key = item.Key });
                }
                counter.Applied++;
                if (failOn?.Invoke(item) == true)
                {
                    throw new InvalidOperationException($"{item.Key} fails");
                }
            }
        }, CancellationToken.None);
        return seen;
    }

    private async Task<(int? Applied, int InboxRows)> StateAsync(Item item)
    {
        await using var db = host.CreateDbContext();
        return ((await db.Counters.FindAsync(item.Key))?.Applied,
            await db.Set<InboxMessage>().CountAsync(m => m.MessageId == item.Id && m.Consumer == Consumer));
    }

    private static Item NewItem() => new(Guid.NewGuid(), Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_batch_applies_each_message_once_however_often_it_holds_it_or_an_earlier_batch_applied_it()
    {
        var earlier = NewItem();
        await ApplyAsync([earlier]);
        var (first, second) = (NewItem(), NewItem());

        var seen = await ApplyAsync([first, earlier, second, first]);

        Assert.Equal([first, second], seen); // in the batch's order, the duplicate and the earlier one left out
        foreach (var item in new[] { earlier, first, second })
        {
            Assert.Equal((1, 1), await StateAsync(item));
        }
    }

    [Fact]
    public async Task A_failing_batch_records_and_applies_nothing_and_applies_in_full_when_tried_again()
    {
        var (good, bad) = (NewItem(), NewItem());

        await Assert.ThrowsAsync<InvalidOperationException>(() => ApplyAsync([good, bad], failOn: item => item == bad));

        Assert.Equal((null, 0), await StateAsync(good)); // the good one's effect and inbox row went with the batch
        Assert.Equal((null, 0), await StateAsync(bad));
        Assert.Equal([good, bad], await ApplyAsync([good, bad]));
        Assert.Equal((1, 1), await StateAsync(good));
        Assert.Equal((1, 1), await StateAsync(bad));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_does_not_keep_the_valid_ones_batched_with_it_from_being_applied_once()
    {
        var valid = Enumerable.Range(0, 40).Select(_ => new BatchProbe(Guid.NewGuid().ToString("N"), Fail: false)).ToList();
        var poison = new BatchProbe(Guid.NewGuid().ToString("N"), Fail: true);

        await TestBus.PublishAllAsync(host.RabbitMqUrl, valid.Take(20).Append(poison).Concat(valid.Skip(20)));

        await Poll.UntilAsync(async () => (await QueuesAsync()).GetValueOrDefault("probe-batch-probe_error") >= 1,
            "the failing message to reach probe-batch-probe_error");
        await using var db = host.CreateDbContext();
        var keys = valid.Select(v => v.Key).Append(poison.Key).ToList();
        var applied = await db.Counters.Where(c => keys.Contains(c.Key)).ToDictionaryAsync(c => c.Key, c => c.Applied);
        Assert.All(valid, v => Assert.Equal(1, applied.GetValueOrDefault(v.Key))); // each once, whatever batch it came in
        Assert.False(applied.ContainsKey(poison.Key));
        Assert.True(BatchProbeConsumer.LargestBatch > 1, $"the messages were not batched (largest batch {BatchProbeConsumer.LargestBatch})");
    }

    private Task<Dictionary<string, long>> QueuesAsync() =>
        RabbitMqNode.Shared.QueueDepthsAsync(RabbitMqNode.VirtualHostOf(host.RabbitMqUrl));
}
