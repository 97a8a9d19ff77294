using System.Globalization;

namespace Platform.FunctionalTests.Observability;

/// <summary>Reads figures from a Prometheus text exposition (what /metrics answers).</summary>
public static class PrometheusText
{
    /// <summary>
    /// The sum of every sample of <paramref name="metric"/> (all its label sets) whose labels contain
    /// <paramref name="labelPart"/>; null when the metric has no sample.
    /// </summary>
    public static double? Sum(string exposition, string metric, string labelPart = "")
    {
        double? sum = null;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }
            var rest = line[metric.Length..];
            if (rest.Length == 0 || (rest[0] != ' ' && rest[0] != '{'))
            {
                continue; // another metric whose name starts with this one
            }
            var labels = rest[0] == '{' ? rest[..(rest.IndexOf('}') + 1)] : "";
            if (!labels.Contains(labelPart, StringComparison.Ordinal))
            {
                continue;
            }
            var value = rest[labels.Length..].Trim().Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
        }
        return sum;
    }
}
