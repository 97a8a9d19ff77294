namespace Platform.SeedLoader;

/// <summary>Waiting for what the services do by events (a few milliseconds to a few hundred): poll until a deadline.</summary>
internal static class Waiting
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Polls <paramref name="probe"/> until it returns a value; past the deadline, fails naming <paramref name="what"/>
    /// and, if given, what was last seen.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T?>> probe, string what, TimeSpan timeout,
        CancellationToken cancellationToken, Func<string>? lastSeen = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe(cancellationToken) is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new SeedLoaderException($"Gave up after {timeout.TotalSeconds:0} s waiting for {what}." + (lastSeen is null ? "" : $" Last seen: {lastSeen()}"));
            }
            await Task.Delay(Interval, cancellationToken); // between checks, bounded by the deadline above
        }
    }
}
