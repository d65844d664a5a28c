using OneStop.Web.Catalog.Definitions;

namespace OneStop.Web.Applications.Intake;

/// <summary>
/// Where an application goes: a commune-level procedure to the applicant's current commune (its
/// People's Committee, police or business registration office all sit there); a province-level one to
/// the province's department of the competent unit's type.
/// </summary>
public static class CompetentUnits
{
    /// <summary>The department code suffix of a province-level competent unit type.</summary>
    public static readonly IReadOnlyDictionary<string, string> DepartmentOf = new Dictionary<string, string>
    {
        ["provincial-police"] = "CA",
        ["department-of-justice"] = "STP",
        ["department-of-construction"] = "SXD",
        ["department-of-finance"] = "STC",
        ["department-of-agriculture-and-environment"] = "SNNMT",
        ["provincial-people-committee"] = "VPUB",
    };

    /// <summary>The competent unit's code, or null when the procedure names a unit type no province department stands for.</summary>
    public static string? Route(ProcedureDefinition procedure, string provinceCode, string communeCode) => procedure.Level switch
    {
        ProcedureLevel.Commune => communeCode,
        ProcedureLevel.Province => DepartmentOf.TryGetValue(procedure.CompetentUnit.Type, out var suffix) ? $"{provinceCode}-{suffix}" : null,
        _ => null,
    };
}
