using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Claims outbox rows in the service's own database with FOR UPDATE SKIP LOCKED, so several relays
/// (replicas) share the work without sending a row twice while it is claimed.
/// </summary>
internal sealed class EfOutboxStore<TContext>(IServiceScopeFactory scopes) : IOutboxStore where TContext : DbContext
{
    public async Task<IOutboxBatch> ClaimAsync(int maxCount, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var messages = await db.Set<OutboxMessage>()
                .FromSqlRaw($"SELECT * FROM {MessagingModel.OutboxTable} ORDER BY sequence LIMIT {{0}} FOR UPDATE SKIP LOCKED", maxCount)
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            return new Batch(scope, db, transaction, messages);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private sealed class Batch(AsyncServiceScope scope, TContext db, IDbContextTransaction transaction, IReadOnlyList<OutboxMessage> messages)
        : IOutboxBatch
    {
        public IReadOnlyList<OutboxMessage> Messages => messages;

        public async Task CompleteAsync(IReadOnlyCollection<OutboxMessage> published, CancellationToken cancellationToken)
        {
            var sequences = published.Select(m => m.Sequence).ToArray();
            await db.Set<OutboxMessage>().Where(m => sequences.Contains(m.Sequence)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync(); // rolls back (releases the claim) if not committed
            await scope.DisposeAsync();
        }
    }
}
