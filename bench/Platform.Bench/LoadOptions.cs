using System.Globalization;

namespace Platform.Bench;

/// <summary>
/// The load test's settings: <see cref="Rate"/> requests a second through the gateway, held for <see cref="Duration"/>
/// after <see cref="WarmUp"/> not counted. <see cref="ReportPath"/>: null for docs/load.md in the full mode (a smoke
/// run writes nothing unless asked).
/// </summary>
public sealed record LoadOptions(int Rate, TimeSpan Duration, TimeSpan WarmUp, bool Smoke, string? ReportPath, string Arguments)
{
    public const string Usage = "load [--smoke] [--rate N] [--duration SECONDS] [--warm-up SECONDS] [--report PATH]";

    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "load")
        {
            throw new ArgumentException("usage: " + Usage);
        }
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        double Value(string name, double fallback) => Text(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var smoke = args.Contains("--smoke");
        var options = new LoadOptions(
            (int)Value("--rate", smoke ? 20 : 200),
            TimeSpan.FromSeconds(Value("--duration", smoke ? 5 : 300)),
            TimeSpan.FromSeconds(Value("--warm-up", smoke ? 1 : 20)),
            smoke, Text("--report"), string.Join(' ', args));
        if (options.Rate < 1 || options.Duration <= TimeSpan.Zero || options.WarmUp < TimeSpan.Zero)
        {
            throw new ArgumentException("--rate and --duration must be positive, --warm-up not negative");
        }
        return options;
    }

    public string Command() => "dotnet run -c Release --project bench/Platform.Bench -- " + Arguments;
}
