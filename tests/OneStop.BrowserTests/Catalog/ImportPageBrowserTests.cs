using System.Text;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests.Catalog;

[Collection(BrowserCollection.Name)]
public sealed class ImportPageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_province_administrator_sends_procedure_files_and_the_page_stays_accessible()
    {
        // With JavaScript: Playwright cannot choose a file in a page that runs none. The form itself is plain HTML, and
        // the integration tests (ImportPageTests) post it as a browser without JavaScript does.
        var page = await browser.SignInOfficerAsync("quantri.hanoi@onestop.example");
        await page.GotoAsync("/procedures");
        await page.ClickAsync("a[href='/procedures/import']");
        Assert.Contains("Nhập thủ tục từ tệp", await page.InnerTextAsync("h1"));
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));

        // A file with problems: refused, each problem listed, nothing published.
        await page.SetInputFilesAsync("#definition", new FilePayload
        {
            Name = "thieu.yaml",
            MimeType = "application/yaml",
            Buffer = Encoding.UTF8.GetBytes("code: \"9.999997\"\nname:\n  vi: Thiếu mọi thứ\n"),
        });
        await page.ClickAsync("form button[type=submit]");
        Assert.Contains("lỗi nên chưa được nhập", await page.InnerTextAsync(".error-summary"));
        Assert.True(await page.Locator("#problems-heading + p + table tbody tr").CountAsync() > 0);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "procedure-import-problems");

        // The repository's own file again: checked, and nothing changes (the other browser tests keep their versions).
        var shipped = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "src/OneStop.Web/Catalog/Procedures/2.000815-chung-thuc-ban-sao.yaml"));
        await page.SetInputFilesAsync("#definition", new FilePayload { Name = "2.000815-chung-thuc-ban-sao.yaml", MimeType = "application/yaml", Buffer = shipped });
        await page.ClickAsync("form button[type=submit]");
        Assert.Contains("không có gì thay đổi", await page.InnerTextAsync("[role=status]"));
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "procedure-import-unchanged");
        await page.Context.CloseAsync();
    }
}
