using Platform.Contracts.Routing;
using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Microsoft.Playwright;
using Platform.HomeAffairs.V1;
using Platform.SeedLoader;
using Platform.Testing;
using Xunit.Abstractions;
using UnitCopies = Platform.ReferenceData.V1.AdministrativeUnitCopyService;

namespace Platform.SystemTests;

/// <summary>
/// The 2025 map as the seed loader (run.sh's) records it at Home Affairs, through the gateway and the unit API: a
/// merged province closed with its successor, a code kept under a new name with its old one kept, the copies at the
/// two other bodies converged by events, and the units page showing the history. This fixture holds a partial map
/// (the provinces the tests use), so the loader changes those and says what it skips.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Map2025Tests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task The_loader_closes_merged_provinces_renames_kept_codes_once_and_the_copies_and_screens_follow()
    {
        await Provinces.EnsureAsync(platform);
        // Tây Ninh of 2020 (72), merged into the unit that keeps Long An's code (80) on 1/7/2025.
        var created = await platform.Gateway.PostAsJsonAsync("/api/home-affairs/v1/administrative-units",
            new { code = "72", name = "Tây Ninh", kind = "ADMINISTRATIVE_UNIT_KIND_PROVINCE" });
        Assert.True(created.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{created.StatusCode}");
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(platform.GatewayGrpc);
        var longAn = await units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = "80" });
        var options = SeedLoaderOptions.Parse(["--gateway-http", platform.GatewayUrl, "--gateway-grpc", platform.GatewaySettings["Kestrel__Endpoints__Grpc__Url"]]);

        var log = new StringWriter();
        var first = await Map2025Loader.RunAsync(options, log);
        var again = await Map2025Loader.RunAsync(options, log);
        output.WriteLine(log.ToString());

        Assert.True(first >= 4, $"{first} units changed"); // at least 46, 15, 80 renamed and 72 closed
        Assert.Equal(0, again);
        var tayNinh = await units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = "80" });
        Assert.Equal("Tây Ninh", tayNinh.Name);
        Assert.Equal([(longAn.Name, "2025-06-30")], tayNinh.FormerNames.Select(f => (f.Name, f.ValidTo)));
        var merged = await units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = "72" });
        Assert.Equal(("2025-06-30", "80"), (merged.ValidTo, merged.SuccessorCode));
        var hue = await units.GetAdministrativeUnitAsync(new GetAdministrativeUnitRequest { Code = "46" });
        Assert.Equal(("Huế", AdministrativeUnitKind.CentrallyRunCity, "2024-12-31"), (hue.Name, hue.Kind, hue.FormerNames.Single().ValidTo));

        // The copies follow by events alone.
        var organization = new UnitCopies.AdministrativeUnitCopyServiceClient(platform.GatewayGrpc.ForBody(BodyRouting.Organization));
        var delegateAffairs = new UnitCopies.AdministrativeUnitCopyServiceClient(platform.GatewayGrpc.ForBody(BodyRouting.DelegateAffairs));
        foreach (var (body, read) in new (string, Func<string, Task<(string Name, string ValidTo, string Successor, string Former)>>)[]
                 {
                     ("organization", async code => await organization.GetAdministrativeUnitAsync(new() { Code = code }) is var u ? (u.Name, u.ValidTo, u.SuccessorCode, string.Join(";", u.FormerNames.Select(f => f.Name))) : default),
                     ("delegate-affairs", async code => await delegateAffairs.GetAdministrativeUnitAsync(new() { Code = code }) is var u ? (u.Name, u.ValidTo, u.SuccessorCode, string.Join(";", u.FormerNames.Select(f => f.Name))) : default),
                 })
        {
            await Poll.UntilAsync(async () => await SafelyAsync(() => read("80")) == ("Tây Ninh", "", "", longAn.Name), $"80 renamed at {body}", PlatformFixture.Timeout);
            await Poll.UntilAsync(async () => await SafelyAsync(() => read("72")) is ("Tây Ninh", "2025-06-30", "80", ""), $"72 closed at {body}", PlatformFixture.Timeout);
        }

        // The units page shows the history.
        var page = await (await Browser.Browser.SharedAsync()).SignedInAsync(platform.GatewayUrl, "delegate-affairs-viewer");
        try
        {
            await page.GotoAsync("/units");
            await Assertions.Expect(page.Locator("[data-testid='unit-row'][data-code='80'] [data-testid='unit-former-names']"))
                .ToContainTextAsync($"tên trước đây: {longAn.Name} đến 30/06/2025");
            await Assertions.Expect(page.Locator("[data-testid='unit-row'][data-code='72'] [data-testid='unit-successor']")).ToHaveTextAsync("Tây Ninh (80)");
            await Browser.Browser.ScreenshotAsync(page, "units-2025");
        }
        catch
        {
            output.WriteLine(await page.ContentAsync());
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The copy as read, or default while it is not there yet.</summary>
    private static async Task<T?> SafelyAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.Unavailable)
        {
            return default;
        }
    }
}
