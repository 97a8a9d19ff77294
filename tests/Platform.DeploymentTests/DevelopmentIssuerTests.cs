using System.Text.Json.Nodes;
using Platform.DeploymentTests.Support;

namespace Platform.DeploymentTests;

/// <summary>
/// The development token issuer is in no production build of the gateway: a Release build leaves it out unless asked
/// (Platform.Gateway.csproj, DevelopmentIssuer), the image does unless built with DEVELOPMENT_ISSUER=true, and only
/// docker-compose.yml's demo asks. (deploy/images.sh also looks into the built images.)
/// </summary>
public sealed class DevelopmentIssuerTests
{
    private const string Gateway = "gateway/Platform.Gateway/Platform.Gateway.csproj";
    private const string IssuerAssembly = "Platform.Gateway.DevelopmentIssuer.dll";

    [Theory]
    [InlineData(null, false)] // Release as Kubernetes' image is built: no issuer
    [InlineData("true", true)] // as run.sh, bench/run.sh and the demo image ask: the issuer (the check can tell)
    public async Task A_Release_build_of_the_gateway_contains_the_issuer_only_when_asked(string? developmentIssuer, bool contains)
    {
        // What MSBuild would copy into the output (bin/ and publish/ alike) beside the gateway's own assembly: every
        // package and project assembly, as resolved by a restore and build with exactly these properties. Evaluated
        // (restore, then reference resolution) rather than compiled: a few seconds instead of a minute. Its own
        // folders (artifacts path), so that the repository's obj/ keeps its own restore.
        var artifacts = Directory.CreateTempSubdirectory("issuer-check-");
        try
        {
            List<string> arguments =
            [
                "msbuild", Gateway, "-restore", "-nologo", "-v:q", "-nodeReuse:false", "-t:ResolveReferences",
                "-p:Configuration=Release", "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={artifacts.FullName}",
                "-p:BuildProjectReferences=false",
                "-getItem:ReferenceCopyLocalPaths", "-getItem:Compile", "-getProperty:DefineConstants",
            ];
            if (developmentIssuer is not null)
            {
                arguments.Add($"-p:DevelopmentIssuer={developmentIssuer}");
            }
            var result = JsonNode.Parse(await Tool.RunAsync("dotnet", arguments))!;
            var copied = result["Items"]!["ReferenceCopyLocalPaths"]!.AsArray()
                .Select(i => $"{i!["Filename"]}{i["Extension"]}").ToHashSet();
            var compiled = result["Items"]!["Compile"]!.AsArray().Select(i => i!["FullPath"]!.ToString()).ToList();

            Assert.Contains("Yarp.ReverseProxy.dll", copied); // the list is the output's
            Assert.Equal(contains, copied.Contains(IssuerAssembly));
            Assert.Equal(contains, copied.Contains("OpenIddict.Server.dll"));
            Assert.Equal(contains, copied.Contains("OpenIddict.Server.AspNetCore.dll"));
            Assert.Equal(contains, result["Properties"]!["DefineConstants"]!.ToString().Split(';').Contains("DEVELOPMENT_ISSUER"));
            // The issuer's code reaches the gateway only as its assembly, never compiled into the gateway's own.
            Assert.DoesNotContain(compiled, path => path.Contains("Platform.Gateway.DevelopmentIssuer", StringComparison.Ordinal));
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_gateway_image_has_the_issuer_only_when_built_with_DEVELOPMENT_ISSUER_true()
    {
        var dockerfile = new Dockerfile(PlatformProcess.Gateway.Dockerfile);
        var build = dockerfile.Instructions.TakeWhile(i => !(i.Keyword == "FROM" && i.Arguments.Contains("AS published"))).ToList();

        Assert.Contains(new Dockerfile.Instruction("ARG", "DEVELOPMENT_ISSUER=false"), build);
        // Restore and publish with the same value (the project refuses a build whose restore disagrees).
        var restore = Assert.Single(dockerfile.Arguments("RUN", build), a => a.StartsWith("dotnet restore", StringComparison.Ordinal));
        var publish = Assert.Single(dockerfile.Arguments("RUN", build), a => a.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("-p:DevelopmentIssuer=${DEVELOPMENT_ISSUER}", restore.Split(' '));
        Assert.Contains("-p:DevelopmentIssuer=${DEVELOPMENT_ISSUER}", publish.Split(' '));
    }

    [Fact]
    public async Task Only_the_demo_builds_its_gateway_with_the_issuer_and_tags_it_apart()
    {
        var gateway = (await ComposeFile.LoadAsync()).Service("gateway");

        // docker-compose.yml runs the gateway in Development as the issuer (ComposeTests): its image must have it...
        Assert.Equal("true", gateway["build"]!["args"]!["DEVELOPMENT_ISSUER"]!.ToString());
        // ...under a tag of its own, so that it is never taken for the gateway image a cluster runs.
        Assert.EndsWith("-development-issuer", gateway["image"]!.ToString(), StringComparison.Ordinal);
        foreach (var overlay in RenderedOverlay.Names)
        {
            var rendered = await RenderedOverlay.OfAsync(overlay);
            var images = rendered.Workload("Deployment", "gateway").AllContainers.Select(c => c["image"]!.ToString()).ToList();
            Assert.NotEmpty(images);
            Assert.All(images, image => Assert.DoesNotContain("development-issuer", image, StringComparison.Ordinal));
        }
    }
}
