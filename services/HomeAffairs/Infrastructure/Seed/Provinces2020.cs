using Platform.HomeAffairs.Model;

namespace Platform.HomeAffairs.Infrastructure.Seed;

/// <summary>
/// The 63 provinces and centrally-run cities of Viet Nam in 2020 (before the 2025 mergers), with
/// their statistical codes (General Statistics Office list of administrative units).
/// </summary>
public static class Provinces2020
{
    private const AdministrativeUnitKind P = AdministrativeUnitKind.Province;
    private const AdministrativeUnitKind C = AdministrativeUnitKind.CentrallyRunCity;

    public static IReadOnlyList<(string Code, string Name, AdministrativeUnitKind Kind)> All { get; } =
    [
        ("01", "Hà Nội", C), ("02", "Hà Giang", P), ("04", "Cao Bằng", P), ("06", "Bắc Kạn", P),
        ("08", "Tuyên Quang", P), ("10", "Lào Cai", P), ("11", "Điện Biên", P), ("12", "Lai Châu", P),
        ("14", "Sơn La", P), ("15", "Yên Bái", P), ("17", "Hòa Bình", P), ("19", "Thái Nguyên", P),
        ("20", "Lạng Sơn", P), ("22", "Quảng Ninh", P), ("24", "Bắc Giang", P), ("25", "Phú Thọ", P),
        ("26", "Vĩnh Phúc", P), ("27", "Bắc Ninh", P), ("30", "Hải Dương", P), ("31", "Hải Phòng", C),
        ("33", "Hưng Yên", P), ("34", "Thái Bình", P), ("35", "Hà Nam", P), ("36", "Nam Định", P),
        ("37", "Ninh Bình", P), ("38", "Thanh Hóa", P), ("40", "Nghệ An", P), ("42", "Hà Tĩnh", P),
        ("44", "Quảng Bình", P), ("45", "Quảng Trị", P), ("46", "Thừa Thiên Huế", P), ("48", "Đà Nẵng", C),
        ("49", "Quảng Nam", P), ("51", "Quảng Ngãi", P), ("52", "Bình Định", P), ("54", "Phú Yên", P),
        ("56", "Khánh Hòa", P), ("58", "Ninh Thuận", P), ("60", "Bình Thuận", P), ("62", "Kon Tum", P),
        ("64", "Gia Lai", P), ("66", "Đắk Lắk", P), ("67", "Đắk Nông", P), ("68", "Lâm Đồng", P),
        ("70", "Bình Phước", P), ("72", "Tây Ninh", P), ("74", "Bình Dương", P), ("75", "Đồng Nai", P),
        ("77", "Bà Rịa - Vũng Tàu", P), ("79", "Hồ Chí Minh", C), ("80", "Long An", P), ("82", "Tiền Giang", P),
        ("83", "Bến Tre", P), ("84", "Trà Vinh", P), ("86", "Vĩnh Long", P), ("87", "Đồng Tháp", P),
        ("89", "An Giang", P), ("91", "Kiên Giang", P), ("92", "Cần Thơ", C), ("93", "Hậu Giang", P),
        ("94", "Sóc Trăng", P), ("95", "Bạc Liêu", P), ("96", "Cà Mau", P),
    ];
}
