using System.Globalization;
using System.Text;

namespace Platform.Bench;

/// <summary>The event benchmark's figures: key=value lines for bench/run.sh, a table on the console, docs/benchmarks-events.md.</summary>
public sealed class EventLatencyReport(
    EventLatencyOptions options, IReadOnlyList<string> setup, IReadOnlyList<EventStage> stages, EventStage? sustained,
    IReadOnlyList<(int Clients, double CommitsPerSecond)> floor, long waitingInQueues)
{
    /// <summary>The hand-written part of the document, kept when the figures are written again.</summary>
    public const string ChangesHeading = "## Changes measured with this benchmark";

    private const double GoalP50 = 3, GoalP99 = 20, GoalRatio = 0.5;
    private const int GoalRate = 500;

    private static readonly string[] CpuColumns = ["home-affairs", "organization", "delegate-affairs", "postgres", "rabbitmq", "bench", "machine"];

    /// <summary>The stage the goals speak of: 500 events a second, or the nearest rate measured.</summary>
    private EventStage? GoalStage => stages.OrderBy(s => Math.Abs((s.Rate ?? 0) - GoalRate)).FirstOrDefault();

    private double? FloorRate => floor.Count == 0 ? null : floor.Max(f => f.CommitsPerSecond);

    private double? Ratio => sustained is not null && FloorRate is { } rate ? sustained.DeliveredRate / rate : null;

    public void PrintKeyValues()
    {
        if (GoalStage is { } stage)
        {
            Print("event_latency_p50_ms", stage.Percentile(50), "F2");
            Print("event_latency_p99_ms", stage.Percentile(99), "F2");
            Print("event_latency_max_ms", stage.Max, "F2");
        }
        if (sustained is not null)
        {
            Print("event_sustained_rate_per_s", sustained.DeliveredRate, "F0");
            // What one event costs, whatever else the machine does (goals: each consumer ≤ 0.3 ms, PostgreSQL ≤ 0.5 ms).
            Print("event_consumer_cpu_ms_per_event_max", Consumers.Max(sustained.CpuMsPerEvent), "F2");
            Print("event_postgres_cpu_ms_per_event", sustained.CpuMsPerEvent("postgres"), "F2");
        }
        if (FloorRate is { } rate)
        {
            Print("pgbench_commits_per_s", rate, "F0");
        }
        if (Ratio is { } ratio)
        {
            Print("event_sustained_ratio_to_commit_rate", ratio, "F3");
        }
    }

    private static readonly string[] Consumers = ["organization", "delegate-affairs"];

    public void PrintTable()
    {
        foreach (var stage in stages.Append(sustained).OfType<EventStage>())
        {
            Console.WriteLine(stage.Summary);
        }
        foreach (var (clients, rate) in floor)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pgbench, {clients} client(s): {rate:N0} commits/s"));
        }
        if (Ratio is { } ratio)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sustained event rate / pgbench commit rate: {ratio:F2}"));
        }
    }

    public void Write(string path)
    {
        var kept = File.Exists(path) ? File.ReadAllText(path) : "";
        var changes = kept.IndexOf(ChangesHeading, StringComparison.Ordinal) is var at and >= 0 ? kept[at..] : null;

        var text = new StringBuilder();
        void Line(string line = "") => text.AppendLine(line);
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        Line("# Benchmark: event latency, from a commit in one service to its effect in another");
        Line();
        Line(F($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on this machine ({Machine()}), Release build:"));
        Line();
        Line($"    {options.Command()}");
        Line();
        Line("**Is the machine quiet?** The `machine` column of the CPU table counts everything that ran; the other columns are the " +
             "benchmark's own processes. Where `machine` is well above their sum, something else shared the two cores, and the " +
             "latencies are an upper bound of what the code does on a quiet machine.");
        Line();
        Line("## What is measured");
        Line();
        Line("The suite's real parts, started by the benchmark under `.state/bench/events/`: PostgreSQL 15 with fsync on " +
             "(scripts/postgres.sh, default settings plus `track_commit_timestamp = on`), a RabbitMQ node (scripts/rabbitmq.sh), and the " +
             "three services as Release processes in Production, each migrated by its `migrate` command. Home Affairs' 63 provinces are seeded and " +
             "replicated before the first event.");
        Line();
        Line("- **The event.** A change of an administrative unit at Home Affairs: the unit's row and its `AdministrativeUnitChanged` outbox " +
             "row committed in one transaction, exactly as `UpdateAdministrativeUnit` stores them (the new state made by the service's own " +
             "domain code, the body serialized as the outbox serializes it; the outbox trigger's NOTIFY wakes Home Affairs' relay at commit). " +
             "The benchmark writes it **directly to Home Affairs' database**, not through the API: at 2,000 events a second an API call " +
             "per event (token validation, EF, the audit row) would take much of the CPU the relay and the consumers need on two cores, " +
             "and the interval measured starts at the commit anyway. The 63 provinces are changed in turn.");
        Line("- **The path.** Home Affairs' outbox relay (woken by LISTEN/NOTIFY) publishes to RabbitMQ with publisher confirms; the " +
             "Organization's and Delegate Affairs' consumers each insert the inbox row, update their copy of the unit (and its audit " +
             "row) and commit, in one transaction.");
        Line("- **The latency** of a delivery (one event applied by one consumer) is the commit time of the effect's transaction minus the " +
             "commit time of the source's, both read back from PostgreSQL (`pg_xact_commit_timestamp`: of the source's transaction id, " +
             "and of the inbox row's `xmin`) — one server, one clock. \"To consumer\" is the consumer's `received_at` (taken when it " +
             "starts on the message) minus the source's commit.");
        Line("- **Steady rates** are produced open loop: each event starts at its scheduled time whether or not earlier ones are done " +
             "(a 1 ms timer; \"producer lag\" is how late the latest one started). Each rate runs " +
             F($"{options.Seconds:0.#} s after a warm-up of {options.WarmUpSeconds:0.#} s at {options.Rates[0]}/s that is not counted."));
        Line(F($"- **Sustained rate**: {options.SustainedEvents:N0} events produced as fast as 16 connections commit them; the rate is all events over the time from the first source commit to the last effect commit (so the path's throughput, draining included)."));
        Line("- **The floor**: pgbench on the same PostgreSQL (fsync on), each transaction one single-row insert — the cheapest durable " +
             "commit — with 1 client and with 16 (PostgreSQL then groups commits into one WAL flush). An event costs at least four " +
             "commits (the source, the relay's delete, two consumers), so the goal's half of the commit rate is ambitious.");
        Line();
        Line("## Figures");
        Line();
        Line("| rate | events | produced /s | delivered /s | p50 ms | p90 ms | p99 ms | max ms | to consumer p50 ms | outbox backlog (max) | producer lag ms |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in stages.Append(sustained).OfType<EventStage>())
        {
            Line(F($"| {s.Label} | {s.Events:N0} | {s.ProducedRate:N0} | {s.DeliveredRate:N0} | {s.Percentile(50):F2} | {s.Percentile(90):F2} | {s.Percentile(99):F2} | {s.Max:F1} | {s.ToConsumerPercentile(50):F2} | {s.MaxOutboxBacklog:N0} | {s.ProducerLag.TotalMilliseconds:F1} |"));
        }
        Line();
        Line("Per consumer (p50 / p99 ms):");
        Line();
        Line("| rate | organization | delegate-affairs |");
        Line("|---|---:|---:|");
        foreach (var s in stages.Append(sustained).OfType<EventStage>())
        {
            Line(F($"| {s.Label} | {s.ConsumerPercentile("organization", 50):F2} / {s.ConsumerPercentile("organization", 99):F2} | {s.ConsumerPercentile("delegate-affairs", 50):F2} / {s.ConsumerPercentile("delegate-affairs", 99):F2} |"));
        }
        Line();
        Line("CPU during each stage, % of one core (the machine has " + Environment.ProcessorCount + " cores, so 200 % is all of it):");
        Line();
        Line("| rate | " + string.Join(" | ", CpuColumns) + " |");
        Line("|---|" + string.Concat(CpuColumns.Select(_ => "---:|")));
        foreach (var s in stages.Append(sustained).OfType<EventStage>())
        {
            Line($"| {s.Label} | " + string.Join(" | ", CpuColumns.Select(c => F($"{s.CpuPercent.GetValueOrDefault(c):F0}"))) + " |");
        }
        Line();
        Line("CPU milliseconds per event (each process's CPU over the stage divided by its events; less sensitive to the other work on the machine than the latencies):");
        Line();
        Line("| rate | " + string.Join(" | ", CpuColumns.SkipLast(2)) + " | all of the suite |");
        Line("|---|" + string.Concat(CpuColumns.SkipLast(2).Select(_ => "---:|")) + "---:|");
        foreach (var s in stages.Append(sustained).OfType<EventStage>())
        {
            var suite = CpuColumns.SkipLast(2).ToList();
            Line($"| {s.Label} | " + string.Join(" | ", suite.Select(c => F($"{s.CpuMsPerEvent(c):F2}"))) + F($" | {suite.Sum(s.CpuMsPerEvent):F2} |"));
        }
        Line();
        foreach (var (clients, rate) in floor)
        {
            Line(F($"- pgbench, {clients} client{(clients == 1 ? "" : "s")}: **{rate:N0} commits/s** ({1000 / rate * clients:F2} ms a commit per client)"));
        }
        if (Ratio is { } ratio)
        {
            Line(F($"- Sustained event rate / pgbench commit rate: **{ratio:F2}** ({sustained!.DeliveredRate:N0} / {FloorRate:N0})"));
        }
        Line(F($"- Messages left in the broker's queues after the run: {waitingInQueues}; in error queues: 0."));
        Line();
        Line("## Goals");
        Line();
        if (GoalStage is { } goal)
        {
            Line(F($"- p50 ≤ {GoalP50} ms at {GoalRate} events/s: **{(goal.Percentile(50) <= GoalP50 ? "met" : "not met")}** ({goal.Percentile(50):F2} ms at {goal.Label})."));
            Line(F($"- p99 ≤ {GoalP99} ms at {GoalRate} events/s: **{(goal.Percentile(99) <= GoalP99 ? "met" : "not met")}** ({goal.Percentile(99):F2} ms)."));
        }
        if (Ratio is { } r)
        {
            Line(F($"- Sustained rate ≥ {GoalRatio} × the commit rate: **{(r >= GoalRatio ? "met" : "not met")}** ({r:F2})."));
        }
        Line();
        Line("Start-up of the run:");
        Line();
        foreach (var step in setup)
        {
            Line($"- {step}");
        }
        Line();
        Line(changes ?? ChangesHeading + "\n\n(none yet)\n");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString().TrimEnd() + "\n");
    }

    private static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var memoryGiB = long.Parse(memory["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / (1024.0 * 1024.0);
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {model}, {memoryGiB:F0} GiB memory, {Environment.OSVersion}");
    }

    private static void Print(string key, double value, string format) =>
        Console.WriteLine($"{key}={value.ToString(format, CultureInfo.InvariantCulture)}");
}
