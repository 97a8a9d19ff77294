using System.Collections.Frozen;
using System.Reflection;
using Google.Protobuf.Reflection;
using Platform.Access.V1;
using Platform.Api.Versions;

namespace Platform.Api.Security;

/// <summary>
/// The access rule of every RPC, read once from the (platform.access.v1.rule) options in the contracts.
/// Keyed by the gRPC path, "/package.Service/Method"; the shared services' retired per-body names
/// (RetiredServiceNames) are keyed too, with the shared method and its rule, as the services answer them.
/// </summary>
public static class AccessRules
{
    private static readonly Lazy<FrozenDictionary<string, (MethodDescriptor Method, AccessRule? Rule)>> All = new(Load);

    /// <summary>Every RPC of the platform's APIs, with its rule (null where one is missing).</summary>
    public static IReadOnlyDictionary<string, (MethodDescriptor Method, AccessRule? Rule)> ByPath => All.Value;

    public static AccessRule? For(string path) => All.Value.TryGetValue(path, out var entry) ? entry.Rule : null;

    private static FrozenDictionary<string, (MethodDescriptor, AccessRule?)> Load()
    {
        var files = typeof(AccessReflection).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .Where(f => f.Package.StartsWith("platform.", StringComparison.Ordinal));
        var declared = files.SelectMany(f => f.Services).Select(s => (Name: s.FullName, Service: s));
        var retired = RetiredServiceNames.Shared.Select(r => (Name: r.Key, Service: r.Value));
        return declared.Concat(retired)
            .SelectMany(s => s.Service.Methods.Select(m => (Path: $"/{s.Name}/{m.Name}", Method: m)))
            .ToFrozenDictionary(
                e => e.Path,
                e => (e.Method, e.Method.GetOptions()?.GetExtension(AccessExtensions.Rule)));
    }
}
