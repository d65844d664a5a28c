using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests.Catalog;

[Collection(BrowserCollection.Name)]
public sealed class CatalogBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_citizen_searches_without_diacritics_and_reaches_the_procedure_page(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/");
        await page.ClickAsync("nav.main-nav .nav-wide >> text=Thủ tục hành chính");
        Assert.Equal("Thủ tục hành chính", await page.InnerTextAsync("h1"));

        await page.FillAsync("#q", "dang ky khai sinh");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("q=dang+ky+khai+sinh", page.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, $"catalog-search-{(javaScript ? "js" : "nojs")}");

        await page.ClickAsync("text=Đăng ký khai sinh");
        Assert.EndsWith("/procedures/1.001193", page.Url, StringComparison.Ordinal);
        Assert.Equal("Đăng ký khai sinh", await page.InnerTextAsync("h1"));
        var apply = page.Locator("a.button", new() { HasTextString = "Nộp hồ sơ trực tuyến" }).First;
        Assert.Equal("/apply/1.001193", await apply.GetAttributeAsync("href"));
        Assert.True(await page.Locator("#not-needed").IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, $"catalog-procedure-{(javaScript ? "js" : "nojs")}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Filtering_by_level_works_without_JavaScript()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/procedures");
        await page.SelectOptionAsync("#level", "province");
        await page.ClickAsync("button[type=submit]");

        var results = page.Locator("ol.cards > li");
        Assert.Equal(1, await results.CountAsync());
        Assert.Contains("Cấp Phiếu lý lịch tư pháp", await results.First.InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/procedures")]
    [InlineData("/procedures?q=khai+sinh")]
    [InlineData("/procedures/1.001193")]
    [InlineData("/procedures/2.000815")]
    public async Task The_catalogue_pages_have_no_serious_accessibility_violation(string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);

        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_procedure_page_reads_well_on_a_small_phone_in_English()
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            ViewportSize = new() { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/procedures/1.004222");
        await page.ClickAsync("text=English");

        Assert.Equal("Permanent residence registration", await page.InnerTextAsync("h1"));
        await BrowserFixture.ScreenshotAsync(page, "catalog-procedure-phone-en");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var wide = await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 361).slice(0, 8).map(e => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right) + ':' + (e.textContent || '').slice(0, 40)).join(' | ')");
        Assert.True(width <= 360, $"the page is {width}px wide on a 360px screen: {wide}");
        await context.CloseAsync();
    }
}
