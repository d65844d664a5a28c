using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Identity.Demo;

namespace OneStop.IntegrationTests.Shared;

/// <summary>
/// The README's first command as a newcomer meets it: the built program, started from its project folder on a data
/// folder that does not exist yet, makes its demo database, prints where it listens and the demo accounts, and
/// answers at the address it printed. (<c>dotnet run --project src/OneStop.Web</c> is this after a build.)
/// </summary>
public sealed partial class RunCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>
    /// From its project folder, as <c>dotnet run</c> starts it (address from the command line), and from the program's
    /// own folder with no source tree around it, as a published program is started in a container (address from
    /// <c>ASPNETCORE_URLS</c>, which must win over OneStop's default).
    /// </summary>
    [SqliteTheory("The run command starts on the embedded SQLite database; the SQLite pass runs it.")]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_program_on_a_new_demo_database_prints_its_address_and_the_demo_accounts_and_answers_there(bool fromProjectFolder)
    {
        var data = Path.Combine(Path.GetTempPath(), "onestop-run-" + Guid.NewGuid().ToString("N"));
        var output = new StringBuilder();
        var bannerPrinted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var folder = fromProjectFolder ? Path.Combine(Repository.Root, "src", "OneStop.Web") : AppContext.BaseDirectory;
        using var program = new Process { StartInfo = StartInfo(folder, data, addressFromEnvironment: !fromProjectFolder) };
        DataReceivedEventHandler keep = (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data == "Press Ctrl+C to stop.")
            {
                bannerPrinted.TrySetResult();
            }
        };
        program.OutputDataReceived += keep;
        program.ErrorDataReceived += keep;

        try
        {
            program.Start();
            program.BeginOutputReadLine();
            program.BeginErrorReadLine();
            var first = await Task.WhenAny(bannerPrinted.Task, program.WaitForExitAsync(), Task.Delay(Patience));
            var printed = Printed(output);
            Assert.True(first == bannerPrinted.Task, $"The program did not print its banner within {Patience.TotalSeconds:0} seconds:\n{printed}");

            Assert.Contains("OneStop is running.", printed, StringComparison.Ordinal);
            var portal = PortalLine().Match(printed);
            Assert.True(portal.Success, "No portal address in:\n" + printed);
            // Port 0 was asked for, by argument or by ASPNETCORE_URLS: never the default 5080.
            Assert.DoesNotContain(":5080", portal.Groups["address"].Value, StringComparison.Ordinal);
            foreach (var officer in DemoAccounts.Officers)
            {
                Assert.Matches(new Regex(Regex.Escape(officer.Email) + @"\s+" + Regex.Escape(officer.Role) + @"\s.*\skey [A-Z2-7]{32}\b"), printed);
            }

            Assert.Contains(DemoAccounts.OfficerPassword, printed, StringComparison.Ordinal);
            foreach (var (idNumber, fullName, _) in DemoAccounts.Citizens)
            {
                Assert.Contains($"{idNumber}  {fullName}", printed, StringComparison.Ordinal);
            }

            using var client = new HttpClient { BaseAddress = new Uri(portal.Groups["address"].Value) };
            var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("Dịch vụ công của tỉnh, ở một nơi", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.True(File.Exists(Path.Combine(data, "onestop.db")), $"No onestop.db in {data}.");
        }
        finally
        {
            if (program.HasExited is false)
            {
                program.Kill(entireProcessTree: true);
                await program.WaitForExitAsync();
            }

            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static ProcessStartInfo StartInfo(string folder, string data, bool addressFromEnvironment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OneStop.Web.dll"));
        if (!addressFromEnvironment)
        {
            start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        }

        start.ArgumentList.Add("--Database:DataDirectory=" + data);

        // A newcomer's shell, not the test run's: nothing that would pick another database or environment.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" or "ASPNETCORE_URLS"
                || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Demo__", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        if (addressFromEnvironment)
        {
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        }

        return start;
    }

    private static string Printed(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }


    [GeneratedRegex(@"Portal:\s+(?<address>http://127\.0\.0\.1:\d+)/")]
    private static partial Regex PortalLine();
}
