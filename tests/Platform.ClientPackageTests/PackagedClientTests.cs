using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Contracts.Routing;
using Platform.SystemTests;
using Platform.Testing;
using HomeAffairsV1 = Platform.HomeAffairs.V1;

namespace Platform.ClientPackageTests;

/// <summary>
/// What the README promises an internal app: one package reference, a token by client credentials, and
/// the generated clients calling the gateway's gRPC port.
/// </summary>
[Collection(ClientPackageCollection.Name)]
public sealed class PackagedClientTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_app_writes_at_home_affairs_and_reads_organization_s_copy_with_the_package_s_clients()
    {
        using var editor = platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-editor"));
        using var viewer = platform.GrpcChannelWith(await platform.TokenAsync("organization-viewer"));
        var homeAffairs = new HomeAffairsV1.AdministrativeUnitService.AdministrativeUnitServiceClient(editor);
        var organization = new Platform.ReferenceData.V1.AdministrativeUnitCopyService.AdministrativeUnitCopyServiceClient(viewer.ForBody(BodyRouting.Organization));

        var created = await homeAffairs.CreateAdministrativeUnitAsync(new HomeAffairsV1.CreateAdministrativeUnitRequest
        {
            AdministrativeUnit = new HomeAffairsV1.AdministrativeUnit
            {
                Code = "93", Name = "Tỉnh Hậu Giang", Kind = HomeAffairsV1.AdministrativeUnitKind.Province,
            },
        });
        Platform.ReferenceData.V1.AdministrativeUnit? copy = null;
        await Poll.UntilAsync(async () =>
        {
            try
            {
                copy = await organization.GetAdministrativeUnitAsync(new Platform.ReferenceData.V1.GetAdministrativeUnitRequest { Code = "93" });
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }, "Organization's copy of province 93", PlatformFixture.Timeout);

        Assert.Equal(1, created.Revision);
        Assert.Equal("Tỉnh Hậu Giang", copy!.Name);
        Assert.Equal(created.Revision, copy.Revision);
    }

    [Fact]
    public async Task The_readme_example_lists_units_with_a_token_by_client_credentials()
    {
        await new HomeAffairsV1.AdministrativeUnitService.AdministrativeUnitServiceClient(platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-editor")))
            .CreateAdministrativeUnitAsync(new HomeAffairsV1.CreateAdministrativeUnitRequest
            {
                AdministrativeUnit = new HomeAffairsV1.AdministrativeUnit { Code = "94", Name = "Tỉnh Sóc Trăng", Kind = HomeAffairsV1.AdministrativeUnitKind.Province },
            });
        var printed = new List<string>();

        // The README's example, line for line, but for the suite's addresses.
        using var http = new HttpClient();
        var token = (await (await http.PostAsync($"{platform.GatewayUrl}connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["grant_type"] = "client_credentials", ["client_id"] = "home-affairs-viewer", ["client_secret"] = "dev-secret" })))
            .Content.ReadFromJsonAsync<Dictionary<string, object>>())!["access_token"].ToString();
        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpcUrl);
        var units = new HomeAffairsV1.AdministrativeUnitService.AdministrativeUnitServiceClient(channel);
        var page = await units.ListAdministrativeUnitsAsync(new HomeAffairsV1.ListAdministrativeUnitsRequest { PageSize = 100 },
            new Metadata { { "Authorization", $"Bearer {token}" } });
        foreach (var unit in page.AdministrativeUnits) printed.Add($"{unit.Code} {unit.Name}");

        Assert.Contains("94 Tỉnh Sóc Trăng", printed);
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        using var anonymous = GrpcChannel.ForAddress(platform.GatewayGrpcUrl);
        var client = new HomeAffairsV1.AdministrativeUnitService.AdministrativeUnitServiceClient(anonymous);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListAdministrativeUnitsAsync(new HomeAffairsV1.ListAdministrativeUnitsRequest { PageSize = 10 }));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task A_shared_service_is_called_for_a_body_named_with_the_package_s_BodyRouting()
    {
        using var channel = platform.GrpcChannelWith(await platform.TokenAsync("delegate-affairs-viewer"));
        var planning = new Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient(channel.ForBody(BodyRouting.DelegateAffairs));

        var page = await planning.ListParticipationsAsync(new Platform.JointPlanning.V1.ListParticipationsRequest { PageSize = 10 });
        // Without the body the gateway cannot tell which service is meant, and says so.
        var unnamed = await Assert.ThrowsAsync<RpcException>(() => new Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient(channel)
            .ListParticipationsAsync(new Platform.JointPlanning.V1.ListParticipationsRequest()).ResponseAsync);

        Assert.All(page.Participations, p => Assert.Equal(BodyRouting.DelegateAffairs, p.Body));
        Assert.Equal(StatusCode.InvalidArgument, unnamed.StatusCode);
    }

    [Fact]
    public void The_contracts_came_from_the_package_with_their_proto_files()
    {
        // The build's own record of where each library came from: "package", not "project".
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Platform.ClientPackageTests.deps.json")));
        var contracts = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Single(library => library.Name.StartsWith("Platform.Contracts/", StringComparison.Ordinal));
        var packageFolder = Path.Combine(RepositoryPaths.Root, ".state", "client-package", "packages",
            contracts.Value.GetProperty("path").GetString()!);

        Assert.Equal("package", contracts.Value.GetProperty("type").GetString());
        Assert.True(File.Exists(Path.Combine(packageFolder, "protos", "platform", "homeaffairs", "v1", "administrative_units.proto")),
            $"no .proto files in {packageFolder}");
        Assert.True(File.Exists(Path.Combine(packageFolder, "lib", "net10.0", "Platform.Contracts.xml")), "no documentation in the package");
    }
}
