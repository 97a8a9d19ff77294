using System.Globalization;

namespace Platform.DeploymentTests.Support;

/// <summary>
/// A process of the platform as its deployments know it: its name (image, compose service, Kubernetes workload),
/// its project, its Dockerfile and the build arguments for it, and the README's name for it.
/// </summary>
public sealed record PlatformProcess(string Name, string ProjectFolder, string ProjectFile, string ReadmeName, string? Database)
{
    /// <summary>The three services share one Dockerfile; the others have one each, beside their project.</summary>
    public string Dockerfile => IsService ? "services/Dockerfile" : $"{ProjectFolder}/Dockerfile";

    /// <summary>What makes the Dockerfile build this process's image (deploy/images.sh and docker-compose.yml pass
    /// them): for a service, which one it is (its folder) and its README ports; nothing for the others.</summary>
    public IReadOnlyDictionary<string, string> BuildArguments => IsService
        ? new Dictionary<string, string>
        {
            ["SERVICE"] = Path.GetFileName(ProjectFolder),
            ["GRPC_PORT"] = ReadmePorts.Service(this).Grpc.ToString(CultureInfo.InvariantCulture),
            ["HTTP_PORT"] = ReadmePorts.Service(this).Http.ToString(CultureInfo.InvariantCulture),
        }
        : new Dictionary<string, string>();

    public string Image => $"joint-planning/{Name}";

    public bool IsService => Database is not null;

    public static readonly PlatformProcess Organization =
        new("organization", "services/Organization", "Platform.Organization.csproj", "Organization", "organization");

    public static readonly PlatformProcess HomeAffairs =
        new("home-affairs", "services/HomeAffairs", "Platform.HomeAffairs.csproj", "Home Affairs", "home_affairs");

    public static readonly PlatformProcess DelegateAffairs =
        new("delegate-affairs", "services/DelegateAffairs", "Platform.DelegateAffairs.csproj", "Delegate Affairs", "delegate_affairs");

    public static readonly PlatformProcess Gateway =
        new("gateway", "gateway/Platform.Gateway", "Platform.Gateway.csproj", "gateway", null);

    public static readonly PlatformProcess Screens =
        new("screens", "gateway/Platform.Screens", "Platform.Screens.csproj", "screens", null);

    public static readonly PlatformProcess SeedLoader =
        new("seed-loader", "tools/Platform.SeedLoader", "Platform.SeedLoader.csproj", "seed loader", null);

    public static IReadOnlyList<PlatformProcess> Services { get; } = [Organization, HomeAffairs, DelegateAffairs];

    /// <summary>The servers: the three services, the gateway and the screens behind it.</summary>
    public static IReadOnlyList<PlatformProcess> Servers { get; } = [Organization, HomeAffairs, DelegateAffairs, Gateway, Screens];

    /// <summary>Everything with an image: the servers and the seed loader.</summary>
    public static IReadOnlyList<PlatformProcess> All { get; } = [Organization, HomeAffairs, DelegateAffairs, Gateway, Screens, SeedLoader];

    public static PlatformProcess Named(string name) =>
        All.SingleOrDefault(p => p.Name == name) ?? throw new ArgumentException($"No platform process is named '{name}'.");

    public override string ToString() => Name;
}
