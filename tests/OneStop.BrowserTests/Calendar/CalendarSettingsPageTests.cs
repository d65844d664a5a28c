using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests.Calendar;

[Collection(BrowserCollection.Name)]
public sealed class CalendarSettingsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_province_administrator_changes_working_hours_without_JavaScript_and_bad_hours_get_a_Vietnamese_message()
    {
        var page = await browser.SignInOfficerAsync("quantri.hungyen@onestop.example", javaScript: false);
        await page.GotoAsync("/calendar/settings?province=33");
        Assert.Contains("Giờ làm việc và ngày nghỉ lễ", await page.InnerTextAsync("h1"));

        // Afternoon ending before it starts: refused, explained, nothing saved.
        await page.FillAsync("#AfternoonEnd", "12:00");
        await page.ClickAsync("form button[type=submit]");
        Assert.Contains("/calendar/settings", page.Url);
        var summary = await page.InnerTextAsync(".error-summary");
        Assert.False(string.IsNullOrWhiteSpace(summary));
        await BrowserFixture.ScreenshotAsync(page, "calendar-settings-error");

        await page.GotoAsync("/calendar/settings?province=33");
        Assert.NotEqual("12:00", await page.InputValueAsync("#AfternoonEnd"));

        await page.FillAsync("#MorningStart", "07:00");
        await page.ClickAsync("form button[type=submit]");
        Assert.Contains("saved=true", page.Url);
        Assert.Equal("07:00", await page.InputValueAsync("#MorningStart"));
        await BrowserFixture.ScreenshotAsync(page, "calendar-settings-saved");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_calendar_settings_page_has_no_serious_accessibility_violation()
    {
        var page = await browser.SignInOfficerAsync("quantri.hanoi@onestop.example");
        await page.GotoAsync("/calendar/settings?province=01");
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));

        await page.FillAsync("#MorningEnd", "06:00");
        await page.ClickAsync("form button[type=submit]");
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }
}
