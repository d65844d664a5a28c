using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Catalog.Forms;

/// <summary>How a number typed in Vietnamese writing reads: a dot between groups of three digits, a comma before the decimals.</summary>
public enum NumberReading
{
    Number,
    NotANumber,

    /// <summary>A dot that does not separate groups of three ("1.5", "12.00"): a decimal point or a typing slip, never a thousand.</summary>
    BadGrouping,
}

/// <summary>
/// Numbers as Vietnamese people write them: "100.000.000" and "100000000" are one hundred million, "45,5" is
/// forty-five and a half. Stored answers are canonical ("100000000", "45.5") so fees and templates read them
/// alike; people read them back grouped.
/// </summary>
public static partial class VietnameseNumber
{
    /// <summary>The most digits after the comma a field may allow, so that a canonical "1.25" is never read as a grouped 125.</summary>
    public const int MaxDecimals = 2;

    public static NumberReading Read(string text, out decimal value, out int decimals)
    {
        value = 0;
        decimals = 0;
        var compact = Spaces().Replace(text, "");
        var match = Written().Match(compact);
        if (!match.Success)
        {
            return NumberReading.NotANumber;
        }

        var whole = match.Groups["whole"].Value;
        if (whole.Contains('.', StringComparison.Ordinal) && !Grouped().IsMatch(whole))
        {
            return NumberReading.BadGrouping;
        }

        var fraction = match.Groups["fraction"].Value;
        decimals = fraction.Length;
        var invariant = match.Groups["sign"].Value + whole.Replace(".", "", StringComparison.Ordinal) + (fraction.Length > 0 ? "." + fraction : "");
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            ? NumberReading.Number
            : NumberReading.NotANumber;
    }

    /// <summary>As stored: no grouping, a point before the decimals, no trailing zeros.</summary>
    public static string Canonical(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>As a person reads it: "100.000.000", "45,5".</summary>
    public static string Shown(decimal value) => value.ToString("#,0.##", VietnameseFormat.Culture);

    /// <summary>A stored answer as a person reads it: canonical answers and answers kept as typed in a draft alike.</summary>
    public static string? ShownFromStored(string stored) =>
        Read(stored, out var typed, out _) == NumberReading.Number ? Shown(typed)
            : decimal.TryParse(stored.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var canonical) ? Shown(canonical)
            : null;

    [GeneratedRegex(@"[\s\u00A0\u202F]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?<sign>[-+]?)(?<whole>[0-9]+(?:\.[0-9]+)*)(?:,(?<fraction>[0-9]+))?$")]
    private static partial Regex Written();

    [GeneratedRegex(@"^[0-9]{1,3}(?:\.[0-9]{3})+$")]
    private static partial Regex Grouped();
}
