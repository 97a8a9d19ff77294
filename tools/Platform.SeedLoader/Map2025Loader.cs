using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.HomeAffairs.V1;

namespace Platform.SeedLoader;

/// <summary>
/// Records the 2025 map (<see cref="Map2025"/>) at Home Affairs as its editor would, through the gateway and the
/// administrative unit API: each merged province closed on 30/6/2025 with its successor, each code kept under a new
/// name renamed with its old name kept as a former name. The API publishes every change, so the copies at the two
/// other bodies follow. Run again, it changes nothing; a unit this platform does not hold (or whose successor it does
/// not hold) is skipped and said.
/// </summary>
public static class Map2025Loader
{
    public static async Task<int> RunAsync(SeedLoaderOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        using var gateway = await Gateway.ConnectAsync(options, cancellationToken);
        return await RunAsync(gateway, log, cancellationToken);
    }

    /// <summary>Applies what is missing; returns how many units it changed.</summary>
    internal static async Task<int> RunAsync(Gateway gateway, TextWriter log, CancellationToken cancellationToken)
    {
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(gateway.Channel);
        var changed = 0;
        foreach (var renaming in Map2025.Renamings)
        {
            var unit = await FindAsync(units, renaming.Code, gateway, log, cancellationToken);
            if (unit is null || unit.Name == renaming.NewName)
            {
                continue;
            }
            var renamed = unit.Clone();
            renamed.Name = renaming.NewName;
            renamed.FormerNames.Add(new FormerName { Name = unit.Name, ValidTo = renaming.LastDay.ToString("yyyy-MM-dd") });
            var paths = new List<string> { "name", "former_names" };
            if (renaming.BecomesCentrallyRunCity)
            {
                renamed.Kind = AdministrativeUnitKind.CentrallyRunCity;
                paths.Add("kind");
            }
            await UpdateAsync(units, renamed, paths, gateway, cancellationToken);
            await log.WriteLineAsync($"{unit.Code} {unit.Name} → {renaming.NewName} from {renaming.LastDay.AddDays(1):dd/MM/yyyy}");
            changed++;
        }
        var lastDay = Map2025.LastDayBeforeMerger.ToString("yyyy-MM-dd");
        foreach (var merger in Map2025.Mergers)
        {
            var unit = await FindAsync(units, merger.Code, gateway, log, cancellationToken);
            if (unit is null || (unit.ValidTo == lastDay && unit.SuccessorCode == merger.Successor))
            {
                continue;
            }
            if (await FindAsync(units, merger.Successor, gateway, log, cancellationToken) is null)
            {
                continue; // a partial map (a test's): the unit cannot name a successor this platform does not hold
            }
            var closed = unit.Clone();
            (closed.ValidTo, closed.SuccessorCode) = (lastDay, merger.Successor);
            await UpdateAsync(units, closed, ["valid_to", "successor_code"], gateway, cancellationToken);
            await log.WriteLineAsync($"{unit.Code} {unit.Name} merged into {merger.Successor} after {Map2025.LastDayBeforeMerger:dd/MM/yyyy}");
            changed++;
        }
        await log.WriteLineAsync($"The 2025 map ({Map2025.Source}): {changed} units changed.");
        return changed;
    }

    private static async Task<AdministrativeUnit?> FindAsync(AdministrativeUnitService.AdministrativeUnitServiceClient units, string code, Gateway gateway,
        TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            return await units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = code }, gateway.AsEditorOf(Bodies.HomeAffairs, cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            await log.WriteLineAsync($"{code}: not in this platform's map; skipped (Home Affairs' seed holds the 63 provinces of 2020).");
            return null;
        }
    }

    private static async Task UpdateAsync(AdministrativeUnitService.AdministrativeUnitServiceClient units, AdministrativeUnit unit, IEnumerable<string> paths,
        Gateway gateway, CancellationToken cancellationToken)
    {
        try
        {
            await units.UpdateAdministrativeUnitAsync(new UpdateAdministrativeUnitRequest
            {
                AdministrativeUnit = unit, UpdateMask = new FieldMask { Paths = { paths } },
            }, gateway.AsEditorOf(Bodies.HomeAffairs, cancellationToken));
        }
        catch (RpcException e)
        {
            throw new SeedLoaderException($"Home Affairs refused the 2025 change of {unit.Code}: {e.StatusCode} {e.Status.Detail}", e);
        }
    }
}
