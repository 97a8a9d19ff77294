using Microsoft.Extensions.Logging.Abstractions;
using Platform.Messaging.Outbox;
using Platform.Testing;

namespace Platform.UnitTests;

public sealed class OutboxRelayTests
{
    private readonly FakeStore _store = new();
    private readonly FakePublisher _publisher = new();
    private readonly FakeSignal _signal = new();
    private readonly OutboxOptions _options = new()
    {
        BatchSize = 10,
        PollInterval = TimeSpan.FromHours(1), // only a wake-up can make the relay run again in these tests
        MinRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
    };

    private OutboxRelay Relay => new(_store, _publisher, _signal, _options, NullLogger<OutboxRelay>.Instance);

    [Fact]
    public async Task A_batch_is_published_in_commit_order_and_then_removed()
    {
        _store.Add(3);
        _store.Add(1);
        _store.Add(2);

        var sent = await Relay.RelayBatchAsync(CancellationToken.None);

        Assert.Equal(3, sent);
        Assert.Equal([1L, 2L, 3L], _publisher.Published.Select(m => m.Sequence));
        Assert.Empty(_store.Pending);
    }

    [Fact]
    public async Task When_a_publish_fails_what_was_confirmed_is_removed_and_the_rest_stays_for_the_next_try()
    {
        _store.Add(1);
        _store.Add(2);
        _store.Add(3);
        _publisher.FailOn = 2;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Relay.RelayBatchAsync(CancellationToken.None));

        Assert.Equal([1L], _publisher.Published.Select(m => m.Sequence));
        Assert.Equal([2L, 3L], _store.Pending.Select(m => m.Sequence));
    }

    [Fact]
    public async Task The_relay_keeps_retrying_with_back_off_until_the_broker_accepts()
    {
        _store.Add(1);
        _publisher.FailuresLeft = 3;
        using var stop = new CancellationTokenSource();

        var running = Relay.RunAsync(stop.Token);
        await Poll.UntilAsync(() => Task.FromResult(_store.Pending.Count == 0), "the message to be relayed after the failures");
        await stop.CancelAsync();
        await running;

        Assert.Equal(1, _publisher.Published.Count(m => m.Sequence == 1));
        Assert.Equal(3, _publisher.Attempts - 1);
    }

    [Fact]
    public async Task A_commit_wakes_the_relay_at_once_without_waiting_for_the_poll()
    {
        using var stop = new CancellationTokenSource();
        var running = Relay.RunAsync(stop.Token);
        await Poll.UntilAsync(() => Task.FromResult(_signal.Waiting), "the relay to go idle");

        _store.Add(7);
        _signal.Wake();

        await Poll.UntilAsync(() => Task.FromResult(_publisher.Published.Any(m => m.Sequence == 7)), "the woken relay to publish");
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_full_batch_is_followed_at_once_by_the_next()
    {
        for (var i = 1; i <= 25; i++)
        {
            _store.Add(i);
        }
        using var stop = new CancellationTokenSource();

        var running = Relay.RunAsync(stop.Token);
        await Poll.UntilAsync(() => Task.FromResult(_publisher.Published.Count == 25), "all three batches");
        await stop.CancelAsync();
        await running;

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), _publisher.Published.Select(m => m.Sequence));
    }

    /// <summary>Like the database's claim: rows a batch holds are skipped by other claims until it is disposed (FOR UPDATE SKIP LOCKED).</summary>
    [Fact]
    public async Task Publishes_do_not_wait_for_earlier_confirms_and_batches_in_flight_never_share_a_message()
    {
        for (var i = 1; i <= 25; i++)
        {
            _store.Add(i);
        }
        _options.BatchesInFlight = 3;
        _publisher.ConfirmGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var running = Relay.RunAsync(stop.Token);
        // All three batches (10, 10 and 5) are sent before the broker has confirmed anything.
        await Poll.UntilAsync(() => Task.FromResult(_publisher.Published.Count == 25), "three batches sent without confirms");
        Assert.Equal(25, _store.Pending.Count);
        _publisher.ConfirmGate.SetResult();
        await Poll.UntilAsync(() => Task.FromResult(_store.Pending.Count == 0), "every confirmed message removed");
        await stop.CancelAsync();
        await running;

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), _publisher.Published.Select(m => m.Sequence));
    }

    [Fact]
    public async Task One_confirm_at_a_time_when_pipelining_is_off()
    {
        _store.Add(1);
        _store.Add(2);
        _options.PipelinePublishes = false;
        _publisher.ConfirmGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var relaying = Relay.RelayBatchAsync(CancellationToken.None);
        await Poll.UntilAsync(() => Task.FromResult(_publisher.Published.Count == 1), "the first publish");
        Assert.False(relaying.IsCompleted);
        Assert.Single(_publisher.Published); // the second waits for the first's confirm
        _publisher.ConfirmGate.SetResult();

        Assert.Equal(2, await relaying);
        Assert.Empty(_store.Pending);
    }

    private sealed class FakeStore : IOutboxStore
    {
        private readonly List<OutboxMessage> _rows = [];
        private readonly HashSet<OutboxMessage> _claimed = [];
        private readonly Lock _lock = new();

        public IReadOnlyList<OutboxMessage> Pending
        {
            get { lock (_lock) { return _rows.OrderBy(m => m.Sequence).ToList(); } }
        }

        public void Add(long sequence)
        {
            lock (_lock)
            {
                _rows.Add(new OutboxMessage { Sequence = sequence, MessageId = Guid.NewGuid(), MessageType = "T", Body = "{}" });
            }
        }

        public Task<IOutboxBatch> ClaimAsync(int maxCount, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                var claimed = _rows.Where(m => !_claimed.Contains(m)).OrderBy(m => m.Sequence).Take(maxCount).ToList();
                _claimed.UnionWith(claimed);
                return Task.FromResult<IOutboxBatch>(new Batch(this, claimed));
            }
        }

        private sealed class Batch(FakeStore store, IReadOnlyList<OutboxMessage> messages) : IOutboxBatch
        {
            public IReadOnlyList<OutboxMessage> Messages => messages;

            public Task CompleteAsync(IReadOnlyCollection<OutboxMessage> published, CancellationToken cancellationToken)
            {
                lock (store._lock)
                {
                    store._rows.RemoveAll(published.Contains);
                }
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync()
            {
                lock (store._lock)
                {
                    store._claimed.ExceptWith(messages);
                }
                return ValueTask.CompletedTask;
            }
        }
    }

    private sealed class FakePublisher : IOutboxPublisher
    {
        private readonly List<OutboxMessage> _published = [];
        public long? FailOn { get; set; }
        public int FailuresLeft { get; set; }
        public int Attempts { get; private set; }

        /// <summary>When set, a publish is sent (recorded) at once but confirmed only when the gate opens.</summary>
        public TaskCompletionSource? ConfirmGate { get; set; }

        public IReadOnlyList<OutboxMessage> Published
        {
            get { lock (_published) { return _published.ToList(); } }
        }

        public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Attempts++;
            if (message.Sequence == FailOn || FailuresLeft-- > 0)
            {
                throw new InvalidOperationException("broker unreachable");
            }
            lock (_published)
            {
                _published.Add(message);
            }
            return ConfirmGate?.Task.WaitAsync(cancellationToken) ?? Task.CompletedTask;
        }
    }

    private sealed class FakeSignal : IOutboxSignal
    {
        private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Waiting { get; private set; }

        public void Wake() => _wake.TrySetResult();

        public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            Waiting = true;
            try
            {
                await _wake.Task.WaitAsync(timeout, cancellationToken);
            }
            finally
            {
                Waiting = false;
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
