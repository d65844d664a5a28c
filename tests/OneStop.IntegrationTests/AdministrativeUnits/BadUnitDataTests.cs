using System.Text.Json.Nodes;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.AdministrativeUnits.Loading;

namespace OneStop.IntegrationTests.AdministrativeUnits;

/// <summary>The host refuses to start on inconsistent unit data, and says why.</summary>
public sealed class BadUnitDataTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "onestop-tests", "units-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        foreach (var file in UnitDataFiles.All)
        {
            File.WriteAllBytes(Path.Combine(_directory, file), EmbeddedUnitDataSource.Instance.Read(file));
        }

        // A new commune formed from an old commune that never existed.
        var merges = JsonNode.Parse(File.ReadAllBytes(Path.Combine(_directory, UnitDataFiles.Merges)))!;
        merges["data"]![0]!["level2s"]![0]!["merges"]![0]!["old_id"] = "99998";
        File.WriteAllText(Path.Combine(_directory, UnitDataFiles.Merges), merges.ToJsonString());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_host_does_not_start_and_names_the_broken_succession()
    {
        var app = new BrokenDataFactory(_directory);
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
            var dataError = Unwrap(error).OfType<AdministrativeUnitDataException>().FirstOrDefault();
            Assert.NotNull(dataError);
            Assert.Contains("99998", dataError.Message, StringComparison.Ordinal);
            Assert.Contains("will not start", dataError.Message, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static IEnumerable<Exception> Unwrap(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Unwrap))
                {
                    yield return inner;
                }
            }
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private sealed class BrokenDataFactory(string directory) : OneStopAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("AdministrativeUnits:DataDirectory", directory)];
    }
}
