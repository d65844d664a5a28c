using System.Diagnostics;

namespace OneStop.Tests.Documents;

/// <summary>
/// Runs a command-line tool (poppler, NSS, SoftHSM) that scripts/test.sh installs. A missing tool fails
/// the test with a message saying what to install: never a silent skip.
/// </summary>
internal static class ExternalTool
{
    public static string Run(string tool, params string[] arguments) => Run(tool, arguments, environment: null);

    public static string Run(string tool, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var path = Find(tool);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return output.Result + error.Result;
    }

    public static string Find(string tool)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{tool}' is not installed. scripts/test.sh installs it (poppler-utils); run it or apt-get install the package.");
        return tool;
    }
}
