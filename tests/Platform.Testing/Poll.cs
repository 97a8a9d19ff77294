namespace Platform.Testing;

/// <summary>Waiting for something that happens asynchronously: poll a condition until a deadline, never sleep blindly.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls <paramref name="probe"/> until it returns a value, or throws a TimeoutException naming <paramref name="what"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception exception)
            {
                last = exception;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}." + (last is null ? "" : $" Last error: {last.Message}"), last);
            }
            await Task.Delay(PollInterval); // between checks of the condition, bounded by the deadline above
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync<object>(async () => await condition() ? new object() : null, what, timeout);
}
