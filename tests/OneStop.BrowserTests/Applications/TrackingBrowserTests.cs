using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Identity.Demo;

namespace OneStop.BrowserTests.Applications;

/// <summary>
/// Demo mode on Kestrel at a port chosen beforehand, so that the built-in identity provider knows its
/// own address and a citizen can sign in from the browser.
/// </summary>
public sealed class CitizenPortalAppFactory : OneStopAppFactory
{
    public int Port { get; } = FreePort();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Demo:Enabled", "true"),
        new("urls", $"http://127.0.0.1:{Port}"),
        new("RateLimiting:SignIn:PermitLimit", "100000"),
    ];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A citizen signs in, opens "my applications" and an application, then looks one up without signing in.</summary>
public sealed class TrackingBrowserTests : IAsyncLifetime
{
    private const string Citizen = "033085001234";
    private readonly CitizenPortalAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _app.UseKestrel(_app.Port);
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
    public async Task A_citizen_follows_an_application_and_anyone_looks_it_up()
    {
        string code;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().SubmitAsync(new SubmissionRequest
            {
                ProcedureCode = "1.004222",
                Channel = ApplicationChannel.Online,
                ApplicantIdNumber = Citizen,
                ApplicantName = "Nguyễn Văn An",
                CommuneCode = "00004",
                Values = new Dictionary<string, string?>
                {
                    ["personIdNumber"] = Citizen,
                    ["personFullName"] = "Nguyễn Văn An",
                    ["personDateOfBirth"] = "1985-03-12",
                    ["phone"] = "0912345678",
                    ["newCommune"] = "00004",
                    ["newAddress"] = "Số 12 phố Đội Cấn",
                    ["homeBasis"] = "owner",
                },
                SubmittedBy = StepActor.Citizen(Citizen, "Nguyễn Văn An"),
            });
            Assert.True(result.Succeeded);
            code = result.Application!.Code;
        }

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = $"http://127.0.0.1:{_app.Port}/",
            JavaScriptEnabled = true,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/citizen-sign-in");
        await page.FillAsync("#pid", Citizen);
        await page.FillAsync("#password", DemoAccounts.CitizenPassword);
        await page.ClickAsync("form button[type=submit]");

        await page.GotoAsync("/my-applications");
        Assert.Equal("Hồ sơ của tôi", await page.InnerTextAsync("h1"));
        Assert.Contains("Mới", await page.InnerTextAsync($"tr:has(a:text('{code}'))"), StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "my-applications");

        await page.ClickAsync($"a:text('{code}')");
        Assert.EndsWith($"/my-applications/{code}", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Nộp hồ sơ", await page.InnerTextAsync("#history"), StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "my-application-detail");

        // axe-core runs as a script, so these contexts allow scripts; the pages themselves use none.
        var visitor = await (await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = $"http://127.0.0.1:{_app.Port}/",
            JavaScriptEnabled = true,
            Locale = "vi-VN",
        })).NewPageAsync();
        await visitor.GotoAsync("/applications/lookup");
        await visitor.FillAsync("#code", code);
        await visitor.FillAsync("#idNumber", Citizen);
        await visitor.ClickAsync("form button[type=submit]");
        Assert.Contains("Mới", await visitor.InnerTextAsync("#lookup-result"), StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(visitor));
        await BrowserFixture.ScreenshotAsync(visitor, "application-lookup");

        await visitor.FillAsync("#idNumber", "12");
        await visitor.ClickAsync("form button[type=submit]");
        Assert.Contains("12 chữ số", await visitor.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(visitor));
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
