using System.Globalization;

namespace Platform.Ops;

/// <summary>Ages as operators type and read them: "7d", "12h", "30m", "45s".</summary>
public static class Ages
{
    public static TimeSpan Parse(string text)
    {
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            switch (text[^1])
            {
                case 'd': return TimeSpan.FromDays(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 's': return TimeSpan.FromSeconds(amount);
            }
        }
        throw new OpsException($"'{text}' is not an age: a number followed by d, h, m or s (e.g. 7d)");
    }

    public static string Format(TimeSpan age) => age switch
    {
        { TotalDays: >= 1 } => $"{age.TotalDays:0.#}d",
        { TotalHours: >= 1 } => $"{age.TotalHours:0.#}h",
        { TotalMinutes: >= 1 } => $"{age.TotalMinutes:0.#}m",
        _ => $"{age.TotalSeconds:0.#}s",
    };
}
