using System.Globalization;

namespace Platform.Screens.Formatting;

/// <summary>
/// Dates, times and numbers as Vietnamese readers write them (23/05/2021, 38,5%), read from the APIs' ISO 8601
/// strings; times in Viet Nam time (UTC+7 all year).
/// </summary>
public static class VietnameseFormat
{
    public static readonly TimeSpan VietnamOffset = Platform.Vietnamese.VietnameseDate.VietnamOffset;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamOffset).DateTime);

    public static DateOnly? ParseDate(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>An ISO date as dd/MM/yyyy; an empty one as a dash; anything else as it came.</summary>
    public static string Date(string iso) => iso.Length == 0 ? "—" : ParseDate(iso) is { } date ? Date(date) : iso;

    /// <summary>An ISO 8601 instant as dd/MM/yyyy HH:mm in Viet Nam time.</summary>
    public static string Instant(string iso) => iso.Length == 0
        ? "—"
        : DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
            : iso;

    /// <summary>38.55 → "38,6%".</summary>
    public static string Percent(double value) => Number(value) + "%";

    /// <summary>One decimal at most, with the decimal comma: 38.55 → "38,6".</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>Thousands with dots: 1234567 → "1.234.567".</summary>
    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
}
