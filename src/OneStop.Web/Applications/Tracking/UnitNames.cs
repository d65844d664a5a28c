using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Applications.Tracking;

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

        // "Thành phố Hà Nội" reads "thành phố Hà Nội" after the department's name.
        var place = char.ToLower(province.FullName[0], VietnameseFormat.Culture) + province.FullName[1..];
        return $"{department} {place}";
    }

}
