using System.Text.Json.Nodes;

namespace Platform.DeploymentTests.Support;

/// <summary>
/// A kustomize overlay as `kubectl kustomize` renders it (offline), with what the schema validation
/// (validate-manifests.mjs: npm kubernetes-models and the operators' CRD shapes) found wrong.
/// </summary>
public sealed class RenderedOverlay
{
    public static readonly string[] Names = ["dev", "prod"];

    private static readonly Dictionary<string, Lazy<Task<RenderedOverlay>>> Rendered =
        Names.ToDictionary(n => n, n => new Lazy<Task<RenderedOverlay>>(() => RenderAsync(n)));

    public static Task<RenderedOverlay> OfAsync(string overlay) => Rendered[overlay].Value;

    public string Name { get; }
    public IReadOnlyList<JsonObject> Objects { get; }
    public IReadOnlyList<string> Problems { get; }

    private RenderedOverlay(string name, JsonObject validated)
    {
        Name = name;
        Objects = [.. validated["objects"]!.AsArray().Select(o => o!.AsObject())];
        Problems = [.. validated["problems"]!.AsArray().Select(p => p!.ToString())];
    }

    private static async Task<RenderedOverlay> RenderAsync(string overlay)
    {
        var yaml = await Tool.RunAsync("kubectl", ["kustomize", $"k8s/overlays/{overlay}"]);
        var validated = await Tool.RunAsync("node", [Repository.ManifestValidator, "k8s"], yaml);
        return new RenderedOverlay(overlay, JsonNode.Parse(validated)!.AsObject());
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject? Find(string kind, string name) => OfKind(kind).SingleOrDefault(o => NameOf(o) == name);

    public JsonObject Get(string kind, string name) =>
        Find(kind, name) ?? throw new InvalidOperationException($"overlays/{Name} renders no {kind} {name}.");

    /// <summary>The workloads' pod templates (Deployments and Jobs) with their owner.</summary>
    public IEnumerable<PodTemplate> PodTemplates =>
        Objects.Where(o => (string?)o["kind"] is "Deployment" or "Job")
            .Select(o => new PodTemplate(o, o["spec"]!["template"]!.AsObject()));

    public PodTemplate Workload(string kind, string name) => new(Get(kind, name), Get(kind, name)["spec"]!["template"]!.AsObject());

    /// <summary>A ConfigMap by the name a pod refers to (generated ConfigMaps carry a hash suffix in both places).</summary>
    public IReadOnlyDictionary<string, string> ConfigMapData(string name) =>
        Get("ConfigMap", name)["data"]!.AsObject().ToDictionary(d => d.Key, d => d.Value!.ToString());

    /// <summary>The ConfigMap generated from a name in the kustomization ("platform-settings" -> "platform-settings-5h7…").</summary>
    public IReadOnlyDictionary<string, string> GeneratedConfigMap(string name) =>
        ConfigMapData(OfKind("ConfigMap").Select(NameOf).Single(n => n.StartsWith(name + "-", StringComparison.Ordinal) && n.Length == name.Length + 11));

    public static string NameOf(JsonObject o) => o["metadata"]!["name"]!.ToString();

    public static IReadOnlyDictionary<string, string> Labels(JsonObject? metadata) =>
        metadata?["labels"]?.AsObject().ToDictionary(l => l.Key, l => l.Value!.ToString()) ?? [];

    /// <summary>Whether a Kubernetes label selector (matchLabels, matchExpressions) selects these labels.</summary>
    public static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return false;
        }
        var matchLabels = selector["matchLabels"]?.AsObject() ?? (selector is JsonObject o && o["matchExpressions"] is null && o["matchLabels"] is null ? o : null);
        if (matchLabels is not null && matchLabels.Any(l => !labels.TryGetValue(l.Key, out var v) || v != l.Value!.ToString()))
        {
            return false;
        }
        foreach (var expression in selector["matchExpressions"]?.AsArray() ?? [])
        {
            var key = expression!["key"]!.ToString();
            var values = expression["values"]?.AsArray().Select(v => v!.ToString()).ToList() ?? [];
            var has = labels.TryGetValue(key, out var value);
            var matches = expression["operator"]!.ToString() switch
            {
                "In" => has && values.Contains(value!),
                "NotIn" => !has || !values.Contains(value!),
                "Exists" => has,
                "DoesNotExist" => !has,
                var unknown => throw new InvalidOperationException($"unknown selector operator {unknown}"),
            };
            if (!matches)
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>A workload's pod template.</summary>
public sealed record PodTemplate(JsonObject Owner, JsonObject Template)
{
    public string Kind => Owner["kind"]!.ToString();
    public string Name => RenderedOverlay.NameOf(Owner);
    public JsonObject Spec => Template["spec"]!.AsObject();
    public IReadOnlyDictionary<string, string> Labels => RenderedOverlay.Labels(Template["metadata"]?.AsObject());

    public IEnumerable<JsonObject> Containers => Spec["containers"]!.AsArray().Select(c => c!.AsObject());
    public IEnumerable<JsonObject> InitContainers => Spec["initContainers"]?.AsArray().Select(c => c!.AsObject()) ?? [];
    public IEnumerable<JsonObject> AllContainers => InitContainers.Concat(Containers);

    /// <summary>The platform process whose image this workload's main container runs, if any.</summary>
    public PlatformProcess? Process =>
        PlatformProcess.All.SingleOrDefault(p => Containers.First()["image"]!.ToString().Split(':')[0].EndsWith(p.Image, StringComparison.Ordinal));

    public override string ToString() => $"{Kind}/{Name}";
}
