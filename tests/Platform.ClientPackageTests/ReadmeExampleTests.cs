using Grpc.Core;
using Platform.SystemTests;
using Platform.Testing;
using HomeAffairsV1 = Platform.HomeAffairs.V1;

namespace Platform.ClientPackageTests;

/// <summary>
/// The README's section on internal apps, done as written by someone with nothing in their NuGet cache: its
/// nuget.config beside a copy of the packed feed, its shell commands, its Program.cs (only the gateway's addresses
/// changed, to the suite's), for each framework the package targets.
/// </summary>
[Collection(ClientPackageCollection.Name)]
public sealed class ReadmeExampleTests(PlatformFixture platform)
{
    private const string Section = "## Internal apps: the client package";

    [Theory]
    [InlineData("net10.0")]
    [InlineData("net8.0")] // built, not run: no .NET 8 runtime here (its support has ended); restore and compile are what an app on 8 needs of the package
    public async Task The_readme_s_app_restores_on_an_empty_package_cache_and_lists_units_through_the_gateway(string framework)
    {
        var (nugetConfig, commands, program) = ReadmeBlocks();
        var folder = Directory.CreateTempSubdirectory("platform-readme-app-").FullName;
        try
        {
            // What the README's reader has: the packed feed and the nuget.config beside it, nothing cached.
            CopyFolder(Path.Combine(RepositoryPaths.Root, ".state", "client-package", "feed"), Path.Combine(folder, "feed"));
            await File.WriteAllTextAsync(Path.Combine(folder, "nuget.config"), nugetConfig);
            var environment = new Dictionary<string, string?>
            {
                ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(folder, "empty-package-cache")).FullName,
                ["NUGET_HTTP_CACHE_PATH"] = Directory.CreateDirectory(Path.Combine(folder, "empty-http-cache")).FullName,
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            };
            const string code = "95", name = "Tỉnh Bạc Liêu";
            if (framework == "net10.0")
            {
                await CreateUnitAsync(code, name);
            }

            var directory = folder;
            string output = "";
            foreach (var command in commands)
            {
                var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
                if (words[0] == "cd")
                {
                    directory = Path.Combine(directory, words[1]);
                    continue;
                }
                if (words is ["dotnet", "run"])
                {
                    await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), program
                        .Replace("http://localhost:8080/", platform.GatewayUrl, StringComparison.Ordinal)
                        .Replace("http://localhost:8081", platform.GatewayGrpcUrl, StringComparison.Ordinal));
                    if (framework != "net10.0")
                    {
                        words[1] = "build";
                    }
                }
                output = await Shell.RunAsync(words[0], words.Skip(1), environment, directory, TimeSpan.FromMinutes(5));
                if (words is ["dotnet", "new", ..] && framework != "net10.0")
                {
                    // An app still on .NET 8, as the README's comment says (SDK 10's template offers net10.0 alone).
                    var created = Path.Combine(directory, words[^1], "MyApp.csproj");
                    File.WriteAllText(created, File.ReadAllText(created).Replace("<TargetFramework>net10.0</TargetFramework>",
                        $"<TargetFramework>{framework}</TargetFramework>", StringComparison.Ordinal));
                }
            }

            var project = File.ReadAllText(Path.Combine(directory, "MyApp.csproj"));
            Assert.Contains($"<TargetFramework>{framework}</TargetFramework>", project);
            Assert.Contains("Include=\"Platform.Contracts\"", project);
            // Everything was restored into the empty cache, the package from the feed, its dependencies from nuget.org.
            Assert.True(Directory.Exists(Path.Combine(environment["NUGET_PACKAGES"]!, "platform.contracts", "2.0.0")));
            Assert.True(Directory.Exists(Path.Combine(environment["NUGET_PACKAGES"]!, "grpc.net.client")));
            if (framework == "net10.0")
            {
                Assert.Contains($"{code} {name}", output.Split('\n').Select(line => line.Trim()));
            }
            else
            {
                Assert.True(File.Exists(Path.Combine(directory, "bin", "Debug", framework, "MyApp.dll")), output);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The section's nuget.config, its shell commands (comments dropped) and its Program.cs.</summary>
    private static (string NugetConfig, List<string> Commands, string Program) ReadmeBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section '{Section}'");
        var section = readme[start..readme.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal)];
        var commands = Block(section, "sh").Split('\n')
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.Length > 0)
            .ToList();
        Assert.Equal(["dotnet new console -o MyApp", "cd MyApp", "dotnet add package Platform.Contracts", "dotnet run"], commands);
        return (Block(section, "xml"), commands, Block(section, "csharp"));
    }

    private static string Block(string section, string language)
    {
        var open = section.IndexOf($"```{language}\n", StringComparison.Ordinal);
        Assert.True(open >= 0, $"the section has no {language} block");
        var body = open + language.Length + 4;
        return section[body..section.IndexOf("```", body, StringComparison.Ordinal)];
    }

    private async Task CreateUnitAsync(string code, string name)
    {
        using var editor = platform.GrpcChannelWith(await platform.TokenAsync("home-affairs-editor"));
        try
        {
            await new HomeAffairsV1.AdministrativeUnitService.AdministrativeUnitServiceClient(editor).CreateAdministrativeUnitAsync(
                new HomeAffairsV1.CreateAdministrativeUnitRequest
                {
                    AdministrativeUnit = new HomeAffairsV1.AdministrativeUnit { Code = code, Name = name, Kind = HomeAffairsV1.AdministrativeUnitKind.Province },
                });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // a rerun of the theory against the same suite
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Assert.True(Directory.Exists(from), $"{from} is missing: pack first, as test.sh does");
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
