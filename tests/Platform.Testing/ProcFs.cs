using System.Globalization;

namespace Platform.Testing;

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
