using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Messaging.Inbox;

/// <summary>Forgets inbox rows older than the retention, so the table does not grow without end.</summary>
public sealed class InboxCleanupService<TContext>(IServiceScopeFactory scopes, InboxOptions options, ILogger<InboxCleanupService<TContext>> logger)
    : PeriodicWork(options.CleanupInterval, TimeProvider.System, logger) where TContext : DbContext
{
    /// <summary>Deletes what is past retention; returns how many rows.</summary>
    public async Task<int> CleanUpOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = DateTimeOffset.UtcNow - options.Retention;
        return await db.Set<InboxMessage>().Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var deleted = await CleanUpOnceAsync(cancellationToken);
        if (deleted > 0)
        {
            Logger.LogInformation("Forgot {Count} inbox entries older than {Retention}", deleted, options.Retention);
        }
    }
}
