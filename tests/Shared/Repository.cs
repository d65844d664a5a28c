namespace OneStop.Testing;

/// <summary>
/// The checkout the tests run from, for tests that read its source and data files, start its program or keep their
/// output beside it. One file, linked into every test project.
/// </summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OneStop.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (OneStop.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
