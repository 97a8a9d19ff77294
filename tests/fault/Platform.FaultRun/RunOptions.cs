using Platform.Ops;

namespace Platform.FaultRun;

public sealed record RunOptions(bool Short, TimeSpan Duration, int Seed, int Replicas)
{
    public static RunOptions Parse(string[] args)
    {
        var isShort = args.Contains("--short");
        TimeSpan? duration = null;
        var seed = Environment.TickCount & 0xFFFF;
        var replicas = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--short":
                    break;
                case "--duration" when i + 1 < args.Length:
                    duration = Ages.Parse(args[++i]);
                    break;
                case "--seed" when i + 1 < args.Length:
                    seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--replicas" when i + 1 < args.Length:
                    replicas = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    if (replicas < 1)
                    {
                        throw new ArgumentException("--replicas takes a number of at least 1.");
                    }
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}: tests/fault/run.sh [--short] [--duration 15m] [--seed N] [--replicas N]");
            }
        }
        return new RunOptions(isShort, duration ?? (isShort ? TimeSpan.FromSeconds(100) : TimeSpan.FromMinutes(15)), seed, replicas);
    }
}
