using Microsoft.EntityFrameworkCore;

namespace Platform.ReferenceData;

/// <summary>For seeds that need provinces: they arrive from Home Affairs by events, so wait for them (bounded).</summary>
public static class ReplicatedProvinces
{
    public static async Task<Dictionary<string, AdministrativeUnitCopy>> WaitForAsync(DbContext db, IReadOnlyCollection<string> codes, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = await db.Set<AdministrativeUnitCopy>().AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code);
            if (found.Count == codes.Count)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Only {found.Count} of {codes.Count} provinces have replicated from Home Affairs; seed Home Affairs first.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // waiting on replication, bounded by the deadline
        }
    }
}
