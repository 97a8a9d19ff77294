using Microsoft.EntityFrameworkCore;
using Platform.ReferenceData;

namespace Platform.FunctionalTests;

/// <summary>
/// Provinces put straight into a body's copy of the administrative units: in production they arrive from
/// Home Affairs by events, which a test of one service does not run.
/// </summary>
internal static class ProvinceCopies
{
    public static async Task EnsureAsync(DbContext db, params (string Code, string Name)[] provinces)
    {
        foreach (var (code, name) in provinces)
        {
            if (await db.Set<AdministrativeUnitCopy>().FindAsync(code) is null)
            {
                db.Set<AdministrativeUnitCopy>().Add(new AdministrativeUnitCopy
                {
                    Code = code, Name = name, Kind = "PROVINCE", Revision = 1, ReplicatedAt = DateTimeOffset.UtcNow,
                });
            }
        }
        await db.SaveChangesAsync();
    }
}
