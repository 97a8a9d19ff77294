using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Platform.DeploymentTests.Support;

/// <summary>
/// The configuration a process reads, found in its source (its project and the projects it references) and its
/// appsettings files: the keys its code names ("Identity:Issuer"), the properties of its options classes under
/// their Section, the sections it reads whole (GetSection("ReverseProxy")), its connection strings; plus what
/// ASP.NET Core itself reads. An environment variable is read when its name, with "__" for ":", is one of them.
/// Generous where code is shared: a key named in a referenced project counts for every process that references it.
/// </summary>
public sealed partial class ConfigurationKeys
{
    /// <summary>Read by ASP.NET Core and .NET themselves, whatever the code says.</summary>
    private static readonly string[] FrameworkSections = ["Kestrel", "Logging", "AllowedHosts"];
    private static readonly string[] FrameworkVariables = ["ASPNETCORE_", "DOTNET_", "OTEL_"];

    private readonly HashSet<string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Regex> _patterns = [];

    private static readonly Dictionary<string, ConfigurationKeys> Cache = [];

    public static ConfigurationKeys Of(PlatformProcess process)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(process.Name, out var keys))
            {
                keys = new ConfigurationKeys($"{process.ProjectFolder}/{process.ProjectFile}");
                Cache[process.Name] = keys;
            }
            return keys;
        }
    }

    public ConfigurationKeys(string projectFile)
    {
        foreach (var section in FrameworkSections)
        {
            _sections.Add(section);
        }
        foreach (var project in ProjectsOf(projectFile))
        {
            var folder = Path.GetDirectoryName(Repository.PathOf(project))!;
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                         .Where(f => !IsGenerated(folder, f)))
            {
                ReadSource(File.ReadAllText(file));
            }
            foreach (var settings in Directory.EnumerateFiles(folder, "appsettings*.json"))
            {
                Flatten(JsonNode.Parse(File.ReadAllText(settings)), "");
            }
        }
    }

    /// <summary>Whether an environment variable of this name is read by the process.</summary>
    public bool Reads(string variable)
    {
        if (FrameworkVariables.Any(prefix => variable.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return true;
        }
        var key = variable.Replace("__", ":", StringComparison.Ordinal);
        if (_keys.Contains(key) || _patterns.Any(p => p.IsMatch(key)))
        {
            return true;
        }
        // A section read whole (an options object, a list, YARP's ReverseProxy) reads every key below it.
        for (var cut = key.LastIndexOf(':'); cut > 0; cut = key.LastIndexOf(':', cut - 1))
        {
            if (_sections.Contains(key[..cut]))
            {
                return true;
            }
        }
        return _sections.Contains(key);
    }

    /// <summary>The project and every project it references, transitively (repository-relative paths).</summary>
    public static IReadOnlyList<string> ProjectsOf(string projectFile)
    {
        var found = new List<string>();
        var pending = new Stack<string>([Normalize(projectFile)]);
        while (pending.Count > 0)
        {
            var project = pending.Pop();
            if (found.Contains(project))
            {
                continue;
            }
            found.Add(project);
            var folder = Path.GetDirectoryName(project)!;
            foreach (var reference in XDocument.Load(Repository.PathOf(project)).Descendants("ProjectReference"))
            {
                pending.Push(Normalize(Path.Combine(folder, reference.Attribute("Include")!.Value)));
            }
        }
        return found;
    }

    private static string Normalize(string path) =>
        Path.GetRelativePath(Repository.Root, Path.GetFullPath(Repository.PathOf(path.Replace('\\', '/'))));

    private static bool IsGenerated(string folder, string file)
    {
        var relative = Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar);
        return relative.Contains("bin") || relative.Contains("obj") || relative.Contains("Migrations");
    }

    private void ReadSource(string source)
    {
        foreach (Match literal in KeyLiteral().Matches(source))
        {
            var key = literal.Groups["key"].Value;
            if (key.Contains('{'))
            {
                // An interpolated key ($"ReverseProxy:Clusters:{body}:Destinations"): any one segment in the braces.
                var pattern = "^" + string.Join("[^:]+", Regex.Split(key, "\\{[^}]*\\}").Select(Regex.Escape)) + "$";
                _patterns.Add(new Regex(pattern, RegexOptions.IgnoreCase));
            }
            else
            {
                _keys.Add(key);
            }
        }
        foreach (Match section in SectionRead().Matches(source))
        {
            _sections.Add(section.Groups["key"].Value);
        }
        foreach (Match connection in ConnectionString().Matches(source))
        {
            _keys.Add("ConnectionStrings:" + connection.Groups["name"].Value);
        }
        // An options class: `const string Section = "X"` and its settable properties, read as X:Property.
        foreach (var type in source.Split(["class "], StringSplitOptions.None).Skip(1))
        {
            var section = SectionConstant().Match(type);
            if (!section.Success)
            {
                continue;
            }
            foreach (Match property in SettableProperty().Matches(type))
            {
                _keys.Add($"{section.Groups["key"].Value}:{property.Groups["name"].Value}");
            }
        }
    }

    private void Flatten(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, child) in json)
                {
                    Flatten(child, prefix.Length == 0 ? name : $"{prefix}:{name}");
                }
                break;
            case JsonArray array:
                _sections.Add(prefix);
                break;
            default:
                _keys.Add(prefix);
                break;
        }
    }

    /// <summary>"Identity:Issuer", "Messaging:QuorumQueues", $"ReverseProxy:Clusters:{body}:Destinations".</summary>
    [GeneratedRegex("\"(?<key>[A-Z][A-Za-z0-9]*(?::(?:[A-Za-z0-9-]+|\\{[^}\"]+\\}))+)\"")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex("GetSection\\(\\$?\"(?<key>[A-Za-z0-9:{}-]+)\"\\)")]
    private static partial Regex SectionRead();

    [GeneratedRegex("GetConnectionString\\(\"(?<name>[A-Za-z0-9]+)\"\\)")]
    private static partial Regex ConnectionString();

    [GeneratedRegex("const string Section = \"(?<key>[A-Za-z0-9:]+)\"")]
    private static partial Regex SectionConstant();

    [GeneratedRegex("public [A-Za-z0-9<>\\[\\]?,. ]+ (?<name>[A-Z][A-Za-z0-9]*) \\{ get; (set|init); \\}")]
    private static partial Regex SettableProperty();
}
