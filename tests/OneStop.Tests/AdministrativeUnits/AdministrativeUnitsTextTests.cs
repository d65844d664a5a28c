using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.AdministrativeUnits.Loading;

namespace OneStop.Tests.AdministrativeUnits;

/// <summary>
/// Every Vietnamese text of the unit pages has its English, including those the pages take from code (errors, unit
/// types, succession kinds, data sets), which the views' own check (ViewTextTests) cannot see.
/// </summary>
public sealed partial class AdministrativeUnitsTextTests
{
    private static readonly ResourceManager English = new(typeof(AdministrativeUnitsText).FullName!, typeof(AdministrativeUnitsText).Assembly);
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    public static TheoryData<string> PageTexts()
    {
        var folder = Path.Combine(Repository.Root, "src", "OneStop.Web", "AdministrativeUnits", "Pages");
        var keys = Directory.EnumerateFiles(folder, "*.cshtml*")
            .SelectMany(file => TextKey().Matches(File.ReadAllText(file)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Concat(Directory.EnumerateFiles(folder, "*.cs")
                .SelectMany(file => ErrorKey().Matches(File.ReadAllText(file)).Select(m => Regex.Unescape(m.Groups[1].Value))))
            .Concat(Enum.GetValues<UnitType>().Select(AdministrativeUnitsText.TypeLabel))
            .Concat(Enum.GetValues<SuccessionKind>().Select(AdministrativeUnitsText.KindLabel))
            .Concat(AdministrativeUnitLoader.LoadEmbedded().Sets.Select(AdministrativeUnitsText.SetLabel))
            .Distinct()
            .ToList();
        Assert.True(keys.Count > 60, $"only {keys.Count} texts found in {folder}");
        return new TheoryData<string>(keys);
    }

    [Theory]
    [MemberData(nameof(PageTexts))]
    public void Every_text_has_an_English_translation(string vietnamese)
    {
        var english = English.GetString(vietnamese, En);
        Assert.False(string.IsNullOrWhiteSpace(english), $"No English for \"{vietnamese}\" in AdministrativeUnitsText.en.resx");
        Assert.Equal(Placeholders(vietnamese), Placeholders(english!));
    }

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    [GeneratedRegex("""(?<![A-Za-z])(?:T|text)\["((?:[^"\\]|\\.)*)"(?:\]|,)""")]
    private static partial Regex TextKey();

    [GeneratedRegex("""(?:DateError|QueryError|error) = "((?:[^"\\]|\\.)*)";""")]
    private static partial Regex ErrorKey();

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex PlaceholderPattern();
}
