namespace Platform.Testing;

/// <summary>
/// Servers a test process started for itself live under .state/test-&lt;pid&gt;. The runner may end that
/// process before its exit handlers finish stopping them, so the next test process stops what a dead
/// one left behind.
/// </summary>
internal static class StaleServers
{
    private static readonly Lazy<bool> Swept = new(() =>
    {
        var state = Path.Combine(RepositoryPaths.Root, ".state");
        if (!Directory.Exists(state))
        {
            return true;
        }
        foreach (var dir in Directory.GetDirectories(state, "test-*"))
        {
            if (!int.TryParse(Path.GetFileName(dir)["test-".Length..], out var pid) || IsAlive(pid))
            {
                continue;
            }
            // Nodes and servers are named "<run>-rabbitmq" / "<run>-postgres" (PlatformLauncher), or plainly.
            foreach (var server in Directory.GetDirectories(dir))
            {
                var name = Path.GetFileName(server);
                if (name.EndsWith("rabbitmq", StringComparison.Ordinal))
                {
                    Stop("rabbitmq.sh", dir, name);
                }
                else if (name.EndsWith("postgres", StringComparison.Ordinal))
                {
                    Stop("postgres.sh", dir, name);
                }
            }
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another test process sweeping at the same moment, or a server still writing its last file:
                // what is left is swept next time.
            }
        }
        return true;
    });

    public static void SweepOnce() => _ = Swept.Value;

    /// <summary>The folder for this process's own servers.</summary>
    public static string DirectoryFor(string server)
    {
        SweepOnce();
        return Path.Combine(RepositoryPaths.Root, ".state", $"test-{Environment.ProcessId}", server);
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static void Stop(string script, string dir, string server)
    {
        if (Directory.Exists(Path.Combine(dir, server)))
        {
            Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, script), ["stop", Path.Combine(dir, server)]).GetAwaiter().GetResult();
        }
    }
}
