using System.Threading.RateLimiting;

namespace Platform.Gateway.Extensions;

/// <summary>
/// A person's own fixed window chained with the one their client shares with everyone signed in through it: a request
/// needs a permit from both, the person's asked first, so that a person over their own limit does not use up the
/// client's. Refused, it answers with the refusing limiter's lease (its Retry-After).
/// </summary>
internal sealed class PersonAndClientLimiter(FixedWindowRateLimiter person, PartitionedRateLimiter<string> clients, string client)
    : ReplenishingRateLimiter
{
    // The person's window is ticked by the rate-limiting middleware (as its own fixed windows are); the clients' by theirs.
    public override bool IsAutoReplenishing => person.IsAutoReplenishing;
    public override TimeSpan ReplenishmentPeriod => person.ReplenishmentPeriod;
    public override bool TryReplenish() => person.TryReplenish();

    // Idle (and dropped by the middleware) when the person is; the client's window lives on in its own limiter.
    public override TimeSpan? IdleDuration => person.IdleDuration;
    public override RateLimiterStatistics? GetStatistics() => person.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var own = person.AttemptAcquire(permitCount);
        if (!own.IsAcquired)
        {
            return own;
        }
        var shared = clients.AttemptAcquire(client, permitCount);
        if (!shared.IsAcquired)
        {
            own.Dispose();
            return shared;
        }
        return new BothLeases(own, shared);
    }

    // No queue (QueueLimit 0): waiting is not offered, so asking is the same as attempting.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            person.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed class BothLeases(RateLimitLease first, RateLimitLease second) : RateLimitLease
    {
        public override bool IsAcquired => true;
        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                first.Dispose();
                second.Dispose();
            }
        }
    }
}
