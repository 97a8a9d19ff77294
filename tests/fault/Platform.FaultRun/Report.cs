namespace Platform.FaultRun;

/// <summary>The closing table; its rows are what docs/reliability.md keeps.</summary>
public static class Report
{
    public static void Print(TextWriter log, RunOptions options, RunStats stats, Invariants.Result result, long duplicates, TimeSpan elapsed)
    {
        log.WriteLine();
        log.WriteLine($"Fault run ({(options.Short ? "short" : "long")}, seed {options.Seed}, {elapsed.TotalMinutes:0.0} min)");
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
        foreach (var problem in result.Problems.Take(30))
        {
            log.WriteLine($"  ! {problem}");
        }
        log.WriteLine(result.Holds ? "Nothing lost, nothing applied twice." : "FAILED: something was lost, applied twice or left unsent.");
    }

    private static void Row(TextWriter log, string name, long value) => log.WriteLine($"| {name,-40} | {value,8} |");
}
