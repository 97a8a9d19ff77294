namespace Platform.FaultRun;

/// <summary>The closing table; its rows are what docs/reliability.md keeps.</summary>
public static class Report
{
    public static void Print(TextWriter log, RunOptions options, RunStats stats, Invariants.Result result, long duplicates, TimeSpan elapsed)
    {
        log.WriteLine();
        log.WriteLine($"Fault run ({(options.Short ? "short" : "long")}, seed {options.Seed}, {options.Replicas} replica(s) of each service and gateway, {elapsed.TotalMinutes:0.0} min)");
        Row(log, "operations accepted", stats.AcceptedTotal);
        foreach (var (kind, count) in stats.AcceptedByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            Row(log, $"  {kind}", count);
        }
        Row(log, "operations refused during faults", stats.RefusedTotal);
        Row(log, "faults injected", stats.Faults.Count);
        Row(log, "events delivered", result.Delivered);
        Row(log, "duplicates suppressed", duplicates);
        Row(log, "re-queued by the operator", stats.Requeued);
        foreach (var (figure, count) in result.Figures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Row(log, figure, count);
        }
        Row(log, "outbox rows unsent", result.Unsent);
        Row(log, "applied twice", result.Twice);
        Row(log, "lost", result.Lost);
        Row(log, "requests failed during rolling restart", stats.FailedDuringRollingRestart.Count);
        foreach (var problem in result.Problems.Take(30))
        {
            log.WriteLine($"  ! {problem}");
        }
        foreach (var failure in stats.FailedDuringRollingRestart.Take(30))
        {
            log.WriteLine($"  ! during the rolling restart: {failure}");
        }
        log.WriteLine(!result.Holds ? "FAILED: something was lost, applied twice or left unsent."
            : stats.FailedDuringRollingRestart.Count > 0 ? "FAILED: calls failed during the rolling restart."
            : "Nothing lost, nothing applied twice, no call failed during the rolling restart.");
    }

    private static void Row(TextWriter log, string name, long value) => log.WriteLine($"| {name,-40} | {value,8} |");
}
