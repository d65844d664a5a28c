using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Loading;
using OneStop.Web.Catalog.Pages;

namespace OneStop.IntegrationTests.Catalog;

/// <summary>A catalogue longer than a page, as a province's is once it imports its procedures.</summary>
public sealed class CatalogPagingTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_next_page_link_shows_the_next_procedures()
    {
        var shipped = CatalogSeeder.ShippedFiles().Single(f => f.Name.StartsWith("1.001193", StringComparison.Ordinal)).Content;
        var extra = ProceduresModel.PageSize + 3;
        using (var scope = app.Services.CreateScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<IProcedureImporter>();
            for (var i = 0; i < extra; i++)
            {
                var code = "9.8" + i.ToString("00000", CultureInfo.InvariantCulture);
                await importer.ImportAsync(
                    shipped.Replace("code: \"1.001193\"", $"code: \"{code}\"", StringComparison.Ordinal)
                        .Replace("  vi: Đăng ký khai sinh\n", $"  vi: Thủ tục thử {i:00}\n", StringComparison.Ordinal),
                    ProcedureFileFormat.Yaml,
                    "Quản trị tỉnh");
            }
        }

        var client = app.CreateClient();
        var first = await client.GetStringAsync("/procedures?q=" + Uri.EscapeDataString("thủ tục thử"));
        Assert.Contains("Trang 1 trên 2.", first, StringComparison.Ordinal);
        Assert.Contains("/procedures/9.800000\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("/procedures/9.800022\"", first, StringComparison.Ordinal);

        var second = await client.GetStringAsync("/procedures?q=" + Uri.EscapeDataString("thủ tục thử") + "&page=2");
        Assert.Contains("Trang 2 trên 2.", second, StringComparison.Ordinal);
        Assert.Contains("/procedures/9.800022\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain("/procedures/9.800000\"", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);

        var beyond = await client.GetStringAsync("/procedures?q=" + Uri.EscapeDataString("thủ tục thử") + "&page=99");
        Assert.Contains("Trang 2 trên 2.", beyond, StringComparison.Ordinal);
        Assert.Contains("/procedures/9.800022\"", beyond, StringComparison.Ordinal);
    }
}
