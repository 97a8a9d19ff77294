using System.Globalization;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// Where the gateway spends its CPU under load: dotnet-trace (a local tool, .config/dotnet-tools.json) samples the
/// gateway process while h2load saturates it through its gRPC port, then `dotnet-trace report topN` lists the methods
/// by exclusive and inclusive time (written beside the trace under .state/bench/gateway/).
/// </summary>
public static class GatewayProfile
{
    public static async Task CollectAsync(PlatformProcess gateway, H2Load.Target target, TimeSpan duration, GatewayBenchOptions options, string state)
    {
        var trace = Path.Combine(state, "gateway.nettrace");
        File.Delete(trace);
        double cpuBefore = gateway.CpuSeconds;
        var collect = Shell.RunAsync("dotnet", ["tool", "run", "dotnet-trace", "--", "collect", "-p", gateway.Pid.ToString(CultureInfo.InvariantCulture),
            "--profile", "dotnet-sampled-thread-time,dotnet-common", "--duration", duration.Add(TimeSpan.FromSeconds(2)).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture), "-o", trace],
            timeout: duration + TimeSpan.FromMinutes(2));
        var load = await H2Load.SaturateForAsync(target, duration, options.Connections, options.Streams);
        await collect;
        var cpu = gateway.CpuSeconds - cpuBefore;
        Console.Error.WriteLine($"profiled {load.Requests:N0} requests at {load.RequestsPerSecond:F0}/s; gateway CPU {cpu * 1e6 / load.Requests:F0} µs/request (the tracing included)");
        foreach (var (name, extra) in new[] { ("exclusive", Array.Empty<string>()), ("inclusive", ["--inclusive"]) })
        {
            var report = await Shell.RunAsync("dotnet", ["tool", "run", "dotnet-trace", "--", "report", trace, "topN", "-n", "60", .. extra], timeout: TimeSpan.FromMinutes(5));
            var file = Path.Combine(state, $"gateway-profile-{name}.txt");
            await File.WriteAllTextAsync(file, report);
            Console.Error.WriteLine($"top methods by {name} time: {file}");
        }
    }
}
