using Microsoft.EntityFrameworkCore;

namespace Platform.Vetting.Infrastructure;

public static class VettingRecords
{
    /// <summary>
    /// The stored records <paramref name="matching"/> selects (read without tracking), overlaid with the ones this
    /// unit of work has added, changed or deleted but not saved: re-vetting runs before SaveChanges, and must
    /// judge the record as it is about to be saved, not as it was.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, TRecord>> WithUnsavedChangesAsync<TRecord>(
        this IQueryable<TRecord> matching, DbContext db, Func<TRecord, string> nationalIdOf, IReadOnlyCollection<string> nationalIds,
        CancellationToken cancellationToken) where TRecord : class
    {
        var records = await matching.AsNoTracking().ToDictionaryAsync(nationalIdOf, cancellationToken);
        var wanted = nationalIds.ToHashSet();
        foreach (var entry in db.ChangeTracker.Entries<TRecord>().Where(e => e.State != EntityState.Unchanged && wanted.Contains(nationalIdOf(e.Entity))))
        {
            if (entry.State == EntityState.Deleted)
            {
                records.Remove(nationalIdOf(entry.Entity));
            }
            else
            {
                records[nationalIdOf(entry.Entity)] = entry.Entity;
            }
        }
        return records;
    }
}
