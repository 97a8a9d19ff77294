using Platform.DelegateAffairs.V1;
using Platform.Screens.Formatting;

namespace Platform.Screens.Charts;

/// <summary>One milestone drawn on the time axis: a mark at its date and its label beside it, on a row of its own.</summary>
public sealed record TimelineChartRow(
    TimelineMilestone Milestone, DateOnly Date, double X, double Y, double Top, double Bottom,
    IReadOnlyList<string> Lines, bool LabelOnLeft, bool Past, bool IsElectionDay);

/// <summary>A month on the axis; its label is anchored inwards at the chart's edges so that it is never cut off.</summary>
public sealed record TimelineTick(double X, string Label, string Anchor);

/// <summary>Today on the axis; clamped to an edge, with an arrow in its label, when the timeline lies wholly before or after it.</summary>
public sealed record TimelineToday(DateOnly Date, double X, string Label, string Anchor);

/// <summary>
/// The legal timeline of an election laid out for an SVG drawn on the server: milestones on a time axis (one row
/// each, so that long Vietnamese titles never overlap), month ticks, the elapsed part of the axis shaded, today marked.
/// Pure: the timeline and today in, coordinates out.
/// </summary>
public sealed record TimelineChart(
    double Width, double Height, double PlotLeft, double PlotRight, double PlotTop, double PlotBottom,
    IReadOnlyList<TimelineChartRow> Rows, IReadOnlyList<TimelineTick> Ticks, TimelineToday Today,
    double? ElectionDayX, TimelineChartRow? Next)
{
    public const double ChartWidth = 960;
    private const double Margin = 16;
    private const double LineHeight = 16;
    private const double RowPadding = 8;
    private const double AxisTop = 50;
    private const double LabelGap = 10;

    /// <summary>Elapsed time, from the start of the axis to today (zero wide when the timeline is all to come).</summary>
    public double PastWidth => Math.Max(0, Today.X - PlotLeft);

    public int PastCount => Rows.Count(r => r.Past);

    public static TimelineChart Layout(ElectionTimeline timeline, DateOnly today)
    {
        var dated = timeline.Milestones
            .Select(m => (Milestone: m, Date: VietnameseFormat.ParseDate(m.Date)))
            .Where(m => m.Date is not null)
            .Select(m => (m.Milestone, Date: m.Date!.Value))
            .OrderBy(m => m.Date).ThenBy(m => m.Milestone.OffsetDays)
            .ToList();
        double left = Margin, right = ChartWidth - Margin;
        if (dated.Count == 0)
        {
            var empty = new TimelineToday(today, left, $"Hôm nay {VietnameseFormat.Date(today)}", "start");
            return new TimelineChart(ChartWidth, AxisTop + 40, left, right, AxisTop, AxisTop + 10, [], [], empty, null, null);
        }

        // A few days of air either side so that the first and last marks are not on the frame.
        var start = dated[0].Date.AddDays(-3);
        var end = dated[^1].Date.AddDays(3);
        var days = Math.Max(1, end.DayNumber - start.DayNumber);
        double X(DateOnly date) => left + (right - left) * (date.DayNumber - start.DayNumber) / days;

        var rows = new List<TimelineChartRow>();
        var y = AxisTop + RowPadding;
        foreach (var (milestone, date) in dated)
        {
            var x = X(date);
            // The label goes to the side with more room, wrapped to fit it.
            var onLeft = x - left > right - x;
            var room = (onLeft ? x - left : right - x) - LabelGap;
            var text = $"{VietnameseFormat.Date(date)} · {milestone.Title}{(milestone.Inferred ? " (suy ra)" : "")}";
            var maxChars = Math.Max(16, (int)(room / Svg.TextWidth("x")));
            var lines = Svg.Wrap(text, maxChars);
            var height = lines.Count * LineHeight + RowPadding;
            var top = y;
            var centre = top + height / 2;
            rows.Add(new TimelineChartRow(milestone, date, x, centre, top, top + height, lines, onLeft,
                Past: date < today, IsElectionDay: milestone.OffsetDays == 0));
            y += height;
        }
        var bottom = y + RowPadding;

        var ticks = new List<TimelineTick>();
        var pixelsPerMonth = (right - left) * 30.4 / days;
        var step = Math.Max(1, (int)Math.Ceiling(90 / pixelsPerMonth)); // a label needs about 90 px
        var month = new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        for (var i = 0; month <= end; month = month.AddMonths(1), i++)
        {
            if (i % step == 0)
            {
                var label = $"Tháng {month.Month}/{month.Year}";
                var (x, half) = (X(month), Svg.TextWidth(label, 12) / 2);
                ticks.Add(new TimelineTick(x, label, x - half < 0 ? "start" : x + half > ChartWidth ? "end" : "middle"));
            }
        }

        var todayLabel = $"Hôm nay {VietnameseFormat.Date(today)}";
        var todayMark = today < start
            ? new TimelineToday(today, left, $"◀ {todayLabel} (trước mốc đầu tiên)", "start")
            : today > end
                ? new TimelineToday(today, right, $"{todayLabel} (sau mốc cuối cùng) ▶", "end")
                : new TimelineToday(today, X(today), todayLabel, X(today) < left + 80 ? "start" : X(today) > right - 80 ? "end" : "middle");

        var electionDay = rows.FirstOrDefault(r => r.IsElectionDay);
        return new TimelineChart(ChartWidth, bottom + 30, left, right, AxisTop, bottom, rows, ticks, todayMark,
            electionDay?.X, rows.FirstOrDefault(r => r.Date >= today));
    }
}
