using Platform.Testing;

namespace Platform.DeploymentTests.Support;

public static class Repository
{
    public static string Root => RepositoryPaths.Root;

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>The script that turns YAML into JSON and validates Kubernetes objects (npm packages from `npm ci`).</summary>
    public static string ManifestValidator => PathOf("tests/Platform.DeploymentTests/validate-manifests.mjs");
}
