using System.Diagnostics;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>What a killed earlier run of a benchmark suite left: its processes (by the pids it wrote), PostgreSQL, RabbitMQ.</summary>
public static class BenchLeftovers
{
    public static async Task StopAsync(string pidFile, string postgresDir, string rabbitMqDir)
    {
        if (File.Exists(pidFile))
        {
            foreach (var line in await File.ReadAllLinesAsync(pidFile))
            {
                var parts = line.Split(' ', 2);
                if (parts.Length == 2 && int.TryParse(parts[0], out var pid) && ProcFs.IsRunning(pid, parts[1]))
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            File.Delete(pidFile);
        }
        await Script("postgres.sh", "stop", postgresDir);
        await Script("rabbitmq.sh", "stop", rabbitMqDir);
        if (Directory.Exists(rabbitMqDir))
        {
            Directory.Delete(rabbitMqDir, recursive: true); // a fresh broker: no queues or messages of an earlier run
        }
    }

    private static Task<string> Script(string script, params string[] arguments) =>
        Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, script), arguments, timeout: TimeSpan.FromMinutes(3));
}
