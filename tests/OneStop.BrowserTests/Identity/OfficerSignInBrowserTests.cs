using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.IntegrationTests.Identity;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Identity.Demo;
using OneStop.Web.Identity.Officers;

namespace OneStop.BrowserTests.Identity;

/// <summary>An officer signs in as a person would: the form, then the code from the authenticator app.</summary>
public sealed class OfficerSignInBrowserTests : IAsyncLifetime
{
    private readonly OneStopAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    [Fact]
    public async Task An_officer_signs_in_with_an_authenticator_code_without_JavaScript()
    {
        const string email = "lanhdao.phohien@onestop.example";
        string key;
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Officer>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
        }

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.ClientOptions.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoAccounts.OfficerPassword);
        await page.ClickAsync("form button[type=submit]");

        Assert.EndsWith("/account/two-factor", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30));
        await BrowserFixture.ScreenshotAsync(page, "officer-two-factor");
        await page.ClickAsync("form button[type=submit] >> nth=0");

        Assert.Equal("/account/security", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Tài khoản của tôi", await page.InnerTextAsync("h1"));
        Assert.Contains("Phường Phố Hiến", await page.InnerTextAsync("main"));
        await BrowserFixture.ScreenshotAsync(page, "officer-account");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_has_no_serious_accessibility_violation()
    {
        // axe runs as a script, so this page is checked with JavaScript on.
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.ClientOptions.BaseAddress.ToString(), Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)_app).DisposeAsync();
    }
}
