using System.Globalization;

namespace Platform.Bench;

/// <summary>
/// The vetting benchmark's settings. <see cref="Sizes"/>: how many candidates each run vets, in increasing order,
/// each on a fresh election. <see cref="Parallel"/>: BatchCreateCandidates calls in flight at once.
/// <see cref="Wait"/>: how long a run may take before it is given up (null: 5 minutes + 20 ms per candidate, i.e. at least 50 a second).
/// <see cref="ReportPath"/>: where the figures are written (null: docs/benchmarks-vetting.md at national scale,
/// else .state/bench/vetting/report.md, so that a quick look never overwrites the published figures).
/// </summary>
public sealed record VettingBenchOptions(
    IReadOnlyList<int> Sizes, int Cadres, int Officials, int Parallel, int PerConstituency, TimeSpan? Wait, string? ReportPath)
{
    public const int NationalCadres = 5_000_000;
    public const int NationalOfficials = 2_500_000;

    public bool NationalScale => Cadres >= NationalCadres && Officials >= NationalOfficials;

    public static VettingBenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "vetting")
        {
            throw new ArgumentException("usage: vetting [--candidates N,N,...] [--cadres N] [--officials N] [--parallel N] [--wait-minutes N] [--report PATH]");
        }
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Value(string name, int fallback) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var sizes = (Text("--candidates") ?? "10000,100000,500000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Order().ToList();
        var options = new VettingBenchOptions(
            sizes, Value("--cadres", NationalCadres), Value("--officials", NationalOfficials), Value("--parallel", 4),
            Value("--per-constituency", 8),
            Text("--wait-minutes") is { } minutes ? TimeSpan.FromMinutes(double.Parse(minutes, CultureInfo.InvariantCulture)) : null,
            Text("--report"));
        if (sizes.Count == 0 || sizes[0] < 1 || options.Parallel < 1 || options.PerConstituency < 1 || options.Cadres < 0 || options.Officials < 0)
        {
            throw new ArgumentException("--candidates, --parallel and --per-constituency must be positive, --cadres and --officials not negative");
        }
        return options;
    }

    /// <summary>How long a run of <paramref name="candidates"/> may take, from its first call to its last answer.</summary>
    public TimeSpan WaitFor(int candidates) => Wait ?? TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(20.0 * candidates);
}
