using Microsoft.EntityFrameworkCore;

namespace Platform.Vetting.Infrastructure;

/// <summary>
/// Transaction-scoped PostgreSQL advisory locks, one per national ID, that serialize the vetting of one person:
/// a request being answered and a change of the person's record cannot interleave, so neither judges a record
/// the other is about to replace. Taken in key order, so two batches sharing people cannot deadlock.
/// </summary>
internal static class PersonLocks
{
    public static async Task TakeAsync(DbContext db, IEnumerable<string> nationalIds, CancellationToken cancellationToken)
    {
        var ids = nationalIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return;
        }
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended('vetting:' || id, 0) AS k FROM unnest({ids}) AS id ORDER BY k) AS keys",
            cancellationToken);
    }
}
