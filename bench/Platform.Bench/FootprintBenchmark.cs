using System.Diagnostics;
using System.Globalization;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// Footprint of each of the platform's processes: cold start to ready (from starting `dotnet X.dll` until its readiness
/// probe answers 200: /health/ready, which queries its database, for a service; /healthz for the gateway) and its
/// resident memory (VmRSS) once it has been idle a moment after that. One process at a time, against the same
/// PostgreSQL and RabbitMQ, several rounds; the disk cache is warm after the first (the executables and their
/// dependencies are read once), as it is on a server that restarts a process.
/// </summary>
public static class FootprintBenchmark
{
    public static readonly string[] Processes = ["organization", "home-affairs", "delegate-affairs", "gateway"];

    /// <summary>One process's cold start and idle memory in one round.</summary>
    public sealed record Sample(string Process, int Round, double StartSeconds, double IdleRssMiB);

    /// <summary>`footprint [--smoke] [--rounds N]`: prints footprint_&lt;process&gt;_start_s= and footprint_&lt;process&gt;_idle_rss_mib= lines.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var i = Array.IndexOf(args, "--rounds");
        var rounds = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : smoke ? 1 : 3;
        await using var platform = new BenchPlatform("footprint");
        try
        {
            await platform.StartAsync();
            var samples = await MeasureAsync(platform, rounds, smoke ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(3));
            foreach (var line in Lines(samples))
            {
                Console.WriteLine(line);
            }
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            Console.Error.WriteLine($"footprint benchmark failed: {e.Message}\n\n{platform.Diagnostics()}");
            return 1;
        }
    }

    public static IEnumerable<string> Lines(IReadOnlyList<Sample> samples)
    {
        double Median(string process, Func<Sample, double> value) => Spread.Of(samples.Where(s => s.Process == process).Select(value)).Median;
        var services = Processes.Where(p => p != "gateway").ToList();
        return Processes.SelectMany(p => new[]
        {
            $"footprint_{p.Replace('-', '_')}_start_s={Median(p, s => s.StartSeconds).ToString("F2", CultureInfo.InvariantCulture)}",
            $"footprint_{p.Replace('-', '_')}_idle_rss_mib={Median(p, s => s.IdleRssMiB).ToString("F0", CultureInfo.InvariantCulture)}",
        }).Concat(
        [
            // The goals speak of the worst service: each ≤ 120 MB idle and ≤ 1 s from start to ready.
            $"service_idle_rss_mb_max={services.Max(p => Median(p, s => s.IdleRssMiB)).ToString("F0", CultureInfo.InvariantCulture)}",
            $"service_start_s_max={services.Max(p => Median(p, s => s.StartSeconds)).ToString("F2", CultureInfo.InvariantCulture)}",
        ]);
    }

    /// <summary>
    /// Migrates the three services' databases (on the platform's PostgreSQL), then starts and stops each process
    /// <paramref name="rounds"/> times, one at a time. <paramref name="idle"/>: how long a ready process is left alone before its memory is read.
    /// </summary>
    public static async Task<IReadOnlyList<Sample>> MeasureAsync(BenchPlatform platform, int rounds, TimeSpan idle)
    {
        var services = new Dictionary<string, ServiceUnderBench>();
        foreach (var name in Processes.Where(p => p != "gateway"))
        {
            services[name] = await platform.PrepareServiceAsync(name);
        }
        var gateway = platform.NewGateway("footprint-gateway", services.ToDictionary(s => s.Key, s => s.Value.GrpcPort), out var gatewayHttp, out _);
        var samples = new List<Sample>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var name in Processes)
            {
                var (process, readyUrl) = name == "gateway"
                    ? (gateway, $"http://127.0.0.1:{gatewayHttp}/healthz")
                    : (services[name].Process, services[name].ReadyUrl);
                var watch = Stopwatch.StartNew();
                platform.Launch(process);
                await WaitUntilReadyAsync(process, readyUrl);
                var start = watch.Elapsed.TotalSeconds;
                await Task.Delay(idle); // a measurement interval, not a wait for something: the memory is read after it
                samples.Add(new Sample(name, round, start, ProcFs.RssMiB(process.Pid)));
                Console.Error.WriteLine($"footprint round {round}: {samples[^1]}");
                await platform.StopAsync(process);
            }
        }
        return samples;
    }

    /// <summary>Polls the probe every 10 ms (the 100 ms of Poll would round every start up by up to a tenth of a second).</summary>
    private static async Task WaitUntilReadyAsync(PlatformProcess process, string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited:\n{process.RecentOutput}");
            }
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (deadline.Elapsed > BenchPlatform.StartTimeout)
            {
                throw new TimeoutException($"{process.Name} was not ready within {BenchPlatform.StartTimeout}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }
}
