using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.AdministrativeUnits.Loading;

namespace OneStop.Tests.AdministrativeUnits;

/// <summary>Every Vietnamese text of the pages has its English, so an English page never falls back to Vietnamese.</summary>
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

    [Fact]
    public void No_two_texts_differ_only_in_letter_case()
    {
        // Resource names ignore case: such a pair would silently lose one translation.
        var file = Path.Combine(Repository.Root, "src", "OneStop.Web", "AdministrativeUnits", "AdministrativeUnitsText.en.resx");
        var names = ResourceName().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));


    [GeneratedRegex("""(?<![A-Za-z])(?:T|text)\["((?:[^"\\]|\\.)*)"(?:\]|,)""")]
    private static partial Regex TextKey();

    [GeneratedRegex("""(?:DateError|QueryError|error) = "((?:[^"\\]|\\.)*)";""")]
    private static partial Regex ErrorKey();

    [GeneratedRegex("<data name=\"([^\"]*)\"")]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex PlaceholderPattern();
}
