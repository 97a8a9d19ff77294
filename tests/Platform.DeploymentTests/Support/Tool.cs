using System.Diagnostics;

namespace Platform.DeploymentTests.Support;

/// <summary>Runs a command-line tool of the deployment checks (kubectl, node, docker-compose) and returns what it printed.</summary>
public static class Tool
{
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var command = $"{fileName} {string.Join(' ', start.ArgumentList)}";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException($"{fileName} is not installed: run scripts/install.sh ({missing.Message})");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput);
                process.StandardInput.Close();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{command} did not finish in 60 s.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{command} exited with {process.ExitCode}:\n{await stderr}\n{await stdout}");
            }
            return await stdout;
        }
    }
}
