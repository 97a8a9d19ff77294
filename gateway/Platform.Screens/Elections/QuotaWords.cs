using Platform.DelegateAffairs.V1;
using Platform.Screens.Formatting;

namespace Platform.Screens.Elections;

/// <summary>
/// A quota line in words: its target on its own base (the candidate list, or the deputies elected with what the list
/// makes possible), and its verdict. The chart, the table and the province table say the same through these.
/// </summary>
public static class QuotaWords
{
    public static string Base(QuotaLine line) =>
        line.Base == QuotaBase.ElectedDeputies ? "đại biểu trúng cử" : "danh sách chính thức người ứng cử";

    /// <summary>E.g. "≥ 35% danh sách chính thức người ứng cử", "khoảng 10% đại biểu trúng cử (50 người)".</summary>
    public static string Target(QuotaLine line) => Target(line, Base(line));

    /// <summary>The same, short enough for the chart's labels: "≥ 35% danh sách", "khoảng 10% trúng cử (50 người)".</summary>
    public static string ShortTarget(QuotaLine line) => Target(line, line.Base == QuotaBase.ElectedDeputies ? "trúng cử" : "danh sách");

    private static string Target(QuotaLine line, string onBase)
    {
        if (line.Target.Length == 0)
        {
            return "không đặt chỉ tiêu";
        }
        var text = $"{line.Target} {onBase}";
        return (line.HasTargetMinDeputies, line.HasTargetMaxDeputies) switch
        {
            (true, true) when line.TargetMinDeputies == line.TargetMaxDeputies => $"{text} ({VietnameseFormat.Count(line.TargetMinDeputies)} người)",
            (true, true) => $"{text} ({VietnameseFormat.Count(line.TargetMinDeputies)}–{VietnameseFormat.Count(line.TargetMaxDeputies)} người)",
            (true, false) => $"{text} (ít nhất {VietnameseFormat.Count(line.TargetMinDeputies)} người)",
            (false, true) => $"{text} (nhiều nhất {VietnameseFormat.Count(line.TargetMaxDeputies)} người)",
            _ => text,
        };
    }

    /// <summary>
    /// "Đạt", "Chưa đạt", or for a target on the deputies elected, whether the list makes it reachable; with the mark,
    /// short enough for the chart ("✓ có thể đạt").
    /// </summary>
    public static string Verdict(QuotaLine line, bool withMark = false)
    {
        var (mark, words, brief) = line.Assessment switch
        {
            QuotaAssessment.Met => ("✓", "đạt", "đạt"),
            QuotaAssessment.NotMet => ("✗", "chưa đạt", "chưa đạt"),
            QuotaAssessment.Reachable => ("✓", "danh sách cho phép đạt", "có thể đạt"),
            QuotaAssessment.NotReachable => ("✗", "danh sách không cho phép đạt", "không thể đạt"),
            _ => ("", "", ""),
        };
        return words.Length == 0 ? "" : withMark ? $"{mark} {brief}" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>For a target on the deputies elected: how many the list can give, e.g. "danh sách cho phép 12–70 người".</summary>
    public static string Possible(QuotaLine line) =>
        line.Base != QuotaBase.ElectedDeputies
            ? ""
            : $"Tùy kết quả bầu cử, số trúng cử thuộc tiêu chí này từ {VietnameseFormat.Count(line.PossibleFewestDeputies)} đến {VietnameseFormat.Count(line.PossibleMostDeputies)} người.";
}
