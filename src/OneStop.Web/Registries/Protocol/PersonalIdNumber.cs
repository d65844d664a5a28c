namespace OneStop.Web.Registries.Protocol;

/// <summary>
/// The 12-digit personal identification number (số định danh cá nhân, Circular 59/2021/TT-BCA):
/// 3 digits for the province where the birth was registered (the 63 province codes in force before
/// July 2025), 1 digit for century and sex, 2 digits for the year of birth, 6 random digits.
/// </summary>
public static class PersonalIdNumber
{
    /// <summary>The 63 province codes of registration, as 3 digits.</summary>
    public static readonly IReadOnlySet<string> ProvinceCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
        "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
        "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
        "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
        "094", "095", "096",
    };

    /// <summary>Why <paramref name="value"/> is not a personal identification number, or null when it is one.</summary>
    public static string? Validate(string? value, int currentYear)
    {
        if (string.IsNullOrEmpty(value) || value.Length != 12 || !value.All(char.IsAsciiDigit))
        {
            return "A personal identification number has exactly 12 digits.";
        }

        if (!ProvinceCodes.Contains(value[..3]))
        {
            return $"'{value[..3]}' is not a province-of-registration code (the first 3 digits are one of the 63 province codes, e.g. 001 for Hà Nội, 033 for Hưng Yên).";
        }

        var year = BirthYear(value);
        if (year > currentYear)
        {
            return $"The century-and-sex digit '{value[3]}' with the year '{value.Substring(4, 2)}' gives a birth year of {year}, which is in the future.";
        }

        return null;
    }

    /// <summary>0/1: 1900s, 2/3: 2000s, 4/5: 2100s… (even digits male, odd digits female).</summary>
    public static int BirthYear(string value) => 1900 + ((value[3] - '0') / 2 * 100) + int.Parse(value.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsFemale(string value) => (value[3] - '0') % 2 == 1;

    /// <summary>Composes a number; <paramref name="serial"/> is the last 6 digits.</summary>
    public static string Compose(string provinceCode3, int birthYear, bool female, int serial)
    {
        var centuryDigit = ((birthYear - 1900) / 100 * 2) + (female ? 1 : 0);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{provinceCode3}{centuryDigit}{birthYear % 100:00}{serial:000000}");
    }
}
