using System.Globalization;
using System.Text.RegularExpressions;
using Platform.DelegateAffairs.V1;
using Platform.Gateway.Screens.Elections;
using Platform.Gateway.Screens.Formatting;

namespace Platform.Gateway.Screens.Charts;

/// <summary>A criterion's target read from the words the report states it in: "≥ 35%", "≤ 10%", "5–10%".</summary>
public sealed partial record QuotaTarget(double? Min, double? Max)
{
    public static QuotaTarget? Parse(string target)
    {
        var numbers = Number().Matches(target)
            .Select(m => double.Parse(m.Value.Replace(',', '.'), CultureInfo.InvariantCulture)).ToList();
        return numbers.Count switch
        {
            0 => null,
            >= 2 => new QuotaTarget(Math.Min(numbers[0], numbers[1]), Math.Max(numbers[0], numbers[1])),
            _ when target.Contains('≤') || target.Contains("<=", StringComparison.Ordinal) => new QuotaTarget(null, numbers[0]),
            _ when target.Contains('≥') || target.Contains(">=", StringComparison.Ordinal) => new QuotaTarget(numbers[0], null),
            _ => new QuotaTarget(numbers[0], numbers[0]),
        };
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}

/// <summary>One criterion as a bar on a 0–100% scale <paramref name="Scale"/> pixels long: the actual share, the target's bounds.</summary>
public sealed record QuotaBar(QuotaLine Line, double Scale)
{
    public QuotaTarget? Target { get; } = QuotaTarget.Parse(Line.Target);
    public bool HasTarget => Target is not null;
    public double Width => Scale * Math.Clamp(Line.ActualPercent, 0, 100) / 100;
    public double? MinX => Target?.Min is { } min ? Scale * Math.Clamp(min, 0, 100) / 100 : null;
    public double? MaxX => Target?.Max is { } max ? Scale * Math.Clamp(max, 0, 100) / 100 : null;

    /// <summary>The bar's class in charts.css: met, unmet, or no-target; the words beside it say the same.</summary>
    public string Class => !HasTarget ? "no-target" : Line.Met ? "met" : "unmet";

    public string Verdict => !HasTarget ? "" : Line.Met ? "✓ đạt" : "✗ chưa đạt";

    public string Label => ElectionLabels.Criterion(Line.Criterion);

    public string Value => $"{VietnameseFormat.Percent(Line.ActualPercent)} ({VietnameseFormat.Count(Line.Count)})";
}

/// <summary>
/// The quota report's overall composition laid out for an SVG drawn on the server: a bar per criterion against its
/// target, a 0–100% scale; and the mini bars of the per-province table.
/// </summary>
public sealed record QuotaChart(double Width, double Height, double PlotLeft, double PlotWidth, IReadOnlyList<(QuotaBar Bar, double Top)> Rows)
{
    public const double RowHeight = 44;
    public const double BarHeight = 18;
    public const double AxisTop = 28;
    public const double MiniScale = 64;
    public static readonly int[] Ticks = [0, 25, 50, 75, 100];

    public double X(double percent) => PlotLeft + PlotWidth * percent / 100;

    public static QuotaChart Layout(IEnumerable<QuotaLine> lines)
    {
        const double plotLeft = 300, plotWidth = 480;
        var rows = lines.Select((line, i) => (new QuotaBar(line, plotWidth), AxisTop + 8 + i * RowHeight)).ToList();
        return new QuotaChart(960, AxisTop + 8 + rows.Count * RowHeight + 8, plotLeft, plotWidth, rows);
    }

    public static QuotaBar Mini(QuotaLine line) => new(line, MiniScale);
}

/// <summary>The candidates the report measures, beside those it leaves out: one stacked bar.</summary>
public sealed record VettingBreakdown(int Vetted, int Pending, int Ineligible)
{
    public const double Scale = 600;

    public static VettingBreakdown Of(QuotaReport report) =>
        new(Math.Max(0, report.CandidateCount - report.PendingCount), report.PendingCount, report.IneligibleCount);

    public int Total => Vetted + Pending + Ineligible;

    private double W(int count) => Total == 0 ? 0 : Scale * count / Total;

    public IReadOnlyList<(string Class, double X, double Width)> Segments =>
    [
        ("seg-counted", 0, W(Vetted)),
        ("seg-pending", W(Vetted), W(Pending)),
        ("seg-ineligible", W(Vetted) + W(Pending), W(Ineligible)),
    ];
}
