namespace Platform.Bench;

/// <summary>Deterministic Vietnamese names and national IDs at any scale (not real persons).</summary>
public static class SyntheticPeople
{
    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] Middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Thu", "Xuân", "Hồng"];
    private static readonly string[] Given =
        ["Anh", "Ánh", "Bình", "Chi", "Cường", "Dũng", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai",
         "Nam", "Nga", "Nhung", "Phong", "Phương", "Quân", "Sơn", "Thảo", "Thắng", "Trang", "Tuấn", "Việt", "Yến"];

    public static string Name(int i, Random random) =>
        $"{Surnames[random.Next(Surnames.Length)]} {Middles[random.Next(Middles.Length)]} {Given[random.Next(Given.Length)]}" +
        (i % 3 == 0 ? $" {Given[random.Next(Given.Length)]}" : "");

    /// <summary>12 digits, unique per index and offset.</summary>
    public static string NationalId(int i, int offset) => (100_000_000_000L + offset * 10_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

}
