using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging.Inbox;

public sealed class InboxOptions
{
    public const string Section = "Messaging:Inbox";

    /// <summary>
    /// How long a consumed message id is remembered. A redelivery later than this would be applied
    /// again, so it must be far longer than any outage a message can wait out in a queue or an outbox.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Forgets inbox rows older than the retention, so the table does not grow without end.</summary>
public sealed class InboxCleanupService<TContext>(IServiceScopeFactory scopes, InboxOptions options, ILogger<InboxCleanupService<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    /// <summary>Deletes what is past retention; returns how many rows.</summary>
    public async Task<int> CleanUpOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = DateTimeOffset.UtcNow - options.Retention;
        return await db.Set<InboxMessage>().Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CleanupInterval);
        do
        {
            try
            {
                var deleted = await CleanUpOnceAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Forgot {Count} inbox entries older than {Retention}", deleted, options.Retention);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Inbox clean-up failed; trying again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
