using System.Globalization;

namespace OneStop.Tests.Calendar;

/// <summary>Reads the reference tables in <c>Calendar/Data</c> (their sources are in Data/README.md).</summary>
internal static class TestData
{
    public static IReadOnlyList<string[]> Rows(string fileName)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "OneStop.Tests", "Calendar", "Data", fileName);
        return [.. File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))];
    }

    public static DateOnly? Date(string text) =>
        text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OneStop.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (OneStop.slnx) was not found.");
    }
}
