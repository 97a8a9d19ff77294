using System.Reflection;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Platform.Access.V1;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// The platform's .proto files as compiled into Platform.Contracts (the package internal apps use): what the
/// gateway describes in its OpenAPI document and offers through gRPC reflection. The gateway hosts none of
/// these services, so it reads the descriptors rather than its own endpoints.
/// </summary>
public static class PublishedContracts
{
    /// <summary>Every file of the platform's own packages (platform.*); what they import is reachable through their dependencies.</summary>
    public static IReadOnlyList<FileDescriptor> Files { get; } = typeof(AccessReflection).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
        .Where(p => p?.PropertyType == typeof(FileDescriptor))
        .Select(p => (FileDescriptor)p!.GetValue(null)!)
        .Where(f => f.Package.StartsWith("platform.", StringComparison.Ordinal))
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .ToList();

    public static IEnumerable<ServiceDescriptor> Services => Files.SelectMany(f => f.Services);
}
