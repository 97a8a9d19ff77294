using System.Globalization;

namespace Platform.Vietnamese;

/// <summary>Calendar dates in the APIs: ISO 8601 "YYYY-MM-DD" strings.</summary>
public static class IsoDate
{
    private const string Format = "yyyy-MM-dd";

    public static string ToIso(this DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
