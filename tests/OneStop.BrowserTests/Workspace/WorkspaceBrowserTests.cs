using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.IntegrationTests.Applications;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;

namespace OneStop.BrowserTests.Workspace;

/// <summary>
/// Three officers of Phường Ba Đình process an application in a real browser: the receptionist
/// receives and assigns it, the specialist assesses it, the leader approves and signs the result.
/// </summary>
public sealed class WorkspaceBrowserTests : IAsyncLifetime
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
    public async Task A_receptionist_receives_a_specialist_assesses_and_a_leader_approves_with_a_signed_result()
    {
        var code = await SubmitAsync();

        var receptionist = await SignInAsync("tiepnhan.badinh@onestop.example");
        await receptionist.GotoAsync("/workspace");
        Assert.Equal("Hồ sơ cần xử lý", await receptionist.InnerTextAsync("h1"));
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(receptionist));
        await BrowserFixture.ScreenshotAsync(receptionist, "workspace-queue");
        await receptionist.ClickAsync($"a:text('{code}')");
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(receptionist));

        // The answers An's form took from the population registry, read again and found the same.
        await receptionist.ClickAsync("button:text-is('Đối chiếu')");
        Assert.Equal(3, await receptionist.Locator("#cross-check tbody tr[data-outcome='matches']").CountAsync());
        Assert.Contains("không có thông tin nào khác", await receptionist.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(receptionist));
        await BrowserFixture.ScreenshotAsync(receptionist, "workspace-cross-check");

        // Receiving from the page the cross-check left receives, and does not cross-check again.
        await receptionist.SelectOptionAsync("#assign-receive", new SelectOptionValue { Label = "Trần Văn Minh" });
        await receptionist.ClickAsync("form[aria-labelledby='action-receive'] button[type=submit]");
        Assert.Equal("Được tiếp nhận", await receptionist.InnerTextAsync("#status"));
        Assert.Equal("Trần Văn Minh", await receptionist.InnerTextAsync("#assignee"));
        await BrowserFixture.ScreenshotAsync(receptionist, "workspace-received");

        await receptionist.GotoAsync("/workspace/counter?procedure=" + SampleAnswers.PermanentResidence);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(receptionist));

        var specialist = await SignInAsync("chuyenvien.badinh@onestop.example");
        await specialist.GotoAsync("/workspace?queue=mine");
        await specialist.ClickAsync($"a:text('{code}')");
        await specialist.ClickAsync("form[aria-labelledby='action-assess'] button[type=submit]");
        Assert.Equal("Chờ Trưởng Công an xã phê duyệt", await specialist.InnerTextAsync("#state"));

        var leader = await SignInAsync("lanhdao.badinh@onestop.example");
        await leader.GotoAsync("/workspace");
        await leader.ClickAsync($"a:text('{code}')");
        await leader.ClickAsync("form[aria-labelledby='action-approve'] button[type=submit]");
        Assert.Equal("Đã xử lý xong", await leader.InnerTextAsync("#status"));
        var results = await leader.InnerTextAsync("#results");
        Assert.Contains("Chữ ký số hợp lệ", results, StringComparison.Ordinal);
        Assert.Contains("Ký bởi Lê Quang Huy", results, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(leader, "workspace-approved");

        await leader.GotoAsync($"/workspace/applications/{code}/control-sheet");
        Assert.Equal(3, await leader.Locator("tbody tr").CountAsync());
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(leader));
        await BrowserFixture.ScreenshotAsync(leader, "workspace-control-sheet");
    }

    private async Task<string> SubmitAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
        var result = await intake.SubmitAsync(new SubmissionRequest
        {
            ProcedureCode = SampleAnswers.PermanentResidence,
            Channel = ApplicationChannel.Online,
            ApplicantIdNumber = "033085001234",
            ApplicantName = "Nguyễn Văn An",
            CommuneCode = SampleAnswers.BaDinh,
            Values = SampleAnswers.For(SampleAnswers.PermanentResidence),
            SubmittedBy = StepActor.Citizen("033085001234", "Nguyễn Văn An"),
        });
        Assert.True(result.Succeeded);
        return result.Application!.Code;
    }

    /// <summary>Signs in through the officer form and the authenticator code; JavaScript stays on for axe.</summary>
    private Task<IPage> SignInAsync(string email) =>
        BrowserFixture.SignInOfficerAsync(_browser!, _app.ClientOptions.BaseAddress, _app.Services, email);

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
