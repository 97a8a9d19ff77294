using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.DeploymentTests.Support;

/// <summary>docker-compose.yml as data (anchors and merge keys resolved by the npm yaml package).</summary>
public sealed partial class ComposeFile
{
    private static readonly Lazy<Task<ComposeFile>> Loaded = new(async () =>
        new ComposeFile(JsonNode.Parse(await Tool.RunAsync("node", [Repository.ManifestValidator, "yaml"], WithDefaults(Repository.Read("docker-compose.yml"))))!.AsObject()));

    /// <summary>The file as compose reads it with none of its variables set: `${NAME:-default}` is the default.</summary>
    private static string WithDefaults(string text) => VariableWithDefault().Replace(text, m => m.Groups["default"].Value);

    [GeneratedRegex(@"\$\{[A-Z_][A-Z0-9_]*:-(?<default>[^}]*)\}")]
    private static partial Regex VariableWithDefault();

    public static Task<ComposeFile> LoadAsync() => Loaded.Value;

    private ComposeFile(JsonObject document) => Services = document["services"]!.AsObject();

    public JsonObject Services { get; }

    public JsonObject Service(string name) =>
        Services[name]?.AsObject() ?? throw new InvalidOperationException($"docker-compose.yml has no service '{name}'.");

    public static IReadOnlyDictionary<string, string> Environment(JsonObject service) =>
        service["environment"]?.AsObject().ToDictionary(e => e.Key, e => e.Value!.ToString()) ?? [];

    /// <summary>The image a compose service runs, without its tag, and the Dockerfile it is built from.</summary>
    public static (string Image, string? Dockerfile) Image(JsonObject service) =>
        (service["image"]!.ToString().Split(':')[0], service["build"]?["dockerfile"]?.ToString());

    /// <summary>The build arguments a compose service's image is built with (`build: args:`).</summary>
    public static IReadOnlyDictionary<string, string> BuildArguments(JsonObject service) =>
        service["build"]?["args"]?.AsObject().ToDictionary(a => a.Key, a => a.Value!.ToString()) ?? [];

    public static IReadOnlyDictionary<string, string> DependsOn(JsonObject service) =>
        service["depends_on"]?.AsObject().ToDictionary(d => d.Key, d => d.Value!["condition"]!.ToString()) ?? [];

    /// <summary>The published ports as host port -> container port.</summary>
    public static IReadOnlyDictionary<int, int> Ports(JsonObject service) =>
        service["ports"]?.AsArray().Select(p => p!.ToString().Split(':')).ToDictionary(p => int.Parse(p[0]), p => int.Parse(p[1])) ?? [];

    public static IReadOnlyList<string> Command(JsonObject service) =>
        service["command"]?.AsArray().Select(c => c!.ToString()).ToList() ?? [];

    /// <summary>Which platform process a compose service runs (by its image), or null for PostgreSQL and RabbitMQ.</summary>
    public static PlatformProcess? ProcessOf(JsonObject service) =>
        PlatformProcess.All.SingleOrDefault(p => p.Image == Image(service).Image);
}
