using Platform.DelegateAffairs.V1;
using Platform.Screens.Elections;
using Platform.Screens.Formatting;

namespace Platform.Screens.Charts;

/// <summary>A target's bounds in percent, as the report gives them.</summary>
public sealed record QuotaTarget(double? Min, double? Max)
{
    public static QuotaTarget? Of(QuotaLine line) =>
        line.HasMinPercent || line.HasMaxPercent
            ? new QuotaTarget(line.HasMinPercent ? line.MinPercent : null, line.HasMaxPercent ? line.MaxPercent : null)
            : null;
}

/// <summary>
/// One criterion as a bar on a 0–100% scale <paramref name="Scale"/> pixels long: the list's share, and the target's
/// bounds where the target is a share of the list. A target on the deputies elected is not a share of the list, so
/// it draws no band: the words beside the bar say whether the list makes it reachable.
/// </summary>
public sealed record QuotaBar(QuotaLine Line, double Scale)
{
    public bool HasTarget => Line.Assessment is not (QuotaAssessment.NoTarget or QuotaAssessment.Unspecified);
    public bool OnElected => Line.Base == QuotaBase.ElectedDeputies;
    public QuotaTarget? Target { get; } = Line.Base == QuotaBase.ElectedDeputies ? null : QuotaTarget.Of(Line);
    public double Width => Scale * Math.Clamp(Line.ActualPercent, 0, 100) / 100;
    public double? MinX => Target?.Min is { } min ? Scale * Math.Clamp(min, 0, 100) / 100 : null;
    public double? MaxX => Target?.Max is { } max ? Scale * Math.Clamp(max, 0, 100) / 100 : null;

    /// <summary>The bar's class in charts.css: met, unmet, or no-target; the words beside it say the same.</summary>
    public string Class => !HasTarget ? "no-target" : Line.Met ? "met" : "unmet";

    public string Verdict => QuotaWords.Verdict(Line, withMark: true);

    public string Label => ElectionLabels.Criterion(Line.Criterion) + (OnElected ? " trúng cử" : "");

    public string TargetText => HasTarget ? $"chỉ tiêu {QuotaWords.ShortTarget(Line)}" : "không đặt chỉ tiêu";

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
        return new QuotaChart(1010, AxisTop + 8 + rows.Count * RowHeight + 8, plotLeft, plotWidth, rows);
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
