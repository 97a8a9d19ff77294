using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.HomeAffairs.IntegrationEvents;
using Platform.HomeAffairs.Model;
using Platform.Messaging.Outbox;
using Platform.Api.Security;

namespace Platform.HomeAffairs.Infrastructure.Seed;

/// <summary>
/// `seed`: adds the reference data Home Affairs starts with (the 63 provinces of 2020) where it is
/// missing, through the same path as any change, so that each new unit's event reaches the copies; and
/// the official records of the demo's people.
/// Running it again changes nothing.
/// </summary>
public static class SeedCommand
{
    public static async Task RunAsync(IServiceProvider services)
    {
        var actor = services.GetRequiredService<CurrentActor>();
        actor.Actor = CurrentActor.System("seed", PlatformBodies.HomeAffairs);
        var db = services.GetRequiredService<HomeAffairsDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SeedCommand));
        var existing = await db.AdministrativeUnits.Select(u => u.Code).ToHashSetAsync();
        var now = DateTimeOffset.UtcNow;
        var added = 0;
        foreach (var (code, name, kind) in Provinces2020.All.Where(p => !existing.Contains(p.Code)))
        {
            var unit = AdministrativeUnit.Create(code, name, kind, parentCode: null, now);
            db.AdministrativeUnits.Add(unit);
            db.AddIntegrationEvent(AdministrativeUnitEvents.Changed(unit, actor.Actor));
            added++;
        }
        if (!await db.OfficialRecords.AnyAsync())
        {
            db.OfficialRecords.AddRange(OfficialRecordsSeed.Records());
        }
        await db.SaveChangesAsync();
        logger.LogInformation("Seeded {Added} administrative units ({Existing} were already there) and the official records", added, existing.Count);
    }
}
