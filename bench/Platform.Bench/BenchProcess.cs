using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// One of the platform's executables run as a child process for a benchmark, like the system tests'
/// <see cref="PlatformProcess"/>, but with its process id at hand (peak memory and CPU time are read from
/// /proc) and its whole output in a log file.
/// </summary>
public sealed class BenchProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, string logFile) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly Lock _logLock = new();
    private Process? _process;
    private StreamWriter? _log;
    private int _retries;

    public string Name => name;
    public string Dll => dll;
    public int Pid => _process?.Id ?? 0;
    public bool HasExited => _process?.HasExited ?? true;
    public string RecentOutput => string.Join('\n', _recent.TakeLast(40));

    /// <summary>How many times a consumer failed and MassTransit retried its message (its "R-RETRY" warnings) so far.</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>A one-shot command of the executable (migrate, seed), run to completion.</summary>
    public Task<string> RunCommandAsync(string command, TimeSpan timeout) =>
        Shell.RunAsync("dotnet", [dll, command, "--contentRoot", Path.GetDirectoryName(dll)!], Environment(), timeout: timeout);

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
        _log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Peak resident memory (VmHWM) in MiB, 0 if the process is gone.</summary>
    public double PeakRssMiB => ProcFs.PeakRssMiB(Pid);

    /// <summary>CPU seconds (user + system) the process has used so far.</summary>
    public double CpuSeconds => ProcFs.CpuSeconds(Pid, withReapedChildren: false);

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
        if (line.Contains("R-RETRY", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _retries);
        }
        _recent.Enqueue(line);
        while (_recent.Count > 200 && _recent.TryDequeue(out _))
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

/// <summary>What Linux says of a process: /proc/&lt;pid&gt;/status and /proc/&lt;pid&gt;/stat.</summary>
public static class ProcFs
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>Whether <paramref name="pid"/> still runs <paramref name="commandPart"/> (and is not a recycled pid).</summary>
    public static bool IsRunning(int pid, string commandPart)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(commandPart, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The pid in a server's pid file (PostgreSQL's postmaster.pid, RabbitMQ's rabbit.pid), 0 if there is none.</summary>
    public static int ReadPid(string file)
    {
        try
        {
            return int.TryParse(File.ReadLines(file).FirstOrDefault()?.Trim(), out var pid) ? pid : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    public static double PeakRssMiB(int pid) => StatusKiB(pid, "VmHWM:") / 1024.0;

    /// <summary>Resident memory now (VmRSS) in MiB, 0 if the process is gone.</summary>
    public static double RssMiB(int pid) => StatusKiB(pid, "VmRSS:") / 1024.0;

    /// <summary>User + system CPU seconds; with the children it has waited for when <paramref name="withReapedChildren"/>.</summary>
    public static double CpuSeconds(int pid, bool withReapedChildren)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return 0;
        }
        // After the ")" that ends the command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (withReapedChildren)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }
        return ticks / TicksPerSecond;
    }

    /// <summary>CPU seconds the whole machine has been busy (all processes, all cores), from /proc/stat.</summary>
    public static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal …
        var busy = new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return busy / TicksPerSecond;
    }

    /// <summary>CPU seconds of a server and its worker processes (PostgreSQL's postmaster and its backends, live or ended).</summary>
    public static double TreeCpuSeconds(int pid)
    {
        if (pid <= 0)
        {
            return 0;
        }
        var cpu = CpuSeconds(pid, withReapedChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child) || child == pid)
            {
                continue;
            }
            var fields = StatFields(child);
            if (fields is not null && fields[1] == pid.ToString(CultureInfo.InvariantCulture))
            {
                cpu += CpuSeconds(child, withReapedChildren: false);
            }
        }
        return cpu;
    }

    /// <summary>The fields of /proc/&lt;pid&gt;/stat after the command name: [0] state, [1] parent pid, … [11] utime.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long StatusKiB(int pid, string key)
    {
        if (pid <= 0)
        {
            return 0;
        }
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
