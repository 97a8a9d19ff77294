using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Api.Security;

namespace Platform.Auditing;

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every created, changed or deleted <see cref="IAuditable"/>
/// entity to the same SaveChanges, so the trail commits or rolls back with the write itself. A write
/// with no known actor is refused: nothing is written that cannot be traced to someone.
/// </summary>
public sealed class AuditingInterceptor(CurrentActor currentActor, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Audit(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Audit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Audit(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        var writes = db.ChangeTracker.Entries<IAuditable>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (writes.Count == 0)
        {
            return;
        }
        var actor = currentActor.Actor
            ?? throw new InvalidOperationException("A write to audited data has no actor; set CurrentActor first.");
        var now = clock.GetUtcNow();
        foreach (var entry in writes)
        {
            db.Set<AuditEntry>().Add(new AuditEntry
            {
                OccurredAt = now,
                Subject = actor.Subject,
                Body = actor.Body,
                ClientId = actor.ClientId,
                Resource = entry.Entity.AuditResource,
                Operation = entry.State switch
                {
                    EntityState.Added => "create",
                    EntityState.Deleted => "delete",
                    _ => "update",
                },
                Change = JsonSerializer.Serialize(ChangeOf(entry), ChangeJson),
            });
        }
    }

    // The change column is jsonb, so letters need no \u escapes: PostgreSQL stores the same value either way.
    private static readonly JsonSerializerOptions ChangeJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>{"property": {"old": …, "new": …}} for what changed (everything, on create or delete).</summary>
    private static Dictionary<string, object?> ChangeOf(EntityEntry entry) =>
        entry.Properties
            .Where(p => entry.State != EntityState.Modified || p.IsModified)
            .Where(p => !p.Metadata.IsConcurrencyToken)
            .ToDictionary(
                p => p.Metadata.GetColumnName(),
                p => (object?)new
                {
                    old = entry.State == EntityState.Added ? null : p.OriginalValue,
                    @new = entry.State == EntityState.Deleted ? null : p.CurrentValue,
                });
}
