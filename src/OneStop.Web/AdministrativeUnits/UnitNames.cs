using OneStop.Web.Shared.Localization;

namespace OneStop.Web.AdministrativeUnits;

/// <summary>
/// The name a citizen reads for the unit handling an application: the commune's name for a commune-level
/// procedure, the department and its province for a province-level one (e.g. <c>33-CA</c>, Công an tỉnh Hưng Yên).
/// </summary>
public sealed class UnitNames(IAdministrativeUnitDirectory units, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<string, string> Departments = new Dictionary<string, string>
    {
        ["CA"] = "Công an",
        ["STP"] = "Sở Tư pháp",
        ["SXD"] = "Sở Xây dựng",
        ["STC"] = "Sở Tài chính",
        ["SNNMT"] = "Sở Nông nghiệp và Môi trường",
        ["VPUB"] = "Văn phòng Ủy ban nhân dân",
    };

    public string Of(string unitCode)
    {
        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime);
        var dash = unitCode.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return units.Lookup(unitCode, today)?.FullName ?? unitCode;
        }

        var province = units.Lookup(unitCode[..dash], today);
        var department = Departments.GetValueOrDefault(unitCode[(dash + 1)..]);
        if (province is null || department is null)
        {
            return unitCode;
        }

        return $"{department} {Lowered(province.FullName)}";
    }

    /// <summary>
    /// The two lines at the top left of a document the unit issues, the governing body above the unit itself, in
    /// capitals: "ỦY BAN NHÂN DÂN / PHƯỜNG BA ĐÌNH", "CÔNG AN THÀNH PHỐ HÀ NỘI / CÔNG AN PHƯỜNG BA ĐÌNH" for a
    /// commune-level procedure of the police (<paramref name="competentUnitType"/> <c>commune-police</c>),
    /// "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN / SỞ TƯ PHÁP", "BỘ CÔNG AN / CÔNG AN TỈNH HƯNG YÊN".
    /// </summary>
    public IReadOnlyList<string> Letterhead(string unitCode, string? competentUnitType)
    {
        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime);
        var dash = unitCode.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            if (units.Lookup(unitCode, today) is not { } commune)
            {
                return [unitCode];
            }

            return competentUnitType == "commune-police" && units.ProvinceOf(commune.Code, today) is { } itsProvince
                ? [Upper("Công an " + Lowered(itsProvince.FullName)), Upper("Công an " + Lowered(commune.FullName))]
                : ["ỦY BAN NHÂN DÂN", Upper(commune.FullName)];
        }

        var province = units.Lookup(unitCode[..dash], today);
        var suffix = unitCode[(dash + 1)..];
        if (province is null || Departments.GetValueOrDefault(suffix) is not { } department)
        {
            return [unitCode];
        }

        return suffix switch
        {
            "CA" => ["BỘ CÔNG AN", Upper($"{department} {Lowered(province.FullName)}")],
            "VPUB" => [Upper($"Ủy ban nhân dân {Lowered(province.FullName)}"), "VĂN PHÒNG"],
            _ => [Upper($"Ủy ban nhân dân {Lowered(province.FullName)}"), Upper(department)],
        };
    }

    // "Thành phố Hà Nội" reads "thành phố Hà Nội" after another name.
    private static string Lowered(string fullName) => char.ToLower(fullName[0], VietnameseFormat.Culture) + fullName[1..];

    private static string Upper(string text) => text.ToUpper(VietnameseFormat.Culture);
}
