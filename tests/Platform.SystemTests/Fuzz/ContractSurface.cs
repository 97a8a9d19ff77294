using System.Reflection;
using Google.Api;
using Google.Protobuf.Reflection;
using Platform.Access.V1;

namespace Platform.SystemTests.Fuzz;

/// <summary>One RPC of the platform as the contracts declare it: its body, its access rule and its JSON route (if any).</summary>
public sealed record Rpc(MethodDescriptor Method, string Body, AccessRule Rule, HttpRule? Http)
{
    public string Path => $"/{Method.Service.FullName}/{Method.Name}";

    public bool Writes => Rule.Operation == Operation.Write;

    /// <summary>The role whose token gets past the declared rule (so that the request itself is what is judged).</summary>
    public string Role => Rule.Roles.Count == 0 || Rule.Roles.Contains(Access.V1.Role.Editor) ? "editor"
        : Rule.Roles[0] switch
        {
            Access.V1.Role.Reviewer => "reviewer",
            Access.V1.Role.Vetting => "vetting",
            _ => "viewer",
        };

    /// <summary>The HTTP verb and path template of the JSON route, e.g. ("PATCH", "/api/x/v1/units/{unit.code}").</summary>
    public (string Verb, string Template) Route => Http!.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("GET", Http.Get),
        HttpRule.PatternOneofCase.Post => ("POST", Http.Post),
        HttpRule.PatternOneofCase.Patch => ("PATCH", Http.Patch),
        HttpRule.PatternOneofCase.Put => ("PUT", Http.Put),
        HttpRule.PatternOneofCase.Delete => ("DELETE", Http.Delete),
        _ => throw new InvalidOperationException($"{Path}: unsupported HTTP rule {Http.PatternCase}"),
    };

    public override string ToString() => Path;
}

/// <summary>Every RPC of the three bodies' APIs, read from the file descriptors of Platform.Contracts (nothing listed by hand).</summary>
public static class ContractSurface
{
    private static readonly Dictionary<string, string> BodiesByPackage = new()
    {
        ["platform.organization.v1"] = "organization",
        ["platform.homeaffairs.v1"] = "home-affairs",
        ["platform.delegateaffairs.v1"] = "delegate-affairs",
    };

    public static readonly IReadOnlyList<Rpc> All = Load();

    private static List<Rpc> Load() =>
        typeof(AccessReflection).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .Where(f => BodiesByPackage.ContainsKey(f.Package))
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .Select(m => new Rpc(m, BodiesByPackage[m.File.Package],
                m.GetOptions()?.GetExtension(AccessExtensions.Rule)
                    ?? throw new InvalidOperationException($"{m.FullName} declares no access rule"),
                m.GetOptions()?.GetExtension(AnnotationsExtensions.Http)))
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
}
