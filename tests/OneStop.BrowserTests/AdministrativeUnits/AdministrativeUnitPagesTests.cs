using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests.AdministrativeUnits;

[Collection(BrowserCollection.Name)]
public sealed class AdministrativeUnitPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_unit_browser_changes_date_with_a_plain_form(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/units?at=2026-05-01");
        Assert.Equal("Đơn vị hành chính", await page.InnerTextAsync("h1"));
        Assert.Equal(34, await page.Locator("table tbody tr").CountAsync());

        await page.FillAsync("#at", "2025-06-30");
        await page.ClickAsync("button:has-text('Xem')");
        Assert.Contains("at=2025-06-30", page.Url, StringComparison.Ordinal);
        Assert.Equal("63 tỉnh, thành phố có hiệu lực ngày 30/06/2025", await page.InnerTextAsync("#provinces-title"));
        Assert.Equal(63, await page.Locator("table tbody tr").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, $"units-browser-{(javaScript ? "js" : "nojs")}");

        await page.FillAsync("#q", "yen hoa");
        await page.ClickAsync("button:has-text('Tìm')");
        Assert.Contains("Phường Yên Hoà, Quận Cầu Giấy, Thành phố Hà Nội", await page.InnerTextAsync(".search-results li:first-child"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_new_ward_shows_what_it_was_formed_from_and_leads_to_the_old_wards(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/units/01?at=2026-05-01");
        await page.ClickAsync("table a:text-is('Phường Ba Đình')");
        Assert.Equal("Phường Ba Đình", await page.InnerTextAsync("h1"));
        var formedFrom = await page.InnerTextAsync("section[aria-labelledby=formed-title]");
        Assert.Contains("Phường Trúc Bạch", formedFrom);
        Assert.Contains("toàn bộ", formedFrom);
        Assert.Contains("một phần", formedFrom);
        await BrowserFixture.ScreenshotAsync(page, $"units-ward-{(javaScript ? "js" : "nojs")}");

        await page.ClickAsync("section[aria-labelledby=formed-title] a:has-text('Phường Ngọc Hà')");
        Assert.Equal("Phường Ngọc Hà", await page.InnerTextAsync("h1"));
        Assert.Contains("Quận Ba Đình", await page.InnerTextAsync("dl.summary"));
        Assert.Contains("Sau sắp xếp ngày 01/07/2025", await page.InnerTextAsync("main"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_citizen_converts_an_old_address_and_learns_of_a_split(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/units/convert");
        Assert.Equal("Chuyển đổi địa chỉ cũ", await page.InnerTextAsync("h1"));
        await page.FillAsync("#province", "Hà Nội");
        await page.FillAsync("#district", "ba dinh");
        await page.FillAsync("#commune", "Cống Vị");
        await page.ClickAsync("button:has-text('Chuyển đổi')");

        var result = await page.InnerTextAsync("section[aria-labelledby=result-title]");
        Assert.Contains("Đơn vị cũ đã được chia cho 2 xã, phường mới", result);
        Assert.Contains("Phường Ngọc Hà, Thành phố Hà Nội", result);
        Assert.Contains("Phường Giảng Võ, Thành phố Hà Nội", result);
        await BrowserFixture.ScreenshotAsync(page, $"units-convert-split-{(javaScript ? "js" : "nojs")}");

        await page.FillAsync("#commune", "Trúc Bạch");
        await page.ClickAsync("button:has-text('Chuyển đổi')");
        Assert.Contains("Phường Ba Đình, Thành phố Hà Nội", await page.InnerTextAsync(".notice-success"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_ambiguous_old_commune_is_explained_in_Vietnamese_beside_its_field(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/units/convert");
        await page.FillAsync("#province", "Hà Nội");
        await page.FillAsync("#commune", "Đông Xuân");
        await page.ClickAsync("button:has-text('Chuyển đổi')");

        Assert.StartsWith("Lỗi:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Có 2 đơn vị cấp xã tên \"Đông Xuân\"", await page.InnerTextAsync(".error-summary"));
        Assert.Equal("true", await page.GetAttributeAsync("#commune", "aria-invalid"));
        Assert.Contains("commune-error", await page.GetAttributeAsync("#commune", "aria-describedby"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, $"units-convert-error-{(javaScript ? "js" : "nojs")}");

        await page.ClickAsync(".error-summary a");
        Assert.EndsWith("#commune", page.Url, StringComparison.Ordinal);

        // Choosing one of the namesakes is the person's choice, not a guess.
        await page.ClickAsync("#commune-choices a:has-text('Huyện Sóc Sơn')");
        Assert.Contains("Xã Sóc Sơn, Thành phố Hà Nội", await page.InnerTextAsync(".notice-success"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/units?at=2026-05-01&q=ba+dinh")]
    [InlineData("/units/01?at=2026-05-01")]
    [InlineData("/units/001?at=2025-06-30")]
    [InlineData("/units/00007?at=2026-05-01")]
    [InlineData("/units/convert?province=01&district=001&commune=00007")]
    [InlineData("/units/convert?province=H%C3%A0+N%E1%BB%99i&district=&commune=%C4%90%C3%B4ng+Xu%C3%A2n")]
    [InlineData("/units?at=not-a-date")]
    public async Task The_unit_pages_have_no_serious_accessibility_violation(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }
}
