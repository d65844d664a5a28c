using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests.Calendar;

[Collection(BrowserCollection.Name)]
public sealed class CalendarPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_calendar_page_works_without_JavaScript()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/calendar?province=01&year=2026");
        Assert.Equal("Lịch làm việc, ngày nghỉ lễ, tết", await page.InnerTextAsync("h1"));

        // Choose another province and year with the plain form.
        await page.SelectOptionAsync("#province", "79");
        await page.FillAsync("#year", "2025");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("province=79", page.Url);
        Assert.Contains("Thành phố Hồ Chí Minh", await page.InnerTextAsync("main h2"));
        Assert.Contains("28/01/2025", await page.InnerTextAsync("table"));
        await BrowserFixture.ScreenshotAsync(page, "calendar-2025-79");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_calendar_page_has_no_serious_accessibility_violation()
    {
        // axe runs as a script, so this page has JavaScript.
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/calendar?province=01&year=2026");
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));

        await page.GotoAsync("/calendar?province=99&year=abc");
        Assert.Contains("Mã tỉnh không hợp lệ", await page.InnerTextAsync(".error-summary"));
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }
}
