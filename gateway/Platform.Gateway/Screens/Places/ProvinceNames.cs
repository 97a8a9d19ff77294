using Grpc.Core;
using Microsoft.Extensions.Caching.Memory;
using Platform.HomeAffairs.V1;
using Platform.ServiceDefaults.Text;

namespace Platform.Gateway.Screens.Places;

/// <summary>
/// The provinces' names, for constituencies that name their province by code ("quoc-hoi-xv.27-02" is Bắc Ninh's
/// second): read from Home Affairs, the map's owner, with the person's own token, and kept for ten minutes, since the
/// map changes by resolution, rarely. When Home Affairs cannot answer, the screens show the code and say nothing false.
/// </summary>
public sealed class ProvinceNames(ServiceChannels channels, ScreenSession session, IMemoryCache cache, ILogger<ProvinceNames> logger)
{
    private const string CacheKey = "screens:province-names";

    public async Task<IReadOnlyDictionary<string, string>> GetAsync()
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlyDictionary<string, string>? known) && known is not null)
        {
            return known;
        }
        try
        {
            var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(channels.Reads("home-affairs"));
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var request = new ListAdministrativeUnitsRequest { PageSize = 1000 };
            do
            {
                var page = await units.ListAdministrativeUnitsAsync(request, await session.CallAsync());
                foreach (var unit in page.AdministrativeUnits.Where(u => u.Kind is AdministrativeUnitKind.Province or AdministrativeUnitKind.CentrallyRunCity))
                {
                    names[unit.Code] = unit.Name;
                }
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            return cache.Set<IReadOnlyDictionary<string, string>>(CacheKey, names, TimeSpan.FromMinutes(10));
        }
        catch (RpcException e)
        {
            logger.LogWarning(e, "The provinces' names could not be read from Home Affairs ({Status}); constituencies show their codes.", e.StatusCode);
            return new Dictionary<string, string>();
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
