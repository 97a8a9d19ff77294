using System.Diagnostics;
using System.Globalization;
using System.Text;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// The load test (issue 9, "Load"): all three services and the gateway as Release processes with the seed data,
/// a mixed load through the gateway held at a stated rate for minutes (<see cref="LoadGenerator"/>), and each
/// process's memory sampled through the run. Reports the error rate (0 is the goal: 429s are counted apart, and the
/// gateway's per-client limit is set above each client's share), latency percentiles, and memory growth from the
/// first third of the run to the last. Writes docs/load.md.
/// </summary>
public static class LoadBenchmark
{
    /// <summary>Memory may move by this much (of the first third's mean, or 10 MiB) and still count as stable.</summary>
    private const double StableGrowth = 0.05;

    public static async Task<int> RunAsync(LoadOptions options)
    {
        await using var suite = new LoadSuite(options.Smoke ? "load-smoke" : "load", SuiteOptions(options));
        return await suite.TryStartAsync() ? await RunAsync(options, suite) : 1;
    }

    /// <summary>
    /// What the load needs of the suite: every seed (the lists it reads), and the gateway with a per-client limit above
    /// each client's share.
    /// </summary>
    public static LoadSuiteOptions SuiteOptions(LoadOptions options) => new(
        SeedAll: true, WithGateway: true,
        Gateway: new Dictionary<string, string>
        {
            ["Gateway__RateLimit__PermitLimit"] = PermitLimit(options).ToString(CultureInfo.InvariantCulture),
            ["Gateway__RateLimit__Window"] = "00:01:00",
        });

    /// <summary>
    /// Half the load's requests a minute for each client: the busiest sends about a third (checked before the run), so
    /// the limiter has headroom and is not what the run measures.
    /// </summary>
    private static int PermitLimit(LoadOptions options) => (int)Math.Ceiling(options.Rate * 60 * 0.5);

    /// <summary>The load on a suite already started with (at least) <see cref="SuiteOptions"/>.</summary>
    public static async Task<int> RunAsync(LoadOptions options, LoadSuite suite)
    {
        var permitLimit = PermitLimit(options);
        try
        {
            await using var generator = await LoadGenerator.CreateAsync(suite);
            var share = generator.LargestClientShare;
            if (share * options.Rate * 60 > permitLimit)
            {
                throw new InvalidOperationException($"a client's share ({share:P0}) exceeds the configured limit of {permitLimit} a minute");
            }
            if (options.WarmUp > TimeSpan.Zero)
            {
                Log($"warm-up: {options.Rate} requests/s for {options.WarmUp.TotalSeconds:0} s (not counted)…");
                var warm = await generator.RunAsync(options.Rate, options.WarmUp);
                Log($"warm-up: {warm.Requests:N0} requests, {warm.Failures()} failed, {warm.Limited()} limited");
            }

            Log($"load: {options.Rate} requests/s for {options.Duration.TotalSeconds:0} s…");
            var processes = suite.Processes();
            var samples = new List<(TimeSpan At, Dictionary<string, double> MiB)>();
            var cpuBefore = processes.ToDictionary(p => p.Name, p => Cpu(p));
            var machineBefore = ProcFs.MachineBusySeconds();
            using var stopSampling = new CancellationTokenSource();
            var interval = TimeSpan.FromSeconds(Math.Clamp(options.Duration.TotalSeconds / 60, 0.5, 10));
            var clock = Stopwatch.StartNew();
            var sampler = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(interval);
                try
                {
                    do
                    {
                        samples.Add((clock.Elapsed, processes.ToDictionary(p => p.Name, p => ProcessMemory.MiB(p.Name, p.Pid))));
                    }
                    while (await timer.WaitForNextTickAsync(stopSampling.Token));
                }
                catch (OperationCanceledException)
                {
                    // the run is over
                }
            });
            var result = await generator.RunAsync(options.Rate, options.Duration);
            await stopSampling.CancelAsync();
            await sampler;
            var cpu = processes.ToDictionary(p => p.Name, p => 100 * (Cpu(p) - cpuBefore[p.Name]) / result.Elapsed.TotalSeconds);
            cpu["machine"] = 100 * (ProcFs.MachineBusySeconds() - machineBefore) / result.Elapsed.TotalSeconds;
            var (_, failedMessages, failedQueues) = await suite.QueuesAsync();

            var report = Report(options, suite.Setup, result, samples, cpu, permitLimit, share, failedMessages);
            Console.WriteLine(report.Summary);
            var path = options.ReportPath ?? (options.Smoke ? null : Path.Combine(RepositoryPaths.Root, "docs", "load.md"));
            if (path is not null)
            {
                await File.WriteAllTextAsync(path, report.Markdown);
                Log($"written: {path}");
            }
            foreach (var failure in result.FirstFailures)
            {
                Log("failure: " + failure);
            }
            if (failedMessages > 0)
            {
                Log($"failure: messages in error queues: {failedQueues}");
            }
            return result.Failures() == 0 && failedMessages == 0 ? 0 : 1;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"load test failed: {e}");
            Console.Error.WriteLine(suite.Diagnostics());
            return 1;
        }
    }

    private static double Cpu((string Name, int Pid) process) => process.Name is "postgres" or "rabbitmq"
        ? ProcFs.TreeCpuSeconds(process.Pid)
        : ProcFs.CpuSeconds(process.Pid, withReapedChildren: false);

    private static (string Summary, string Markdown) Report(
        LoadOptions options, IReadOnlyList<string> setup, LoadResult result, List<(TimeSpan At, Dictionary<string, double> MiB)> samples,
        Dictionary<string, double> cpu, int permitLimit, double share, long failedMessages)
    {
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        void Line(string line = "") => text.AppendLine(line);
        var all = result.Latencies();
        var errorRate = result.Requests == 0 ? 0 : (double)result.Failures() / result.Requests;

        Line("# Load test: a mixed load through the gateway, held for minutes");
        Line();
        Line(F($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on this machine ({Environment.ProcessorCount} cores), Release build:"));
        Line();
        Line($"    {options.Command()}");
        Line();
        Line("**Is the machine quiet?** Compare the `machine` CPU figure with the suite's own: where it is well above, something " +
             "else shared the two cores and the latencies are those of a busy machine.");
        Line();
        Line("## What runs");
        Line();
        Line("Started by the test under `.state/bench/load/`: PostgreSQL 15 with fsync on, a RabbitMQ node, the three services and the " +
             "gateway as Release processes (the services in Production, the gateway in Development so that it issues the clients' tokens), each service migrated by its " +
             "`migrate` command and seeded by its `seed` command (the 63 provinces, the Party committees and congresses, the 2021 " +
             "election with its 868 candidates).");
        Line();
        Line(F($"The load: **{options.Rate} requests a second** for **{options.Duration.TotalSeconds:0} s** after a warm-up of {options.WarmUp.TotalSeconds:0} s (not counted), open loop (each request starts at its time whatever the others do; latency is counted from that time), in this mix:"));
        Line();
        Line("| request | kind | client | share |");
        Line("|---|---|---|---:|");
        var weights = result.Operations.Sum(o => o.Weight);
        foreach (var o in result.Operations)
        {
            Line(F($"| {o.Name} | {o.Kind} | `{o.Client}` | {100.0 * o.Weight / weights:F0} % |"));
        }
        Line();
        Line(F($"JSON goes to the gateway's HTTP/1.1 port, gRPC to its h2c port. The gateway's per-client rate limit is set for the run to `Gateway__RateLimit__PermitLimit={permitLimit}` a minute (`Gateway__RateLimit__Window=00:01:00`): the busiest client sends {100 * share:F0} % of the load, {share * options.Rate * 60:N0} a minute, so a 429 would be a fault of the limiter, not a deliberate one."));
        Line();
        Line("## Results");
        Line();
        Line(F($"- Requests: **{result.Requests:N0}** in {result.Elapsed.TotalSeconds:F0} s ({result.Requests / result.Elapsed.TotalSeconds:F0}/s)."));
        Line(F($"- Errors: **{result.Failures()}** (error rate {errorRate:P2}); 429s: {result.Limited()}; messages in error queues after the run: {failedMessages}."));
        Line(F($"- Latency of all requests: p50 **{LoadResult.Percentile(all, 50):F1} ms**, p90 {LoadResult.Percentile(all, 90):F1} ms, p99 **{LoadResult.Percentile(all, 99):F1} ms**, max {(all.Count == 0 ? 0 : all[^1]):F0} ms."));
        Line();
        Line("| request | ok | errors | 429 | p50 ms | p90 ms | p99 ms | max ms |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var o in result.Operations)
        {
            var l = result.Latencies(o);
            Line(F($"| {o.Name} | {l.Count:N0} | {result.Failures(o)} | {result.Limited(o)} | {LoadResult.Percentile(l, 50):F1} | {LoadResult.Percentile(l, 90):F1} | {LoadResult.Percentile(l, 99):F1} | {(l.Count == 0 ? 0 : l[^1]):F0} |"));
        }
        foreach (var failure in result.FirstFailures)
        {
            Line($"- failure: {failure}");
        }
        Line();
        Line(F($"Memory, sampled {samples.Count} times through the run (.NET processes and RabbitMQ: resident set; PostgreSQL: proportional set size of the postmaster and all its backends, so shared buffers count once). Stable means the last third's mean within {StableGrowth:P0} (or 10 MiB) of the first third's:"));
        Line();
        Line("| process | first third MiB | last third MiB | growth | max MiB | stable | CPU % of a core |");
        Line("|---|---:|---:|---:|---:|---|---:|");
        var unstable = new List<string>();
        foreach (var name in samples.FirstOrDefault().MiB?.Keys ?? Enumerable.Empty<string>())
        {
            var values = samples.Select(s => s.MiB[name]).ToList();
            var third = Math.Max(1, values.Count / 3);
            double first = values.Take(third).Average(), last = values.TakeLast(third).Average();
            var growth = last - first;
            var stable = growth <= Math.Max(10, StableGrowth * first);
            if (!stable)
            {
                unstable.Add(name);
            }
            Line(F($"| {name} | {first:F0} | {last:F0} | {growth:+0.0;-0.0} MiB ({(first == 0 ? 0 : growth / first):+0.0%;-0.0%}) | {values.Max():F0} | {(stable ? "yes" : "**no**")} | {cpu.GetValueOrDefault(name):F0} |"));
        }
        Line(F($"| machine (all work on it) | | | | | | {cpu.GetValueOrDefault("machine"):F0} |"));
        Line();
        Line("## Verdict");
        Line();
        Line(F($"- Error rate 0 (429s apart): **{(result.Failures() == 0 ? "met" : "not met")}** ({result.Failures()} errors)."));
        Line(F($"- Memory stable across the run: **{(unstable.Count == 0 ? "met" : "not met: " + string.Join(", ", unstable))}**."));
        Line(F($"- Latency: p50 {LoadResult.Percentile(all, 50):F1} ms, p99 {LoadResult.Percentile(all, 99):F1} ms through the gateway at {options.Rate}/s (no goal is set for it; see docs/benchmarks.md for the gateway's own cost)."));
        Line();
        Line("Start-up of the run:");
        Line();
        foreach (var step in setup)
        {
            Line($"- {step}");
        }

        var summary = F($"load: {result.Requests:N0} requests at {options.Rate}/s, {result.Failures()} errors, {result.Limited()} rate-limited, p50 {LoadResult.Percentile(all, 50):F1} ms, p99 {LoadResult.Percentile(all, 99):F1} ms; memory {(unstable.Count == 0 ? "stable" : "grew: " + string.Join(", ", unstable))}");
        return (summary, text.ToString());
    }

    private static void Log(string line) => Console.Error.WriteLine(line);
}

/// <summary>Memory of a process of the suite, from /proc.</summary>
public static class ProcessMemory
{
    /// <summary>PostgreSQL: the proportional set size of the postmaster and its backends (shared memory counted once); others: VmRSS.</summary>
    public static double MiB(string name, int pid)
    {
        if (pid <= 0)
        {
            return 0;
        }
        if (name != "postgres")
        {
            return Field($"/proc/{pid}/status", "VmRSS:") / 1024.0;
        }
        var kib = Field($"/proc/{pid}/smaps_rollup", "Pss:");
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var child) && child != pid && ParentOf(child) == pid)
            {
                kib += Field($"/proc/{child}/smaps_rollup", "Pss:");
            }
        }
        return kib / 1024.0;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }

    private static long Field(string file, string key)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
