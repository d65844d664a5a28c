using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using OneStop.Web.Workspace;

namespace OneStop.Tests.Workspace;

/// <summary>Every Vietnamese text of the workspace pages has its English, with the same placeholders.</summary>
public sealed partial class WorkspaceTextTests
{
    private static readonly ResourceManager English = new(typeof(WorkspaceText).FullName!, typeof(WorkspaceText).Assembly);
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    public static TheoryData<string> PageTexts()
    {
        var folder = Path.Combine(Repository.Root, "src", "OneStop.Web", "Workspace", "Pages");
        var keys = Directory.EnumerateFiles(folder, "*.cshtml")
            .SelectMany(file => TextKey().Matches(File.ReadAllText(file)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();
        Assert.True(keys.Count > 50, $"only {keys.Count} texts found in {folder}");
        return new TheoryData<string>(keys);
    }

    [Theory]
    [MemberData(nameof(PageTexts))]
    public void Every_text_has_an_English_translation(string vietnamese)
    {
        var english = English.GetString(vietnamese, En);
        Assert.False(string.IsNullOrWhiteSpace(english), $"No English for \"{vietnamese}\" in WorkspaceText.en.resx");
        Assert.Equal(Placeholders(vietnamese), Placeholders(english!));
    }

    [Fact]
    public void No_two_texts_differ_only_in_letter_case()
    {
        var file = Path.Combine(Repository.Root, "src", "OneStop.Web", "Workspace", "WorkspaceText.en.resx");
        var names = ResourceName().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));


    [GeneratedRegex("""(?<![A-Za-z])T\["((?:[^"\\]|\\.)*)"(?:\]|,)""")]
    private static partial Regex TextKey();

    [GeneratedRegex("<data name=\"([^\"]*)\"")]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex PlaceholderPattern();
}
