namespace Platform.SeedLoader;

/// <summary>
/// The seed scenario's joint conference, loaded through the gateway as the three bodies' editors would: from
/// wherever the platform is, up to concluded with its tasks with their owners and progress reported on some.
/// </summary>
public static class SeedConferenceLoader
{
    /// <summary>How long to wait for each thing the services do by events (an invitation, scheduling, tasks).</summary>
    public static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs every step still missing and returns the conference's id; throws <see cref="SeedLoaderException"/> when it cannot go on.</summary>
    public static async Task<string> RunAsync(SeedLoaderOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        using var gateway = await Gateway.ConnectAsync(options, cancellationToken);
        var conference = await new SeedSteps(gateway, log, EventTimeout, options.Slug).RunAsync(cancellationToken);
        return conference.Id;
    }
}
