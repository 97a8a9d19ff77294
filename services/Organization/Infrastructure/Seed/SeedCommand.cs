using Microsoft.EntityFrameworkCore;
using Platform.DemoScenario;
using Platform.ReferenceData;
using Platform.Api.Security;

namespace Platform.Organization.Infrastructure.Seed;

/// <summary>
/// `seed`: loads the cadre records of the demo's people, the Party committees directly under the Centre and
/// their 2020–2025 congresses (with a personnel plan for Yên Bái) where missing,
/// through the model the API writes with, audited as the platform's seed. It waits for the provinces to
/// replicate from Home Affairs (seeded first).
/// </summary>
public static class SeedCommand
{
    public static async Task RunAsync(IServiceProvider services)
    {
        services.GetRequiredService<CurrentActor>().Actor = CurrentActor.System("seed", PlatformBodies.Organization);
        var db = services.GetRequiredService<OrganizationDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SeedCommand));
        if (!await db.CadreRecords.AnyAsync())
        {
            var records = CadreRecordsSeed.Records();
            db.CadreRecords.AddRange(records);
            await db.SaveChangesAsync();
            logger.LogInformation("Seeded {Records} cadre records", records.Count);
        }
        if (await db.PartyOrganizations.AnyAsync())
        {
            logger.LogInformation("The Party organizations are already there");
            return;
        }
        var provinces = await ReplicatedProvinces.WaitForAsync(db, Election2021People.ProvinceCodes, TimeSpan.FromMinutes(2));
        var organizations = Congresses2020Seed.Organizations(provinces.Values);
        var congresses = Congresses2020Seed.Congresses(organizations);
        db.PartyOrganizations.AddRange(organizations);
        db.PartyCongresses.AddRange(congresses);
        var yenBai = congresses.Single(c => c.OrganizationId == "dang-bo-tinh-yen-bai");
        db.PersonnelPlans.Add(PersonnelPlansSeed.Plan(yenBai.OrganizationId, yenBai.PlannedDate));
        await db.SaveChangesAsync();
        logger.LogInformation("Seeded {Organizations} Party organizations and {Congresses} congresses", organizations.Count, congresses.Count);
    }
}
