using System.Diagnostics;
using Platform.FaultRun;

// The fault-injection run: tests/fault/run.sh [--short] [--duration 15m] [--seed N] [--replicas N]. Exits 1 if anything
// was lost or applied twice, a call failed during the rolling restart (or the run itself failed), 0 otherwise.
var options = RunOptions.Parse(args);
var log = Console.Out;
log.WriteLine($"fault run: {(options.Short ? "short" : "long")}, at least {options.Duration.TotalMinutes:0.#} min of workload, seed {options.Seed}, {options.Replicas} replica(s)");
var clock = Stopwatch.StartNew();
var stats = new RunStats();
var random = new Random(options.Seed);
await using var platform = await FaultPlatform.StartAsync(log, options.Replicas);
try
{
    var workload = new Workload(platform, stats, options.Seed, log);
    await workload.PrepareAsync();
    var faults = new Faults(platform, stats, random, log);
    await faults.PrepareAsync();

    using var stop = new CancellationTokenSource();
    var work = workload.RunAsync(stop.Token);
    var until = DateTime.UtcNow + options.Duration;
    // Singles first, then combinations: the short run takes one combination, the long run all of them and goes round
    // again until its time is up.
    var round = 0;
    do
    {
        var combinations = faults.Combinations();
        foreach (var fault in faults.Singles().Concat(options.Short ? combinations.Take(1) : combinations))
        {
            await Task.Delay(TimeSpan.FromSeconds(2 + random.NextDouble() * 4)); // calm between faults, the workload runs on
            await fault();
        }
        round++;
    }
    while (!options.Short && DateTime.UtcNow < until);
    while (DateTime.UtcNow < until)
    {
        await Task.Delay(TimeSpan.FromSeconds(1)); // the rest of the workload's time, without faults
    }
    stop.Cancel();
    await work;
    log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} workload stopped after {round} round(s) of faults; letting the platform settle");

    // The operator's last look: anything a fault pushed into an error queue goes back; then wait for the invariants.
    await faults.RequeueAllAsync(TimeSpan.FromSeconds(60));
    var invariants = new Invariants(platform);
    Invariants.Result result = null!;
    var settleUntil = DateTime.UtcNow.AddSeconds(options.Short ? 90 : 180);
    while (true)
    {
        result = await invariants.CheckAsync();
        if (result.Holds || DateTime.UtcNow > settleUntil)
        {
            break;
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // the platform is still delivering: look again
        if (DateTime.UtcNow > settleUntil.AddSeconds(-60))
        {
            await faults.RequeueAllAsync(TimeSpan.FromSeconds(10));
        }
    }

    Report.Print(log, options, stats, result, platform.DuplicatesSuppressed, clock.Elapsed);
    var holds = result.Holds && stats.FailedDuringRollingRestart.Count == 0;
    if (!result.Holds)
    {
        // Where the missing messages might be: every queue's ready and unacknowledged messages and its consumers.
        log.WriteLine(await platform.Broker.CtlAsync("list_queues", "name", "messages_ready", "messages_unacknowledged", "consumers"));
        foreach (var (body, ops) in faults.Operators)
        {
            var listing = await ops.ListErrorMessagesAsync(new Platform.Operations.V1.ListErrorMessagesRequest());
            foreach (var queue in listing.Queues.Where(q => q.MessageCount > 0))
            {
                log.WriteLine($"{body} {queue.ErrorQueue_}: {queue.MessageCount}: {string.Join("; ", queue.Messages.Select(m => $"{m.MessageType} {m.ExceptionMessage}"))}");
            }
        }
        log.WriteLine(platform.Diagnostics());
    }
    return holds ? 0 : 1;
}
catch (Exception failure)
{
    log.WriteLine($"The fault run failed: {failure}");
    log.WriteLine(platform.Diagnostics());
    return 1;
}
