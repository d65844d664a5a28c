using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OneStop.Tests.Shared;

/// <summary>
/// Every text a page shows through a localizer has its English in that localizer's resource file, in every
/// view of every capability, so an English page never falls back to Vietnamese. A view's localizers are
/// those injected by the view itself and by the <c>_ViewImports</c> files of its folder and the folders above.
/// </summary>
public sealed partial class ViewTextTests
{
    private static readonly string WebProject = Path.Combine(Repository.Root, "src", "OneStop.Web");

    public static TheoryData<string, string, string> ViewTexts()
    {
        var data = new TheoryData<string, string, string>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var view in Directory.EnumerateFiles(WebProject, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(view);
            foreach (var (name, textClass) in Localizers(view))
            {
                foreach (Match use in Regex.Matches(source, $@"\b{name}\[""((?:[^""\\]|\\.)*)"""))
                {
                    var row = (Path.GetRelativePath(WebProject, view), textClass, Regex.Unescape(use.Groups[1].Value));
                    if (seen.Add(row))
                    {
                        data.Add(row.Item1, row.Item2, row.Item3);
                    }
                }
            }
        }

        Assert.True(seen.Count > 500, $"only {seen.Count} localized texts found in the views");
        return data;
    }

    [Theory]
    [MemberData(nameof(ViewTexts))]
    public void Every_text_of_every_view_has_an_English_translation(string view, string textClass, string vietnamese)
    {
        var english = EnglishTexts(textClass);
        Assert.True(english.TryGetValue(vietnamese, out var translation) && !string.IsNullOrWhiteSpace(translation),
            $"{view} shows \"{vietnamese}\" through {textClass}, which has no English for it");
        Assert.Equal(Placeholders(vietnamese), Placeholders(translation!));
    }

    public static TheoryData<string> EnglishResourceFiles() =>
        new(Directory.EnumerateFiles(WebProject, "*.en.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(WebProject, f)));

    [Theory]
    [MemberData(nameof(EnglishResourceFiles))]
    public void No_two_texts_of_a_resource_file_differ_only_in_letter_case(string file)
    {
        // Resource look-ups may ignore case: of such a pair, one translation would silently be lost.
        var names = XDocument.Load(Path.Combine(WebProject, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        var clashes = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g));
        Assert.Empty(clashes);
    }

    /// <summary>The localizers a view may use: name in the view → text class, the nearest declaration winning.</summary>
    private static Dictionary<string, string> Localizers(string view)
    {
        var imports = new List<string>();
        for (var folder = Path.GetDirectoryName(view); folder is not null && folder.StartsWith(WebProject, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder))
        {
            var file = Path.Combine(folder, "_ViewImports.cshtml");
            if (File.Exists(file))
            {
                imports.Add(file);
            }
        }

        var localizers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Enumerable.Reverse(imports).Append(view))
        {
            foreach (Match inject in Inject().Matches(File.ReadAllText(file)))
            {
                localizers[inject.Groups[2].Value] = inject.Groups[1].Value;
            }
        }

        return localizers;
    }

    private static readonly Dictionary<string, Dictionary<string, string>> Resources = [];

    private static Dictionary<string, string> EnglishTexts(string textClass)
    {
        lock (Resources)
        {
            if (!Resources.TryGetValue(textClass, out var texts))
            {
                var file = Assert.Single(
                    Directory.EnumerateFiles(WebProject, textClass + ".en.resx", SearchOption.AllDirectories),
                    f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
                texts = XDocument.Load(file).Root!.Elements("data")
                    .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
                Resources[textClass] = texts;
            }

            return texts;
        }
    }

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(\w+)>\s+(\w+)")]
    private static partial Regex Inject();

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex PlaceholderPattern();
}
