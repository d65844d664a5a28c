using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.IntegrationTests.Identity;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Identity.Demo;
using OneStop.Web.Identity.Officers;

namespace OneStop.BrowserTests.Infrastructure;

/// <summary>
/// OneStop on Kestrel at 127.0.0.1 and Debian's Chromium driven by Playwright; never a downloaded
/// browser. Screenshots go to <c>test-output/screenshots</c> at the repository root.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly OneStopAppFactory _app = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The host's services, to set up data a page test needs.</summary>
    public IServiceProvider Services => _app.Services;

    private static readonly Dictionary<(IServiceProvider Host, string Email), long> LastSteps = [];
    private static readonly Lock Steps = new();

    public static string ChromiumPath => Environment.GetEnvironmentVariable("ONESTOP_CHROMIUM") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        BaseAddress = _app.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context: with JavaScript or, as on a cheap phone, without.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>An officer signed in through the real form and authenticator code, in a fresh context of this fixture's browser.</summary>
    public Task<IPage> SignInOfficerAsync(string email, bool javaScript = true) =>
        SignInOfficerAsync(Browser, BaseAddress, Services, email, javaScript);

    /// <summary>
    /// The authenticator time step to sign in with. OneStop refuses a code used before, so a second sign-in of one
    /// account within 30 seconds (two tests sharing a demo account) takes the next step, which the server accepts,
    /// and a third waits for the clock instead of failing on a replayed code.
    /// </summary>
    private static async Task<long> NextStepAsync(IServiceProvider services, string email)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            lock (Steps)
            {
                var step = Math.Max(now, LastSteps.GetValueOrDefault((services, email), long.MinValue) + 1);
                if (step <= now + 1)
                {
                    LastSteps[(services, email)] = step;
                    return step;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Signs in through the officer form and the demo account's authenticator code.</summary>
    public static async Task<IPage> SignInOfficerAsync(IBrowser browser, Uri baseAddress, IServiceProvider services, string email, bool javaScript = true)
    {
        string key;
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Officer>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
        }

        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoAccounts.OfficerPassword);
        await page.ClickAsync("form button[type=submit]");
        await page.FillAsync("#code", Totp.Code(key, await NextStepAsync(services, email)));
        await page.ClickAsync("form button[type=submit] >> nth=0");
        Assert.Equal("/account/security", new Uri(page.Url).AbsolutePath);
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(Repository.Root, "test-output", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// Runs axe-core in the page; returns the serious and critical violations, and a title that does not say which
    /// page this is (WCAG 2.4.2), which axe cannot judge: it only checks that a title exists.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        var violations = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        var title = await page.TitleAsync();
        if (!title.EndsWith(" – OneStop", StringComparison.Ordinal) || title.Length <= " – OneStop".Length)
        {
            violations.Add($"page-titled (serious): the title \"{title}\" does not name the page at {page.Url}");
        }

        return violations;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)_app).DisposeAsync();
    }

}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
