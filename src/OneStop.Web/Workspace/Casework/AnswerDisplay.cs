using System.Text.Json;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications.Model;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Workspace.Casework;

/// <summary>
/// An application's answers as people read them (option labels, commune names, dd/MM/yyyy dates),
/// labelled by the procedure version the application was submitted under.
/// </summary>
public sealed class AnswerDisplay(IAdministrativeUnitDirectory units, TimeProvider clock)
{
    private static readonly Dictionary<string, string> Departments = new()
    {
        ["CA"] = "Công an",
        ["STP"] = "Sở Tư pháp",
        ["SXD"] = "Sở Xây dựng",
        ["STC"] = "Sở Tài chính",
        ["SNNMT"] = "Sở Nông nghiệp và Môi trường",
        ["VPUB"] = "Văn phòng Ủy ban nhân dân",
    };

    public IReadOnlyList<Answer> Of(Application application, ProcedureDefinition definition)
    {
        var values = Raw(application);
        var answers = new List<Answer>();
        foreach (var field in definition.Form.AllFields)
        {
            if (values.TryGetValue(field.Key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                answers.Add(new Answer(field.Key, field.Label, Display(field, value)));
            }
        }

        return answers;
    }

    public static Dictionary<string, string?> Raw(Application application) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(application.FormValuesJson) ?? [];

    public string Display(FieldDefinition field, string value) => field.Type switch
    {
        FieldType.Select => field.Options.FirstOrDefault(o => o.Value == value)?.Label.Vi ?? value,
        FieldType.YesNo => value == "yes" ? "Có" : value == "no" ? "Không" : value,
        FieldType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) => VietnameseFormat.Date(date),
        FieldType.Commune => UnitName(value),
        _ => value,
    };

    public string UnitName(string code)
    {
        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime);
        if (UnitCodes.IsDepartment(code) && Departments.TryGetValue(code[3..], out var department))
        {
            var province = units.Find(code[..2], today);
            return province is null ? department : $"{department} {province.FullName.ToLowerInvariant()[..1]}{province.FullName[1..]}";
        }

        return (units.Find(code, today) ?? units.Lookup(code, today)) is { } unit ? unit.FullName : code;
    }

    /// <summary>The province's name without its kind, as it stands before the date on a document ("Hà Nội").</summary>
    public string PlaceOf(string provinceCode)
    {
        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime);
        return units.Find(provinceCode, today)?.Name ?? provinceCode;
    }
}
