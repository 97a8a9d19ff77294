namespace Platform.SeedLoader;

/// <summary>
/// Viet Nam's provincial map since 1 July 2025, as changes to the 2020 map Home Affairs' seed starts from. Sources:
/// Resolution 202/2025/QH15 of 12/6/2025 on arranging the provincial-level units (63 → 34: 23 new units from 52,
/// effective 1/7/2025); Decision 19/2025/QĐ-TTg (the codes from 1/7/2025: each new unit keeps the code of one of its
/// parts, usually the one with its seat); Resolution 175/2024/QH15 of 30/11/2024 (Thừa Thiên Huế becomes the
/// centrally-run city of Huế on 1/1/2025). The district level ended on 1/7/2025 as well; the seed holds no districts.
/// </summary>
public static class Map2025
{
    public const string Source = "Nghị quyết 202/2025/QH15 ngày 12/6/2025; mã theo Quyết định 19/2025/QĐ-TTg";

    /// <summary>The last day of the 2020 provinces that merged.</summary>
    public static readonly DateOnly LastDayBeforeMerger = new(2025, 6, 30);

    /// <summary>A unit of 2020 merged into the unit that kept <paramref name="Successor"/>'s code.</summary>
    public sealed record Merger(string Code, string Name, string Successor);

    /// <summary>A code that outlives its name: the unit keeping it is named anew from the day after <paramref name="LastDay"/>.</summary>
    public sealed record Renaming(string Code, string OldName, string NewName, DateOnly LastDay, bool BecomesCentrallyRunCity = false);

    /// <summary>The 29 provinces closed on 30/6/2025, each with the unit that took it over.</summary>
    public static IReadOnlyList<Merger> Mergers { get; } =
    [
        new("02", "Hà Giang", "08"), new("10", "Lào Cai", "15"), new("06", "Bắc Kạn", "19"),
        new("26", "Vĩnh Phúc", "25"), new("17", "Hòa Bình", "25"), new("27", "Bắc Ninh", "24"),
        new("34", "Thái Bình", "33"), new("30", "Hải Dương", "31"), new("35", "Hà Nam", "37"),
        new("36", "Nam Định", "37"), new("45", "Quảng Trị", "44"), new("49", "Quảng Nam", "48"),
        new("62", "Kon Tum", "51"), new("64", "Gia Lai", "52"), new("58", "Ninh Thuận", "56"),
        new("67", "Đắk Nông", "68"), new("60", "Bình Thuận", "68"), new("54", "Phú Yên", "66"),
        new("74", "Bình Dương", "79"), new("77", "Bà Rịa - Vũng Tàu", "79"), new("70", "Bình Phước", "75"),
        new("72", "Tây Ninh", "80"), new("94", "Sóc Trăng", "92"), new("93", "Hậu Giang", "92"),
        new("83", "Bến Tre", "86"), new("84", "Trà Vinh", "86"), new("87", "Đồng Tháp", "82"),
        new("95", "Bạc Liêu", "96"), new("89", "An Giang", "91"),
    ];

    /// <summary>The codes kept under another part's name (the new Lào Cai sits in Yên Bái and keeps its code), and Huế.</summary>
    public static IReadOnlyList<Renaming> Renamings { get; } =
    [
        new("46", "Thừa Thiên Huế", "Huế", new DateOnly(2024, 12, 31), BecomesCentrallyRunCity: true),
        new("15", "Yên Bái", "Lào Cai", LastDayBeforeMerger), new("24", "Bắc Giang", "Bắc Ninh", LastDayBeforeMerger),
        new("44", "Quảng Bình", "Quảng Trị", LastDayBeforeMerger), new("52", "Bình Định", "Gia Lai", LastDayBeforeMerger),
        new("80", "Long An", "Tây Ninh", LastDayBeforeMerger), new("82", "Tiền Giang", "Đồng Tháp", LastDayBeforeMerger),
        new("91", "Kiên Giang", "An Giang", LastDayBeforeMerger),
    ];
}
