using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Testing;

/// <summary>
/// One of the platform's executables (a service or the gateway) run as a real child process, so that a
/// test can kill it with SIGKILL and start it again. Its output is kept for the failure message and, given a
/// <paramref name="logFile"/>, written there whole (the benchmarks keep every process's log).
/// </summary>
public sealed class PlatformProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, string? logFile = null) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Lock _logLock = new();
    private Process? _process;
    private StreamWriter? _log;

    public string Name => name;

    public string Dll => dll;

    /// <summary>The running process's id (0 before it starts): the benchmarks read its memory and CPU time in /proc.</summary>
    public int Pid => _process?.Id ?? 0;

    /// <summary>Peak resident memory (VmHWM) in MiB, 0 if the process is gone.</summary>
    public double PeakRssMiB => ProcFs.PeakRssMiB(Pid);

    /// <summary>CPU seconds (user + system) the process has used so far.</summary>
    public double CpuSeconds => ProcFs.CpuSeconds(Pid, withReapedChildren: false);

    /// <summary>The same executable with some settings changed (for its next start).</summary>
    public PlatformProcess With(params (string Key, string Value)[] settings)
    {
        var changed = environment.ToDictionary();
        foreach (var (key, value) in settings)
        {
            changed[key] = value;
        }
        return new PlatformProcess(name, dll, changed, logFile);
    }

    /// <summary>Every line of output as it comes (the fault run counts log lines with it).</summary>
    public event Action<string>? LineWritten;

    /// <summary>The process's last lines of output, for diagnosing a failed test.</summary>
    public string RecentOutput => string.Join('\n', _output.TakeLast(60));

    /// <summary>Runs a one-shot command (e.g. migrate, seed) to completion.</summary>
    public Task<string> RunCommandAsync(string command, TimeSpan? timeout = null) =>
        Shell.RunAsync("dotnet", [dll, command, "--contentRoot", Path.GetDirectoryName(dll)!], Environment(), timeout: timeout ?? TimeSpan.FromMinutes(5));

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in new[] { dll, "--contentRoot", Path.GetDirectoryName(dll)! })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in Environment())
        {
            start.Environment[key] = value;
        }
        if (logFile is not null)
        {
            _log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a machine or container dies.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// SIGTERM, as Kubernetes stops a pod: the process shuts down gracefully (completing what it is doing). Fails if
    /// it has not exited <paramref name="within"/>, or exited with an error.
    /// </summary>
    public async Task StopAsync(TimeSpan within)
    {
        if (_process is not { HasExited: false })
        {
            return;
        }
        await Shell.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{name} did not stop within {within.TotalSeconds:0} s of SIGTERM:\n{RecentOutput}");
        }
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} exited with {_process.ExitCode} after SIGTERM:\n{RecentOutput}");
        }
    }

    public bool HasExited => _process?.HasExited ?? true;

    private Dictionary<string, string?> Environment()
    {
        var variables = environment.ToDictionary(p => p.Key, p => (string?)p.Value);
        variables["DOTNET_NOLOGO"] = "1";
        return variables;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
        _output.Enqueue(line);
        LineWritten?.Invoke(line);
        while (_output.Count > 500 && _output.TryDequeue(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
    }
}
