using System.Globalization;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Catalog.Forms;

/// <summary>
/// An answer as a person reads it: the option's label, "Có" or "Yes", a date as dd/MM/yyyy, a number grouped as
/// "100.000.000", a commune by its name.
/// The citizen checking an application and the officer processing it read the same words for the same answer.
/// </summary>
public static class AnswerText
{
    private static readonly LocalizedText Yes = new("Có", "Yes");
    private static readonly LocalizedText No = new("Không", "No");

    /// <param name="field">The question answered.</param>
    /// <param name="value">The answer as stored.</param>
    /// <param name="culture">
    /// The reader's language for labels; documents stay in Vietnamese whatever language the officer reads.
    /// </param>
    /// <param name="unitName">The name of an administrative unit by its code (the catalogue does not know the units).</param>
    public static string Of(FieldDefinition field, string? value, CultureInfo culture, Func<string, string> unitName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        return field.Type switch
        {
            FieldType.Select => field.Options.FirstOrDefault(o => o.Value == value)?.Label.For(culture) ?? value,
            FieldType.YesNo => value switch
            {
                "yes" => Yes.For(culture),
                "no" => No.For(culture),
                _ => value,
            },
            FieldType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => VietnameseFormat.Date(date),
            FieldType.Number => VietnameseNumber.ShownFromStored(value) ?? value,
            FieldType.Commune => unitName(value.Trim()),
            _ => value,
        };
    }
}
