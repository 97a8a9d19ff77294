using System.Globalization;

namespace Platform.Bench;

/// <summary>
/// The gateway benchmark's settings. Three sizes: <c>--smoke</c> (seconds: does every variant answer, as ./test.sh
/// checks), <c>--quick</c> (about a minute: the six figures) and the full run (several minutes, JSON too).
/// <see cref="Rounds"/>: how many times the variants are interleaved (A B C D, A B C D, …).
/// <see cref="SaturationRequests"/>: requests of each as-fast-as-it-goes run. <see cref="Rate"/> for
/// <see cref="RateDuration"/>: the fixed moderate rate of the latency and CPU runs.
/// <see cref="ReportPath"/>: where the full report goes (run.sh passes docs/benchmarks.md); none for quick and smoke.
/// <see cref="EventsFile"/>: the events benchmark's output of the same run, quoted in the report.
/// <see cref="ProfileSeconds"/>: instead of measuring, load the gateway that long under dotnet-trace's CPU sampling.
/// <see cref="Baseline"/>: environment settings of a second gateway measured beside the first as "gateway-baseline"
/// (e.g. Gateway__Performance__CacheValidatedTokens=false), for a change's before/after in one interleaved run.
/// </summary>
public sealed record GatewayBenchOptions(
    string Mode, int Rounds, int SaturationRequests, int Connections, int Streams, int Rate, TimeSpan RateDuration, bool Json,
    string? ReportPath, string? EventsFile, int ProfileSeconds = 0, IReadOnlyDictionary<string, string>? Baseline = null)
{
    public const string Usage = "gateway [--quick | --smoke] [--rounds N] [--requests N] [--seconds N] [--report PATH] [--events FILE] [--profile SECONDS] [--baseline NAME=VALUE,...]";

    public static GatewayBenchOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var options = args.Contains("--smoke") ? new GatewayBenchOptions("smoke", 1, 500, 2, 8, 200, TimeSpan.FromSeconds(1), true, null, null)
            : args.Contains("--quick") ? new GatewayBenchOptions("quick", 2, 20_000, 8, 16, 2_000, TimeSpan.FromSeconds(3), false, null, null)
            : new GatewayBenchOptions("full", 5, 100_000, 8, 16, 2_000, TimeSpan.FromSeconds(10), true, null, null);
        if (Text("--rounds") is { } rounds)
        {
            options = options with { Rounds = int.Parse(rounds, CultureInfo.InvariantCulture) };
        }
        if (Text("--requests") is { } requests)
        {
            options = options with { SaturationRequests = int.Parse(requests, CultureInfo.InvariantCulture) };
        }
        if (Text("--seconds") is { } seconds)
        {
            options = options with { RateDuration = TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)) };
        }
        // As bench/run.sh was called: it passes its own extra arguments on to this subcommand, with --report and --events.
        var passed = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--report" or "--events")
            {
                i++;
            }
            else if (args[i] is not ("--quick" or "--smoke"))
            {
                passed.Add(args[i]);
            }
        }
        return options with
        {
            Command = string.Join(' ', ["bench/run.sh", .. options.Mode == "full" ? Array.Empty<string>() : [$"--{options.Mode}"], .. passed]),
            ReportPath = Text("--report"),
            EventsFile = Text("--events"),
            ProfileSeconds = Text("--profile") is { } profile ? int.Parse(profile, CultureInfo.InvariantCulture) : 0,
            Baseline = Text("--baseline")?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]),
        };
    }

    /// <summary>The command line of this run, for the report.</summary>
    public string Command { get; init; } = "";
}
