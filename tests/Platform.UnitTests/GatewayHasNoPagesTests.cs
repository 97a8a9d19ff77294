using Platform.Testing;

namespace Platform.UnitTests;

/// <summary>
/// The gateway is a gateway (issue 18): it proxies, authenticates and limits; the screens are an app of their own
/// behind it (gateway/Platform.Screens). A page added to the gateway's project would be served by nobody (it
/// registers no Razor Pages) and would bring the screens' concerns back into the edge.
/// </summary>
public sealed class GatewayHasNoPagesTests
{
    private static readonly string Gateway = Path.Combine(RepositoryPaths.Root, "gateway", "Platform.Gateway");

    [Fact]
    public void The_gateway_project_has_no_Razor_page()
    {
        var pages = Directory.EnumerateFiles(Gateway, "*.cshtml", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file))
            .ToList();

        Assert.True(pages.Count == 0, $"Razor pages belong in gateway/Platform.Screens, not in the gateway: {string.Join(", ", pages)}");
    }

    [Fact]
    public void The_gateway_registers_no_Razor_Pages()
    {
        var registrations = Directory.EnumerateFiles(Gateway, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .Where(file => File.ReadAllText(file) is var source && (source.Contains("AddRazorPages", StringComparison.Ordinal) || source.Contains("MapRazorPages", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file))
            .ToList();

        Assert.True(registrations.Count == 0, $"The gateway registers Razor Pages in: {string.Join(", ", registrations)}");
    }

    private static bool IsBuildOutput(string file)
    {
        var parts = Path.GetRelativePath(Gateway, file).Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }
}
