using Microsoft.EntityFrameworkCore;
using Platform.Contracts.IntegrationEvents;
using Platform.ReferenceData;

namespace Platform.JointPlanning.Infrastructure;

/// <summary>An administrative unit a bridge point may be at, when it exists and the names it had.</summary>
public sealed record Site(string Code, string Name, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<FormerName> FormerNames)
{
    public bool ExistsOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    /// <summary>Its name on the day (a conference of 2020 at "15" was held in Tỉnh Yên Bái, whatever "15" is called now).</summary>
    public string NameOn(DateOnly date) => FormerName.NameOn(Name, FormerNames, date);
}

/// <summary>Where bridge-point sites are looked up: the body's own administrative units or its copy of them.</summary>
public interface IBridgePointSites
{
    Task<Site?> FindAsync(string code, CancellationToken cancellationToken);
}

/// <summary>Sites from the body's read-only copy of Home Affairs' administrative units.</summary>
public sealed class CopiedSites<TContext>(TContext db) : IBridgePointSites where TContext : DbContext
{
    public async Task<Site?> FindAsync(string code, CancellationToken cancellationToken) =>
        await db.Set<AdministrativeUnitCopy>().AsNoTracking()
            .Where(u => u.Code == code)
            .Select(u => new Site(u.Code, u.Name, u.ValidFrom, u.ValidTo, u.FormerNames))
            .SingleOrDefaultAsync(cancellationToken);
}
