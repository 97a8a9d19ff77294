using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// docs/benchmarks.md, written by the full run of bench/run.sh: the machine, the command, the date, the goals of the
/// performance issue with this run's figures beside them, the gateway comparison, the events benchmark's lines of the
/// same run, the footprint, and what the national-scale and vetting benchmarks' own reports say. The analysis under
/// <see cref="AnalysisHeading"/> is written by hand and kept when the figures above it are replaced.
/// </summary>
public static class BenchmarksReport
{
    private const string AnalysisHeading = "## What the figures say";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteGateway(GatewayBenchOptions options, GatewayFigures figures, IReadOnlyList<FootprintBenchmark.Sample> footprint,
        string loadBefore, string loadAfter)
    {
        var events = ReadEvents(options.EventsFile);
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine(Invariant, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on this machine ({Machine()}), Release builds, with");
        text.AppendLine();
        text.AppendLine($"    {options.Command}");
        text.AppendLine();
        text.AppendLine(Invariant, $"Load average before / after the run: {loadBefore} / {loadAfter} (2 cores: an average well above 2 means other work shared the machine, which distorts the absolute figures more than the ratios taken within one round).");
        text.AppendLine();

        text.AppendLine("## The goals");
        text.AppendLine();
        text.AppendLine("| goal | this run | met |");
        text.AppendLine("|---|---|---|");
        var gatewayRatio = figures.ThroughputRatio("gateway").Median;
        var haproxyRatio = figures.ThroughputRatio("haproxy").Median;
        var gatewayP50 = figures.AddedP50("gateway").Median;
        var nginxP50 = figures.AddedP50("nginx").Median;
        var gatewayCpu = figures.CpuPerRequest("gateway").Median;
        var nginxCpu = figures.CpuPerRequest("nginx").Median;
        Goal(text, "gateway throughput ratio (vs direct, saturation) ≥ HAProxy's", $"{gatewayRatio:F2} vs {haproxyRatio:F2}", gatewayRatio >= haproxyRatio);
        Goal(text, $"gateway's added p50 at {options.Rate:N0} req/s ≤ nginx's", $"{gatewayP50:F3} ms vs {nginxP50:F3} ms", gatewayP50 <= nginxP50);
        Goal(text, $"gateway's CPU per request at {options.Rate:N0} req/s ≤ nginx's", $"{gatewayCpu:F0} µs vs {nginxCpu:F0} µs", gatewayCpu <= nginxCpu);
        EventGoals(text, events);
        var (vettingFigure, vettingMet) = VettingSummary();
        Goal(text, "bulk vetting: 500,000 candidates against 7.5 million records in ≤ 5 minutes with fsync on (≥ 1,700/s)", vettingFigure, vettingMet);
        var (readsFigure, readsMet) = ReadsSummary();
        text.AppendLine($"| reads at national scale: p99 ≤ 20 ms for a page of 50 | {readsFigure} | {readsMet}, see [benchmarks-scale.md](benchmarks-scale.md) |");
        foreach (var process in FootprintBenchmark.Processes)
        {
            var rss = Spread.Of(footprint.Where(s => s.Process == process).Select(s => s.IdleRssMiB)).Median * 1.048576;
            var start = Spread.Of(footprint.Where(s => s.Process == process).Select(s => s.StartSeconds)).Median;
            if (process == "gateway")
            {
                Goal(text, "gateway: idle RSS ≤ 80 MB", $"{rss:F0} MB", rss <= 80);
            }
            else
            {
                Goal(text, $"{process}: idle RSS ≤ 120 MB and cold start to ready ≤ 1 s", $"{rss:F0} MB, {start:F2} s", rss <= 120 && start <= 1);
            }
        }
        text.AppendLine();

        text.AppendLine("## 1. What the gateway costs");
        text.AppendLine();
        text.AppendLine("One unary gRPC call, Home Affairs' `GetAdministrativeUnit(\"01\")` (a row by key from PostgreSQL 15 with fsync on), " +
            "sent by h2load (Debian's nghttp2-client, one thread) as raw gRPC frames with a `home-affairs-viewer` bearer token to the same " +
            "Home Affairs process (Release, Production) four ways: **direct** to its h2c port; through **the gateway** (Release, Production: " +
            "token validation, the per-client rate limiter with its limit raised out of the way, authorization, request timeouts, YARP); " +
            "through **nginx** 1.22 (`grpc_pass`, upstream `keepalive` above the concurrency, `keepalive_requests` raised on both sides, " +
            "access log off, one worker per core); through **HAProxy** 2.6 (`proto h2` on both sides, `http-reuse always`, one thread per core). " +
            "The token is validated by the service in every case, and by the gateway too. Nothing is pinned to a core: load generator, " +
            "proxy, service and PostgreSQL share the two. Every run's answers are checked by size (h2load does not read grpc-status), " +
            "after a check of each way with a real gRPC client.");
        text.AppendLine();
        text.AppendLine(Invariant, $"Interleaved: in each of {options.Rounds} rounds every variant runs once, in the same order. **Saturation**: {options.SaturationRequests:N0} requests, {options.Connections} connections × {options.Streams} streams. **Latency and CPU**: {options.Rate:N0} requests a second for {options.RateDuration.TotalSeconds:F0} s (h2load `--rps` over 4 connections), the first 10 % not counted; the proxy's CPU (utime + stime from /proc, nginx's workers included) over all requests of that run. Added latency and ratios are taken against the direct call of the same round; the table gives the median over the rounds and, in brackets, the lowest and highest.");
        text.AppendLine();
        text.AppendLine("| way | throughput (req/s) | vs direct | p50 ms | p99 ms | added p50 ms | added p99 ms | proxy CPU µs/request | service CPU µs/request |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var variant in figures.Samples.Select(s => s.Variant).Distinct())
        {
            var direct = variant == "direct";
            text.AppendLine(Invariant, $"| {variant} | {figures.Over(variant, s => s.Throughput).Format("F0")} | " +
                $"{(direct ? "1" : figures.ThroughputRatio(variant).Format("F2"))} | {figures.Over(variant, s => s.P50).Format("F3")} | " +
                $"{figures.Over(variant, s => s.P99).Format("F3")} | {(direct ? "" : figures.AddedP50(variant).Format("F3"))} | " +
                $"{(direct ? "" : figures.AddedP99(variant).Format("F3"))} | {(direct ? "" : figures.CpuPerRequest(variant).Format("F0"))} | " +
                $"{figures.Over(variant, s => s.ServiceCpuUsPerRequest).Format("F0")} |");
        }
        text.AppendLine();
        if (figures.JsonSamples.Count > 0)
        {
            var json = new GatewayFigures(figures.JsonSamples, []);
            text.AppendLine(Invariant, $"**JSON**: `GET {"/api/home-affairs/v1/administrative-units/01"}` at saturation ({options.SaturationRequests / 2:N0} requests, {options.Connections * options.Streams} in flight): through the gateway's HTTP/1.1 port ({options.Connections * options.Streams} connections), and directly to the service's own JSON transcoding on its h2c port ({options.Connections} connections × {options.Streams} streams). The client protocols differ as the platform's do (browsers and screens speak HTTP/1.1 to the gateway; the gateway speaks h2c to the service).");
            text.AppendLine();
            text.AppendLine("| way | throughput (req/s) | vs direct | gateway CPU µs/request | service CPU µs/request |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            text.AppendLine(Invariant, $"| direct JSON (h2c) | {json.Over("direct JSON", s => s.Throughput).Format("F0")} | 1 | | {json.Over("direct JSON", s => s.ServiceCpuUsPerRequest).Format("F0")} |");
            text.AppendLine(Invariant, $"| gateway JSON (HTTP/1.1) | {json.Over("gateway JSON", s => s.Throughput).Format("F0")} | " +
                $"{json.Against("gateway JSON", s => s.Throughput, (v, d) => v / d, direct: "direct JSON").Format("F2")} | " +
                $"{json.CpuPerRequest("gateway JSON").Format("F0")} | {json.Over("gateway JSON", s => s.ServiceCpuUsPerRequest).Format("F0")} |");
            text.AppendLine();
        }

        text.AppendLine("## 2. Event latency (commit in one service → commit of its effect in another)");
        text.AppendLine();
        if (events.Count > 0)
        {
            text.AppendLine("The events benchmark (`dotnet bench/Platform.Bench/bin/Release/net10.0/Platform.Bench.dll events`), run by bench/run.sh in the same run, printed:");
            text.AppendLine();
            foreach (var (key, value) in events)
            {
                text.AppendLine(Invariant, $"    {key}={value}");
            }
        }
        else
        {
            text.AppendLine("Not measured in this run: the events benchmark (`Platform.Bench events`) printed no figures (see bench/run.sh's output).");
        }
        text.AppendLine();

        text.AppendLine("## 3. Bulk candidate vetting");
        text.AppendLine();
        text.AppendLine("Its own benchmark and report, not re-run by bench/run.sh (a national-scale run takes over an hour): " +
            $"[benchmarks-vetting.md](benchmarks-vetting.md). {vettingFigure}.");
        text.AppendLine();
        text.AppendLine("## 4. Reads at national scale");
        text.AppendLine();
        text.AppendLine("Its own benchmark and report, not re-run by bench/run.sh (loading 8 million rows takes minutes): " +
            $"[benchmarks-scale.md](benchmarks-scale.md). {readsFigure}.");
        text.AppendLine();

        text.AppendLine("## 5. Footprint");
        text.AppendLine();
        text.AppendLine("Each process started alone (`dotnet X.dll`, Release, Production) against the same PostgreSQL and RabbitMQ, " +
            "timed from the start until its readiness probe answers 200 (polled every 10 ms: a service's `/health/ready` queries its " +
            "database; the gateway's `/healthz`), then left idle 3 s and its resident memory (VmRSS) read; then stopped. Median over " +
            "the rounds (lowest–highest). Goals: ≤ 120 MB and ≤ 1 s per service, ≤ 80 MB for the gateway.");
        text.AppendLine();
        text.AppendLine("| process | cold start to ready | idle RSS |");
        text.AppendLine("|---|---:|---:|");
        foreach (var process in FootprintBenchmark.Processes)
        {
            var samples = footprint.Where(s => s.Process == process).ToList();
            text.AppendLine(Invariant, $"| {process} | {Spread.Of(samples.Select(s => s.StartSeconds)).Format("F2", " s")} | " +
                $"{Spread.Of(samples.Select(s => s.IdleRssMiB * 1.048576)).Format("F0", " MB")} |");
        }
        text.AppendLine();

        var path = options.ReportPath!;
        if (File.Exists(path) && File.ReadAllText(path) is var existing && existing.IndexOf(AnalysisHeading, StringComparison.Ordinal) is var at and >= 0)
        {
            text.Append(existing[at..]);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.ToString());
        Console.Error.WriteLine($"Written to {path}");
    }

    private static void Goal(StringBuilder text, string goal, string figure, bool met) => Goal(text, goal, figure, met ? "**yes**" : "**no**");

    private static void Goal(StringBuilder text, string goal, string figure, string met) => text.AppendLine($"| {goal} | {figure} | {met} |");

    /// <summary>The event path's goals, each from the events benchmark's lines of this run, or "not measured".</summary>
    private static void EventGoals(StringBuilder text, Dictionary<string, double> events)
    {
        void FromEvents(string goal, string[] keys, Func<double[], string> figure, Func<double[], bool> met)
        {
            if (keys.All(events.ContainsKey))
            {
                var values = keys.Select(k => events[k]).ToArray();
                Goal(text, goal, figure(values), met(values));
            }
            else
            {
                Goal(text, goal, "the events benchmark gave no figure for it in this run", "not measured");
            }
        }
        FromEvents("events at 500/s: p50 ≤ 3 ms and p99 ≤ 20 ms from source commit to effect commit", ["event_latency_p50_ms", "event_latency_p99_ms"],
            v => $"p50 {v[0]:F1} ms, p99 {v[1]:F1} ms", v => v[0] <= 3 && v[1] <= 20);
        FromEvents("events: sustained rate ≥ 0.5 × pgbench's 16-client commit rate", ["event_sustained_rate_per_s", "pgbench_commits_per_s", "event_sustained_ratio_to_commit_rate"],
            v => $"{v[0]:F0}/s against {v[1]:F0} commits/s: {v[2]:F3}", v => v[2] >= 0.5);
        FromEvents("events: CPU per event ≤ 0.3 ms in each consumer, ≤ 0.5 ms in PostgreSQL", ["event_consumer_cpu_ms_per_event_max", "event_postgres_cpu_ms_per_event"],
            v => $"consumer (the larger) {v[0]:F2} ms, PostgreSQL {v[1]:F2} ms", v => v[0] <= 0.3 && v[1] <= 0.5);
    }

    /// <summary>The key=value lines the events benchmark printed (bench/run.sh keeps them in a file).</summary>
    private static Dictionary<string, double> ReadEvents(string? file)
    {
        var values = new Dictionary<string, double>();
        if (file is null || !File.Exists(file))
        {
            return values;
        }
        foreach (var line in File.ReadLines(file))
        {
            var match = Regex.Match(line.Trim(), @"^([a-z0-9_]+)=(-?[\d.]+)$");
            if (match.Success)
            {
                values[match.Groups[1].Value] = double.Parse(match.Groups[2].Value, Invariant);
            }
        }
        return values;
    }

    /// <summary>Candidates vetted per second at each size, from the vetting benchmark's own report, and whether 500,000 took ≤ 5 min.</summary>
    private static (string Figure, string Met) VettingSummary()
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "benchmarks-vetting.md");
        var rows = File.Exists(path)
            ? File.ReadLines(path).Select(l => Regex.Match(l, @"^\| ([\d,]+) \|.*\| \*\*([\d.]+) s\*\* \| \*\*(\d+)\*\* \|")).Where(m => m.Success).ToList()
            : [];
        if (rows.Count == 0)
        {
            return ("no figures in benchmarks-vetting.md", "not measured");
        }
        var rates = string.Join(", ", rows.Select(m => $"{m.Groups[1].Value} at {m.Groups[3].Value}/s"));
        var national = rows.FirstOrDefault(m => m.Groups[1].Value == "500,000");
        if (national is null)
        {
            var best = rows.Max(m => int.Parse(m.Groups[3].Value, Invariant));
            return ($"vetted per second: {rates}; 500,000 not run; at the best of these rates it would take {500_000.0 / best / 60:F0} min", "**no**");
        }
        var seconds = double.Parse(national.Groups[2].Value, Invariant);
        return ($"vetted per second: {rates}; 500,000 in {seconds / 60:F1} min ([benchmarks-vetting.md](benchmarks-vetting.md))", seconds <= 300 ? "**yes**" : "**no**");
    }

    /// <summary>
    /// The national-scale queries' tail, from the scale benchmark's own report (p50, p95 and max of each query: the p99
    /// lies between the p95 and the max, so a max ≤ 20 ms shows the goal met, a p95 above it shows it missed).
    /// </summary>
    private static (string Figure, string Met) ReadsSummary()
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "benchmarks-scale.md");
        var rows = File.Exists(path)
            ? File.ReadLines(path).Select(l => Regex.Match(l, @"^\| ([^|]+) \| ([^|]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$")).Where(m => m.Success).ToList()
            : [];
        if (rows.Count == 0)
        {
            return ("no figures in benchmarks-scale.md", "not measured");
        }
        double P95(Match m) => double.Parse(m.Groups[4].Value, Invariant);
        double Max(Match m) => double.Parse(m.Groups[5].Value, Invariant);
        var over = rows.Where(m => Max(m) > 20).ToList();
        var figure = $"{rows.Count} list and search queries: the largest p95 {rows.Max(P95):F1} ms, every max ≤ 20 ms " +
            (over.Count == 0 ? "" : "except " + string.Join(", ", over.Select(m => $"{m.Groups[2].Value.Trim()} among {m.Groups[1].Value.Trim()} (p95 {P95(m):F1}, max {Max(m):F1} ms)")));
        var met = rows.Any(m => P95(m) > 20) ? "**no**" : over.Count == 0 ? "**yes**" : "**yes** for the others; not shown for those (p99 is not reported, only p95 and max)";
        return (figure, met);
    }

    private static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var memoryGiB = long.Parse(memory["MemTotal:".Length..].Trim().Split(' ')[0], Invariant) / (1024.0 * 1024.0);
        return string.Create(Invariant, $"{Environment.ProcessorCount} cores of {model}, {memoryGiB:F0} GiB memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }
}
