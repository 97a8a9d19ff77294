using Microsoft.EntityFrameworkCore;
using Platform.JointPlanning.Infrastructure;

namespace Platform.HomeAffairs.Infrastructure;

/// <summary>Bridge-point sites from Home Affairs' own administrative units (the others use their copies).</summary>
public sealed class AdministrativeUnitSites(HomeAffairsDbContext db) : IBridgePointSites
{
    public async Task<Site?> FindAsync(string code, CancellationToken cancellationToken) =>
        await db.AdministrativeUnits.AsNoTracking()
            .Where(u => u.Code == code)
            .Select(u => new Site(u.Code, u.Name, u.ValidFrom, u.ValidTo, u.FormerNames))
            .SingleOrDefaultAsync(cancellationToken);
}
