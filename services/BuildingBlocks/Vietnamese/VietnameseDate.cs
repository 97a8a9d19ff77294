using System.Globalization;

namespace Platform.Vietnamese;

/// <summary>
/// Dates written for people, in the text the services compose (vetting facts and reasons): "18/11/1956", as Vietnamese
/// documents write them. Fields of the APIs stay ISO 8601 (<see cref="IsoDate"/>).
/// </summary>
public static class VietnameseDate
{
    /// <summary>Viet Nam's clock, UTC+7 all year (no daylight saving): the one definition the services and the screens use.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string ToVietnamese(this DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>An instant as the clock reads in Viet Nam: "05/12/2026 17:30 (giờ Việt Nam)".</summary>
    public static string ToVietnamese(this DateTimeOffset instant) =>
        instant.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (giờ Việt Nam)";
}
