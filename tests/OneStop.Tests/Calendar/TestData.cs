using System.Globalization;

namespace OneStop.Tests.Calendar;

/// <summary>Reads the reference tables in <c>Calendar/Data</c> (their sources are in Data/README.md).</summary>
internal static class TestData
{
    public static IReadOnlyList<string[]> Rows(string fileName)
    {
        var path = Path.Combine(Repository.Root, "tests", "OneStop.Tests", "Calendar", "Data", fileName);
        return [.. File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))];
    }

    public static DateOnly? Date(string text) =>
        text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
