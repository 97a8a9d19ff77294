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

    private sealed class FakeStore : IOutboxStore
    {
        private readonly List<OutboxMessage> _rows = [];
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

        public Task<IOutboxBatch> ClaimAsync(int maxCount, CancellationToken cancellationToken) =>
            Task.FromResult<IOutboxBatch>(new Batch(this, Pending.Take(maxCount).ToList()));

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

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class FakePublisher : IOutboxPublisher
    {
        private readonly List<OutboxMessage> _published = [];
        public long? FailOn { get; set; }
        public int FailuresLeft { get; set; }
        public int Attempts { get; private set; }

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
            return Task.CompletedTask;
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
