using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.IntegrationTests.Applications;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Identity.Demo;

namespace OneStop.BrowserTests.Applications;

/// <summary>
/// OneStop in demo mode on a fixed local port, so that the built-in identity provider's address
/// (the citizen sign-in authority) is the address the browser uses.
/// </summary>
public sealed class CitizenHost : OneStopAppFactory
{
    public CitizenHost()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}/";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Demo:Enabled", "true"),
        new("Identity:Citizen:Authority", Address),
        new("Identity:Provider:RedirectUris:0", Address + "signin-citizen"),
        new("RateLimiting:SignIn:PermitLimit", "100000"),
        new("RateLimiting:Api:PermitLimit", "100000"),
    ];
}

/// <summary>
/// A citizen finds a procedure in the catalogue, signs in, answers the form page by page, uploads a
/// document, checks the answers, submits and gets the receipt: once with JavaScript and once without,
/// as on a cheap phone. Every citizen page is screenshotted and checked with axe-core.
/// </summary>
public sealed class ApplyBrowserTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private readonly CitizenHost _app = new();
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
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
    }

    public static TheoryData<string, string, string, string, bool> Walks => new()
    {
        { SampleAnswers.PermanentResidence, "dang ky thuong tru", "033085001234", SampleAnswers.BaDinh, true },
        { SampleAnswers.CriminalRecord, "ly lich tu phap", "033188004321", SampleAnswers.PhoHien, false },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task A_citizen_goes_from_the_catalogue_to_the_receipt(string procedure, string search, string idNumber, string commune, bool javaScript)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.Address,
            JavaScriptEnabled = javaScript,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        var name = $"apply-{procedure}-{(javaScript ? "js" : "nojs")}";
        var step = 0;
        async Task CheckAsync(string what)
        {
            await BrowserFixture.ScreenshotAsync(page, $"{name}-{++step:00}-{what}");
            Assert.Empty(await SeriousViolationsAsync(page, javaScript));
        }

        await page.GotoAsync("/procedures");
        await page.FillAsync("#q", search);
        await page.ClickAsync("main button[type=submit]");
        await page.ClickAsync($"ol.cards a[href='/procedures/{procedure}']");
        await page.Locator("a.button", new() { HasTextString = "Nộp hồ sơ trực tuyến" }).First.ClickAsync();

        // Not signed in: the sign-in page offers the citizen's identity provider.
        await page.ClickAsync("section[aria-labelledby=citizen-heading] a.button");
        await page.FillAsync("#pid", idNumber);
        await page.FillAsync("#password", DemoAccounts.CitizenPassword);
        await page.ClickAsync("form button[type=submit]");
        Assert.Equal($"/apply/{procedure}", new Uri(page.Url).AbsolutePath);
        await CheckAsync("start");
        await page.ClickAsync("form button[type=submit]");

        var answers = SampleAnswers.For(procedure, idNumber, commune: commune);
        while (new Uri(page.Url).AbsolutePath.Contains("/form/", StringComparison.Ordinal))
        {
            await CheckAsync("form-" + new Uri(page.Url).AbsolutePath.Split('/')[^1]);
            foreach (var (key, value) in answers)
            {
                await AnswerAsync(page, key, value!);
            }

            await page.ClickAsync("button[value=next]");
            Assert.Equal(0, await page.Locator(".error-summary").CountAsync());
        }

        Assert.Equal($"/apply/{procedure}/files", new Uri(page.Url).AbsolutePath);
        await CheckAsync("files");
        if (await page.Locator("#file-lawful-home-proof").CountAsync() > 0)
        {
            await page.SetInputFilesAsync("#file-lawful-home-proof", new FilePayload { Name = "so-do.pdf", MimeType = "application/pdf", Buffer = Pdf });
        }

        await page.ClickAsync("button[value=next]");
        Assert.Equal($"/apply/{procedure}/check", new Uri(page.Url).AbsolutePath);
        await CheckAsync("check");
        await page.FillAsync("#communeCode", commune);
        await page.FillAsync("#email", "citizen@example.vn");
        await page.ClickAsync("#submit button[type=submit]");

        Assert.Matches(@"^/applications/[0-9A-Z-]+/receipt$", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Đã gửi hồ sơ", await page.InnerTextAsync("h1"));
        Assert.Matches(@"\d{2}/\d{2}/\d{4}", await page.InnerTextAsync("#appointment"));
        await CheckAsync("receipt");
        await context.CloseAsync();
    }

    private static async Task AnswerAsync(IPage page, string key, string value)
    {
        var radios = page.Locator($"input[type=radio][name='{key}']");
        if (await radios.CountAsync() > 0)
        {
            await page.CheckAsync($"#{key}-{value}");
            return;
        }

        var field = page.Locator($"[name='{key}']");
        if (await field.CountAsync() == 0)
        {
            return;
        }

        if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            if (string.IsNullOrEmpty(await field.InputValueAsync()))
            {
                await field.SelectOptionAsync(value);
            }

            return;
        }

        // A value the registry gave is kept: the citizen declares it only once.
        if (string.IsNullOrEmpty(await field.InputValueAsync()))
        {
            await field.FillAsync(value);
        }
    }

    /// <summary>axe is a script: a page seen without JavaScript is checked again, the same way, in a context with it.</summary>
    private async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, bool javaScript)
    {
        if (javaScript)
        {
            return await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        }

        var state = await page.Context.StorageStateAsync();
        var checking = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.Address, Locale = "vi-VN", StorageState = state });
        var copy = await checking.NewPageAsync();
        await copy.GotoAsync(page.Url);
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(copy);
        await checking.CloseAsync();
        return violations;
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
