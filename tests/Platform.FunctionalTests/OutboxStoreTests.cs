using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Messaging.Outbox;
using Platform.Testing;

namespace Platform.FunctionalTests;

public sealed class OutboxStoreTests(MessagingHostWithoutRelay host) : IClassFixture<MessagingHostWithoutRelay>
{
    [Fact]
    public async Task A_committed_outbox_row_wakes_a_listening_relay_at_once()
    {
        await using var signal = new PostgresOutboxSignal(host.DatabaseConnectionString, NullLogger<PostgresOutboxSignal>.Instance);
        await signal.WaitAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None); // starts listening

        // Far longer than the test may take: only the NOTIFY sent at commit can end this wait in time.
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(10), CancellationToken.None);
        await using (var db = host.CreateDbContext())
        {
            db.AddIntegrationEvent(new InboxProbe("wake", 0));
            await db.SaveChangesAsync();
        }

        await Poll.UntilAsync(() => Task.FromResult(waiting.IsCompleted), "the relay to be woken by the commit");
    }

    [Fact]
    public async Task A_relay_skips_rows_another_relay_has_claimed_and_a_released_claim_is_claimed_again()
    {
        await using (var db = host.CreateDbContext())
        {
            for (var i = 0; i < 4; i++)
            {
                db.AddIntegrationEvent(new InboxProbe($"claim-{i}", 0));
            }
            await db.SaveChangesAsync();
        }
        var store = host.Services.GetRequiredService<IOutboxStore>();

        await using var first = await store.ClaimAsync(2, CancellationToken.None);
        var firstIds = first.Messages.Select(m => m.MessageId).ToHashSet();
        List<Guid> secondIds;
        await using (var second = await store.ClaimAsync(100, CancellationToken.None))
        {
            secondIds = second.Messages.Select(m => m.MessageId).ToList();
        }

        Assert.Equal(2, firstIds.Count);
        Assert.Empty(secondIds.Intersect(firstIds));
        await first.DisposeAsync(); // released, not completed
        await using var third = await store.ClaimAsync(100, CancellationToken.None);
        Assert.Superset(firstIds, third.Messages.Select(m => m.MessageId).ToHashSet());
    }
}
