using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Catalog;

namespace OneStop.IntegrationTests.Catalog;

/// <summary>The province's own procedure files, read at start from Catalog:ProceduresDirectory.</summary>
public sealed class CatalogStartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("onestop-procedures-").FullName;

    private static string Shipped(string code) =>
        CatalogSeeder.ShippedFiles().Single(f => f.Name.StartsWith(code, StringComparison.Ordinal)).Content;

    [Fact]
    public async Task A_broken_file_stops_the_start_naming_the_file_and_the_field()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "khai-sinh-cua-tinh.yaml"),
            Shipped("1.001193").Replace("          type: date\n", "          type: calendar\n", StringComparison.Ordinal));
        await using var app = new ProvinceFilesAppFactory(_directory);

        var error = Record.Exception(() => app.Services);

        Assert.NotNull(error);
        var message = error.ToString();
        Assert.Contains("Procedure file 'khai-sinh-cua-tinh.yaml' is not valid", message, StringComparison.Ordinal);
        Assert.Contains("form.pages[1].fields[1].type (line ", message, StringComparison.Ordinal);
        Assert.Contains("\"calendar\" is not allowed", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_province_file_replaces_the_shipped_one_once_and_only_once()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "1.013225.yaml"),
            Shipped("1.013225").Replace("    amounts: []\n", "    amounts:\n      - amount: 75000\n", StringComparison.Ordinal));

        await using var shippedOnly = new ProvinceFilesAppFactory(null);
        var shipped = await CurrentAsync(shippedOnly, "1.013225");
        Assert.Equal(1, shipped.Version);
        Assert.Empty(shipped.Definition.Fees[0].Amounts);

        await using var withProvinceFiles = new ProvinceFilesAppFactory(_directory) { SharedConnectionString = shippedOnly.ConnectionString };
        var published = await CurrentAsync(withProvinceFiles, "1.013225");
        Assert.Equal(2, published.Version);
        Assert.Equal(75_000, published.Definition.Fees[0].Amounts[0].Amount);

        // The same files on the same database, started again: nothing new.
        await using var again = new ProvinceFilesAppFactory(_directory) { SharedConnectionString = shippedOnly.ConnectionString };
        var versions = await VersionsAsync(again, "1.013225");
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("file:1.013225.yaml", versions[1].Source);
    }

    private static async Task<PublishedProcedure> CurrentAsync(OneStopAppFactory app, string code)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IProcedureCatalog>().GetCurrentAsync(code))!;
    }

    private static async Task<IReadOnlyList<ProcedureVersionInfo>> VersionsAsync(OneStopAppFactory app, string code)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IProcedureCatalog>().GetVersionsAsync(code);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The host with a folder of province files.</summary>
    private sealed class ProvinceFilesAppFactory(string? directory) : OneStopAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            directory is null ? [] : [new("Catalog:ProceduresDirectory", directory)];
    }
}
