using System.Globalization;

namespace Platform.Screens.Charts;

/// <summary>Numbers written into SVG attributes: invariant culture (a decimal comma would break the drawing), one decimal.</summary>
public static class Svg
{
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A rough width of a label in the charts' 13px sans-serif, for placing and wrapping it before the browser measures.</summary>
    public static double TextWidth(string text, double fontSize = 13) => text.Length * fontSize * 0.54;

    /// <summary>Splits a label into lines of at most <paramref name="maxChars"/> characters at spaces (a longer word stays whole).</summary>
    public static IReadOnlyList<string> Wrap(string text, int maxChars)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : $"{line} {word}";
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }
}
