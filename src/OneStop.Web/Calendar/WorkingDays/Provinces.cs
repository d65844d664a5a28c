namespace OneStop.Web.Calendar.WorkingDays;

/// <summary>A province (tỉnh, thành phố) by its current two-digit code.</summary>
public sealed record Province(string Code, string Name, string NameEn);

/// <summary>
/// The 34 provinces in force since 1 July 2025 (Resolution 202/2025/QH15), as in
/// AdministrativeUnits/Data/units-2026-04-30.json. Kept here so that the working calendar does not
/// depend on the administrative-units capability; a test checks the two agree.
/// </summary>
public static class Provinces
{
    public static readonly IReadOnlyList<Province> All =
    [
        new("01", "Thành phố Hà Nội", "Ha Noi"),
        new("04", "Tỉnh Cao Bằng", "Cao Bang"),
        new("08", "Tỉnh Tuyên Quang", "Tuyen Quang"),
        new("11", "Tỉnh Điện Biên", "Dien Bien"),
        new("12", "Tỉnh Lai Châu", "Lai Chau"),
        new("14", "Tỉnh Sơn La", "Son La"),
        new("15", "Tỉnh Lào Cai", "Lao Cai"),
        new("19", "Tỉnh Thái Nguyên", "Thai Nguyen"),
        new("20", "Tỉnh Lạng Sơn", "Lang Son"),
        new("22", "Tỉnh Quảng Ninh", "Quang Ninh"),
        new("24", "Tỉnh Bắc Ninh", "Bac Ninh"),
        new("25", "Tỉnh Phú Thọ", "Phu Tho"),
        new("31", "Thành phố Hải Phòng", "Hai Phong"),
        new("33", "Tỉnh Hưng Yên", "Hung Yen"),
        new("37", "Tỉnh Ninh Bình", "Ninh Binh"),
        new("38", "Tỉnh Thanh Hoá", "Thanh Hoa"),
        new("40", "Tỉnh Nghệ An", "Nghe An"),
        new("42", "Tỉnh Hà Tĩnh", "Ha Tinh"),
        new("44", "Tỉnh Quảng Trị", "Quang Tri"),
        new("46", "Thành phố Huế", "Hue"),
        new("48", "Thành phố Đà Nẵng", "Da Nang"),
        new("51", "Tỉnh Quảng Ngãi", "Quang Ngai"),
        new("52", "Tỉnh Gia Lai", "Gia Lai"),
        new("56", "Tỉnh Khánh Hoà", "Khanh Hoa"),
        new("66", "Tỉnh Đắk Lắk", "Dak Lak"),
        new("68", "Tỉnh Lâm Đồng", "Lam Dong"),
        new("75", "Thành phố Đồng Nai", "Dong Nai"),
        new("79", "Thành phố Hồ Chí Minh", "Ho Chi Minh"),
        new("80", "Tỉnh Tây Ninh", "Tay Ninh"),
        new("82", "Tỉnh Đồng Tháp", "Dong Thap"),
        new("86", "Tỉnh Vĩnh Long", "Vinh Long"),
        new("91", "Tỉnh An Giang", "An Giang"),
        new("92", "Thành phố Cần Thơ", "Can Tho"),
        new("96", "Tỉnh Cà Mau", "Ca Mau"),
    ];

    private static readonly Dictionary<string, Province> ByCode = All.ToDictionary(p => p.Code, StringComparer.Ordinal);

    public static Province? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim(), out var province) ? province : null;
}
