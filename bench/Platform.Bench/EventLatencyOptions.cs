using System.Globalization;

namespace Platform.Bench;

/// <summary>
/// The event benchmark's settings. <see cref="Rates"/>: the steady rates (events a second) measured in turn, each for
/// <see cref="Seconds"/> after <see cref="WarmUpSeconds"/> not counted. <see cref="SustainedEvents"/>: how many events
/// the throughput run produces as fast as it can (0: not run). <see cref="PgbenchSeconds"/>: each pgbench run (0: not
/// run). <see cref="Settings"/>: extra environment for the services (`--set Messaging__Outbox__BatchSize=50`), to
/// compare relay or consumer settings. <see cref="ReportPath"/>: null for docs/benchmarks-events.md in the full mode.
/// </summary>
public sealed record EventLatencyOptions(
    string Mode, IReadOnlyList<int> Rates, double Seconds, double WarmUpSeconds, int SustainedEvents, double PgbenchSeconds,
    IReadOnlyDictionary<string, string> Settings, string? ReportPath, string Arguments)
{
    /// <summary>
    /// `--statements`: PostgreSQL counts every statement (pg_stat_statements), and the run prints, for the sustained
    /// stage, each service database's statements per event and their time: the profile of the path's SQL.
    /// </summary>
    public bool Statements => Arguments.Split(' ').Contains("--statements");

    public const string Usage =
        "events [--quick | --smoke] [--rates 100,500,2000] [--seconds N] [--sustained-events N] [--pgbench-seconds N] [--set KEY=VALUE]... [--report PATH] [--statements]";

    /// <summary>`--quick` (bench/run.sh, under a minute): prints only key=value lines on stdout.</summary>
    public bool Quick => Mode == "quick";

    public bool Smoke => Mode == "smoke";

    public static EventLatencyOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "events")
        {
            throw new ArgumentException("usage: " + Usage);
        }
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        double Value(string name, double fallback) => Text(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var mode = args.Contains("--smoke") ? "smoke" : args.Contains("--quick") ? "quick" : "full";
        var (rates, seconds, warmUp, sustained, pgbench) = mode switch
        {
            // A few seconds of events: proves the path and the measurement work (./test.sh's bench smoke).
            "smoke" => ("100", 2.0, 0.5, 0, 0.0),
            // bench/run.sh --quick: the goal's rate, briefly, and a short floor; the whole run within a minute.
            "quick" => ("500", 5.0, 1.0, 1000, 2.0),
            _ => ("100,500,2000", 20.0, 5.0, 20000, 10.0),
        };
        var settings = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--set")
            {
                var pair = args[i + 1].Split('=', 2);
                if (pair.Length != 2 || pair[0].Length == 0)
                {
                    throw new ArgumentException($"--set takes KEY=VALUE, not '{args[i + 1]}'");
                }
                settings[pair[0]] = pair[1];
            }
        }
        var options = new EventLatencyOptions(
            mode,
            (Text("--rates") ?? rates).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList(),
            Value("--seconds", seconds), Value("--warm-up-seconds", warmUp), (int)Value("--sustained-events", sustained),
            Value("--pgbench-seconds", pgbench), settings, Text("--report"), string.Join(' ', args));
        if (options.Rates.Count == 0 || options.Rates.Any(r => r < 1) || options.Seconds <= 0 || options.WarmUpSeconds < 0
            || options.SustainedEvents < 0 || options.PgbenchSeconds < 0)
        {
            throw new ArgumentException("--rates and --seconds must be positive, the others not negative");
        }
        return options;
    }

    public string Command() => "dotnet run -c Release --project bench/Platform.Bench -- " + Arguments;
}
