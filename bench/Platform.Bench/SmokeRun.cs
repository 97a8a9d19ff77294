using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// `smoke` (bench/run.sh --smoke, which ./test.sh runs): the scale, vetting, events and load benchmarks at their smoke
/// sizes, one after the other on one <see cref="LoadSuite"/> under .state/bench/smoke, started once with what each of
/// them needs (<see cref="LoadSuiteOptions.With"/>) instead of once per benchmark: starting the platform is most of a
/// smoke run's time. Each checks all it checks when run alone (every event applied by both copies, every vetting
/// answered by both bodies with the outcome the data predicts, no request failed, no message in an error queue: over
/// the whole shared run, so a message one of them lost fails the others' checks too), and the run fails if any of them
/// fails. Only the smoke run shares:
/// figures are measured, and published, on a platform of the benchmark's own. The gateway benchmark and the footprint
/// keep theirs (bench/run.sh runs them apart): they measure single processes started alone, and a service of theirs
/// would take the shared platform's messages off its queues.
/// </summary>
public static class SmokeRun
{
    public static async Task<int> RunAsync()
    {
        var state = Path.Combine(RepositoryPaths.Root, ".state", "bench", "smoke");
        var scale = ScaleOptions.Parse(["scale", "--cadres", "2000", "--officials", "1000", "--candidates", "500", "--samples", "5"]);
        var vetting = VettingBenchOptions.Parse(["vetting", "--candidates", "200", "--cadres", "2000", "--officials", "1000",
            "--report", Path.Combine(state, "vetting-report.md")]);
        var events = EventLatencyOptions.Parse(["events", "--smoke"]);
        var load = LoadOptions.Parse(["load", "--smoke"]);
        var population = VettingBenchmark.Population(vetting);

        await using var suite = new LoadSuite("smoke", VettingSuite.Options(population)
            .With(EventLatencyBenchmark.SuiteOptions(events))
            .With(LoadBenchmark.SuiteOptions(load)));
        if (!await suite.TryStartAsync())
        {
            return 1;
        }
        var failed = new List<string>();
        async Task Run(string name, Func<Task<int>> benchmark)
        {
            Console.Error.WriteLine($"== {name}");
            if (await benchmark() != 0)
            {
                failed.Add(name);
            }
        }
        // The scale benchmark needs only a PostgreSQL server: it makes databases of its own on the suite's.
        await Run("scale (tiny)", async () =>
        {
            try
            {
                await ScaleBenchmark.RunAsync(scale, suite.Server);
                return 0;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"scale benchmark failed: {e}");
                return 1;
            }
        });
        await Run("vetting (tiny)", () => VettingBenchmark.RunAsync(vetting, population, suite));
        await Run("events --smoke", () => EventLatencyBenchmark.RunAsync(events, suite));
        await Run("load --smoke", () => LoadBenchmark.RunAsync(load, suite));
        if (failed.Count > 0)
        {
            Console.Error.WriteLine($"smoke run failed: {string.Join(", ", failed)} (every process's log: {suite.Logs})");
            return 1;
        }
        return 0;
    }
}
