using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests.Shared;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_home_page_works_with_and_without_JavaScript_and_switches_to_English(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/");
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Dịch vụ công của tỉnh, ở một nơi", await page.InnerTextAsync("h1"));
        await BrowserFixture.ScreenshotAsync(page, $"home-{(javaScript ? "js" : "nojs")}");

        await page.ClickAsync("text=English");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("The province's public services, in one place", await page.InnerTextAsync("h1"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_home_page_has_no_serious_accessibility_violation()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }
}
