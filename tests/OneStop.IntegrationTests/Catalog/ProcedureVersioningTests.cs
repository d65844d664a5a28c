using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Loading;
using OneStop.Web.Catalog.Storage;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Catalog;

/// <summary>
/// Importing through the service the import endpoint uses, in the real host and database: a changed
/// definition is a new version, the old one stays readable, the same content changes nothing. Each test
/// works on a procedure code of its own.
/// </summary>
public sealed class ProcedureVersioningTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private static string BirthRegistrationAs(string code) =>
        CatalogSeeder.ShippedFiles().Single(f => f.Name.StartsWith("1.001193", StringComparison.Ordinal)).Content
            .Replace("code: \"1.001193\"", $"code: \"{code}\"", StringComparison.Ordinal);

    private async Task<ProcedureImportResult> ImportAsync(string content, ProcedureFileFormat format = ProcedureFileFormat.Yaml)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IProcedureImporter>().ImportAsync(content, format, "Quản trị tỉnh");
    }

    private async Task<T> WithCatalogAsync<T>(Func<IProcedureCatalog, Task<T>> use)
    {
        using var scope = app.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<IProcedureCatalog>());
    }

    private async Task<int> VersionCountAsync(string code)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.Set<ProcedureVersion>().CountAsync(v => v.Procedure.Code == code);
    }

    [Fact]
    public async Task A_changed_definition_becomes_version_2_and_version_1_stays_as_it_was()
    {
        var original = BirthRegistrationAs("9.900001");
        var first = await ImportAsync(original);
        Assert.Equal((1, true), (first.Version, first.Created));

        var changed = original.Replace("amount: 8000", "amount: 10000", StringComparison.Ordinal);
        var second = await ImportAsync(changed);
        Assert.Equal((2, true), (second.Version, second.Created));
        Assert.NotEqual(first.ContentHash, second.ContentHash);

        var current = await WithCatalogAsync(c => c.GetCurrentAsync("9.900001"));
        Assert.Equal(2, current!.Version);
        Assert.Equal(10_000, current.Definition.Fees.Single(f => f.Key == "extract-copy").Amounts[0].Amount);

        var v1 = await WithCatalogAsync(c => c.GetVersionAsync("9.900001", 1));
        Assert.NotNull(v1);
        Assert.False(v1.IsCurrent);
        Assert.Equal(first.ContentHash, v1.ContentHash);
        Assert.Equal(8_000, v1.Definition.Fees.Single(f => f.Key == "extract-copy").Amounts[0].Amount);

        var client = app.CreateClient();
        var apiV1 = await client.GetFromJsonAsync<JsonElement>("/api/procedures/9.900001/versions/1");
        Assert.Equal(first.ContentHash, apiV1.GetProperty("contentHash").GetString());
        Assert.Equal(2, apiV1.GetProperty("currentVersion").GetInt32());
        var apiCurrent = await client.GetFromJsonAsync<JsonElement>("/api/procedures/9.900001");
        Assert.Equal(2, apiCurrent.GetProperty("version").GetInt32());

        var versions = await WithCatalogAsync(c => c.GetVersionsAsync("9.900001"));
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.Equal("import", v.Source));
    }

    [Fact]
    public async Task Importing_the_same_content_twice_adds_no_version()
    {
        var content = BirthRegistrationAs("9.900002");
        var first = await ImportAsync(content);
        var again = await ImportAsync(content);

        Assert.True(first.Created);
        Assert.Equal((1, false, first.ContentHash), (again.Version, again.Created, again.ContentHash));
        Assert.Equal(1, await VersionCountAsync("9.900002"));
    }

    [Fact]
    public async Task The_same_content_as_JSON_is_the_same_version()
    {
        var yaml = await ImportAsync(BirthRegistrationAs("9.900003"));
        var published = await WithCatalogAsync(c => c.GetCurrentAsync("9.900003"));
        var json = JsonSerializer.Serialize(published!.Definition, CatalogJson.Options);

        var again = await ImportAsync(json, ProcedureFileFormat.Json);

        Assert.Equal((1, false), (again.Version, again.Created));
        Assert.Equal(yaml.ContentHash, again.ContentHash);
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_and_nothing_is_written()
    {
        var content = BirthRegistrationAs("9.900004");
        await ImportAsync(content);

        var broken = content.Replace("          type: date\n", "          type: when\n", StringComparison.Ordinal)
            .Replace("amount: 8000", "amount: 1", StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<InvalidProcedureDefinitionException>(() => ImportAsync(broken));

        Assert.Contains(error.Problems, p => p.Path == "form.pages[1].fields[1].type");
        Assert.Equal(1, await VersionCountAsync("9.900004"));
        var current = await WithCatalogAsync(c => c.GetCurrentAsync("9.900004"));
        Assert.Equal(1, current!.Version);
    }

    [Fact]
    public async Task Starting_again_publishes_no_new_version_of_the_shipped_files()
    {
        var before = await WithCatalogAsync(c => c.GetVersionsAsync("1.000894"));

        using (var scope = app.Services.CreateScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
            {
                await seeder.SeedAsync(scope.ServiceProvider, CancellationToken.None);
            }
        }

        var after = await WithCatalogAsync(c => c.GetVersionsAsync("1.000894"));
        Assert.Equal(before, after);
        Assert.Single(after);
    }

    [Fact]
    public async Task An_administrator_import_stays_current_when_the_unchanged_file_is_seeded_again()
    {
        var shipped = CatalogSeeder.ShippedFiles().Single(f => f.Name.StartsWith("1.001612", StringComparison.Ordinal)).Content;
        var provincial = shipped.Replace("      - amount: 100000\n", "      - amount: 75000\n", StringComparison.Ordinal);
        var imported = await ImportAsync(provincial);
        Assert.Equal((2, true), (imported.Version, imported.Created));

        using (var scope = app.Services.CreateScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
            {
                await seeder.SeedAsync(scope.ServiceProvider, CancellationToken.None);
            }
        }

        var current = await WithCatalogAsync(c => c.GetCurrentAsync("1.001612"));
        Assert.Equal(2, current!.Version);
        Assert.Equal(75_000, current.Definition.Fees[0].Amounts[0].Amount);
        Assert.Equal(2, await VersionCountAsync("1.001612"));
    }

    [Fact]
    public async Task A_new_procedure_is_found_by_search_once_imported()
    {
        var content = BirthRegistrationAs("9.900005")
            .Replace("  vi: Đăng ký khai sinh\n  en: Birth registration\n", "  vi: Đăng ký giám hộ thử nghiệm\n  en: Trial guardianship registration\n", StringComparison.Ordinal);
        await ImportAsync(content);

        var result = await WithCatalogAsync(c => c.SearchAsync(new ProcedureQuery("giam ho thu nghiem")));

        Assert.Equal("9.900005", Assert.Single(result.Items).Code);
        var client = app.CreateClient();
        var response = await client.GetAsync("/procedures/9.900005");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đăng ký giám hộ thử nghiệm", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
