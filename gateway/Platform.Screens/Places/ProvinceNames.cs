using Grpc.Core;
using Microsoft.Extensions.Caching.Memory;
using FormerName = Platform.Contracts.IntegrationEvents.FormerName;
using Platform.Screens.Formatting;
using Platform.HomeAffairs.V1;
using Platform.Vietnamese;

namespace Platform.Screens.Places;

/// <summary>
/// The provinces' names, for constituencies that name their province by code ("quoc-hoi-xv.27-02" is Bắc Ninh's
/// second): read from Home Affairs, the map's owner, with the person's own token, and kept for ten minutes, since the
/// map changes by resolution, rarely. A code may outlive a name (the 2025 mergers): names are asked for as on a date.
/// When Home Affairs cannot answer, the screens show the code and say nothing false.
/// </summary>
public sealed class ProvinceNames(ServiceChannels channels, ScreenSession session, IMemoryCache cache, ILogger<ProvinceNames> logger)
{
    private const string CacheKey = "screens:provinces";

    /// <summary>A province as Home Affairs records it: when it exists and the names it had.</summary>
    private sealed record Province(string Code, string Name, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<FormerName> FormerNames)
    {
        public bool ExistsOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
    }

    /// <summary>
    /// The provinces' names by code. On a date: those that existed that day, named as they were then (a 2021
    /// constituency at "15" is in Yên Bái, whatever "15" is called now). Without one: every province ever recorded,
    /// under its current name.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(DateOnly? on = null)
    {
        var provinces = await ProvincesAsync();
        return on is { } date
            ? provinces.Where(p => p.ExistsOn(date)).ToDictionary(p => p.Code, p => FormerName.NameOn(p.Name, p.FormerNames, date), StringComparer.Ordinal)
            : provinces.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The names on an ISO day ("2021-05-23"), e.g. an election's or a conference's; all, current, when it is empty.</summary>
    public Task<IReadOnlyDictionary<string, string>> GetAsync(string isoDay) => GetAsync(VietnameseFormat.ParseDate(isoDay));

    private async Task<IReadOnlyList<Province>> ProvincesAsync()
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlyList<Province>? known) && known is not null)
        {
            return known;
        }
        try
        {
            var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(channels.Reads("home-affairs"));
            var provinces = new List<Province>();
            var request = new ListAdministrativeUnitsRequest { PageSize = 1000 };
            do
            {
                var page = await units.ListAdministrativeUnitsAsync(request, await session.CallAsync());
                provinces.AddRange(page.AdministrativeUnits
                    .Where(u => u.Kind is AdministrativeUnitKind.Province or AdministrativeUnitKind.CentrallyRunCity)
                    .Select(u => new Province(u.Code, u.Name, VietnameseFormat.ParseDate(u.ValidFrom), VietnameseFormat.ParseDate(u.ValidTo),
                        u.FormerNames.Select(f => new FormerName(f.Name, VietnameseFormat.ParseDate(f.ValidTo) ?? DateOnly.MinValue)).ToList())));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            return cache.Set<IReadOnlyList<Province>>(CacheKey, provinces, TimeSpan.FromMinutes(10));
        }
        catch (RpcException e)
        {
            logger.LogWarning(e, "The provinces' names could not be read from Home Affairs ({Status}); constituencies show their codes.", e.StatusCode);
            return [];
        }
    }

    /// <summary>
    /// The provinces whose name or code contains <paramref name="query"/>, however it is typed: "quang ninh",
    /// "Quảng Ninh" and "QUANG NINH" all find Quảng Ninh (names compared folded, without marks). In name order.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Matching(IReadOnlyDictionary<string, string> names, string? query)
    {
        var folded = VietnameseText.Fold(query ?? "");
        if (folded.Length == 0)
        {
            return [];
        }
        return names.Where(n => n.Key == folded || VietnameseText.Fold(n.Value).Contains(folded, StringComparison.Ordinal))
            .OrderBy(n => n.Value, VietnameseText.Order).ToList();
    }

    /// <summary>"quoc-hoi-xv.01-02" → "Hà Nội, đơn vị số 2"; "đơn vị bầu cử 01-02" when the province is unknown.</summary>
    public static string Constituency(string id, IReadOnlyDictionary<string, string> names)
    {
        var local = id[(id.LastIndexOf('.') + 1)..];
        var dash = local.LastIndexOf('-');
        return dash > 0 && names.TryGetValue(local[..dash], out var province) && int.TryParse(local[(dash + 1)..], out var number)
            ? $"{province}, đơn vị số {number}"
            : $"đơn vị bầu cử {local}";
    }
}
