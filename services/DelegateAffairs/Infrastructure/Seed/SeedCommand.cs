using Microsoft.EntityFrameworkCore;
using Platform.ReferenceData;
using Platform.Api.Security;

namespace Platform.DelegateAffairs.Infrastructure.Seed;

/// <summary>
/// `seed`: loads the 2021 election (its quotas, constituencies and candidates) where missing, through the
/// model and database the API writes with, audited as the platform's seed. It needs the provinces, which
/// arrive from Home Affairs by events: it waits for them (Home Affairs is seeded first).
/// </summary>
public static class SeedCommand
{
    public static async Task RunAsync(IServiceProvider services)
    {
        services.GetRequiredService<CurrentActor>().Actor = CurrentActor.System("seed", PlatformBodies.DelegateAffairs);
        var db = services.GetRequiredService<DelegateAffairsDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SeedCommand));
        if (await db.Elections.AnyAsync(e => e.Id == Election2021Seed.ElectionId))
        {
            logger.LogInformation("The 2021 election is already there");
            return;
        }

        var codes = Election2021Seed.ProvinceCodes;
        var provinces = (await ReplicatedProvinces.WaitForAsync(db, codes, TimeSpan.FromMinutes(2))).ToDictionary(p => p.Key, p => p.Value.Name);

        var constituencies = Election2021Seed.Constituencies();
        var candidates = Election2021Seed.Candidates(provinces);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Elections.Add(Election2021Seed.Election);
        db.QuotaTargets.AddRange(Election2021Seed.Quotas);
        db.Constituencies.AddRange(constituencies);
        db.Candidates.AddRange(candidates);
        await db.SaveChangesAsync();
        // Vetting is asked for as it would be for candidates entered through the API, in the same transaction:
        // the Organization and Home Affairs answer once the services run.
        await services.GetRequiredService<VettingProcess>().RequestAsync(candidates, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Seeded the 2021 election: {Constituencies} constituencies, {Seats} seats, {Candidates} candidates",
            constituencies.Count, constituencies.Sum(c => c.Seats), candidates.Count);
    }
}
