namespace OneStop.Web.AdministrativeUnits;

/// <summary>
/// Texts of the administrative-unit pages. The Vietnamese text is the key; <c>AdministrativeUnitsText.en.resx</c>
/// beside this file holds the English.
/// </summary>
public sealed class AdministrativeUnitsText
{
    /// <summary>The Vietnamese label of a unit type, itself a key of the texts.</summary>
    public static string TypeLabel(UnitType type) => type switch
    {
        UnitType.Municipality => "Thành phố trực thuộc trung ương",
        UnitType.Province => "Tỉnh",
        UnitType.UrbanDistrict => "Quận",
        UnitType.RuralDistrict => "Huyện",
        UnitType.Town => "Thị xã",
        UnitType.City => "Thành phố thuộc tỉnh",
        UnitType.Ward => "Phường",
        UnitType.Commune => "Xã",
        UnitType.Township => "Thị trấn",
        UnitType.SpecialZone => "Đặc khu",
        _ => type.ToString(),
    };

    /// <summary>The Vietnamese label of a succession kind, itself a key of the texts.</summary>
    public static string KindLabel(SuccessionKind kind) => kind == SuccessionKind.Full ? "toàn bộ" : "một phần";

    /// <summary>How the pages name a set of units, itself a key of the texts.</summary>
    public static string SetLabel(UnitSet set) => set.Code switch
    {
        "2025-03-01" => "Trước ngày 01/07/2025 (tỉnh, huyện, xã)",
        "2025-07-01" => "Từ ngày 01/07/2025 đến ngày 29/04/2026 (tỉnh, xã)",
        _ => "Từ ngày 30/04/2026 (tỉnh, xã)",
    };

    /// <summary>The date that shows a set in the pages: its first day, or its last for the set before the reform.</summary>
    public static DateOnly DateOf(UnitSet set) => set.EffectiveFrom ?? set.LastDay!.Value;

    public static string DateParameter(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
