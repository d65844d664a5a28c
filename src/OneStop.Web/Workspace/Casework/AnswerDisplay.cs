using System.Text.Json;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications.Model;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Workspace.Casework;

/// <summary>
/// An application's answers as people read them (option labels, commune names, dd/MM/yyyy dates),
/// labelled by the procedure version the application was submitted under.
/// </summary>
public sealed class AnswerDisplay(IAdministrativeUnitDirectory units, UnitNames unitNames, TimeProvider clock)
{
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

    /// <summary>In Vietnamese whatever language the officer reads: the answers also go on the case's documents.</summary>
    public string Display(FieldDefinition field, string value) => AnswerText.Of(field, value, VietnameseFormat.Culture, unitNames.Of);

    public string UnitName(string code) => unitNames.Of(code);

    /// <summary>The province's name without its kind, as it stands before the date on a document ("Hà Nội").</summary>
    public string PlaceOf(string provinceCode)
    {
        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime);
        return units.Find(provinceCode, today)?.Name ?? provinceCode;
    }
}
