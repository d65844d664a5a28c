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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_citizen_finds_a_procedure_from_the_home_page(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/");
        await page.FillAsync("#home-q", "ket hon");
        await page.ClickAsync("form[role=search] button[type=submit]");

        Assert.Equal("Thủ tục hành chính", await page.InnerTextAsync("h1"));
        Assert.Equal("ket hon", await page.InputValueAsync("#q"));
        await page.ClickAsync("main .card h3 a");
        Assert.Contains("kết hôn", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_a_small_phone_the_navigation_opens_from_one_button(bool javaScript)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "vi-VN",
            ViewportSize = new() { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        Assert.False(await page.IsVisibleAsync(".nav-wide"));
        Assert.False(await page.IsVisibleAsync(".nav-narrow >> text=Tra cứu hồ sơ"));
        var header = await page.EvaluateAsync<double>("document.querySelector('header').getBoundingClientRect().height");
        Assert.True(header < 200, $"the header takes {header}px of a 740px screen");
        if (javaScript)
        {
            // axe runs as a script, so only where scripts run; the page is the same without.
            Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        }

        await BrowserFixture.ScreenshotAsync(page, $"home-phone-{(javaScript ? "js" : "nojs")}");

        await page.ClickAsync(".nav-narrow summary");
        await page.ClickAsync(".nav-narrow >> text=Tra cứu hồ sơ");
        Assert.Equal("Tra cứu hồ sơ", await page.InnerTextAsync("h1"));
        await context.CloseAsync();
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
