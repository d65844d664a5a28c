using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Audit;
using OneStop.Web.Identity.Demo;
using OneStop.Web.Identity.Officers;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.IntegrationTests.Identity;

public sealed class SignInTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task An_officer_signs_in_with_password_and_authenticator_code()
    {
        var browser = await app.SignInOfficerAsync("tiepnhan.badinh@onestop.example");

        var me = await browser.GetFromJsonAsync<JsonElement>("/api/officers/me");
        Assert.Equal("00004", me.GetProperty("unitCode").GetString());
        Assert.Equal("01", me.GetProperty("provinceCode").GetString());
        Assert.Equal([Roles.Receptionist], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal("commune 00004 of province 01", me.GetProperty("jurisdiction").GetString());

        var page = await browser.GetStringAsync("/account/security");
        Assert.Contains("Phường Ba Đình", page);
        Assert.Contains("Cán bộ một cửa", page);
        Assert.True(await AuditedAsync("identity.sign-in", "tiepnhan.badinh@onestop.example"));
    }

    [Fact]
    public async Task A_code_already_used_is_refused_and_a_wrong_code_is_refused()
    {
        const string email = "chuyenvien.badinh@onestop.example";
        var key = await app.AuthenticatorKeyAsync(email);
        var code = app.NextCode(email, key);

        var first = app.NewBrowser();
        await IdentityAppFactory.PostFormAsync(first, "/account/sign-in", new() { ["Email"] = email, ["Password"] = DemoAccounts.OfficerPassword });
        var accepted = await IdentityAppFactory.PostFormAsync(first, "/account/two-factor", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var second = app.NewBrowser();
        await IdentityAppFactory.PostFormAsync(second, "/account/sign-in", new() { ["Email"] = email, ["Password"] = DemoAccounts.OfficerPassword });
        var replayed = await IdentityAppFactory.PostFormAsync(second, "/account/two-factor", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Mã không đúng hoặc đã hết hạn.", await replayed.Content.ReadAsStringAsync());

        var wrong = await IdentityAppFactory.PostFormAsync(second, "/account/two-factor", new() { ["Code"] = code == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/officers/me")).StatusCode);
        Assert.True(await AuditedAsync("identity.sign-in-failed", email));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var email = await NewOfficerAsync("khoa", mustChangePassword: false);
        var browser = app.NewBrowser();
        for (var i = 1; i <= 5; i++)
        {
            var failed = await IdentityAppFactory.PostFormAsync(browser, "/account/sign-in", new() { ["Email"] = email, ["Password"] = "Wrong-password-1" });
            var body = await failed.Content.ReadAsStringAsync();
            Assert.Contains(i < 5 ? "Địa chỉ thư điện tử hoặc mật khẩu không đúng." : "Tài khoản đang bị tạm khoá", body);
        }

        var locked = await IdentityAppFactory.PostFormAsync(browser, "/account/sign-in", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Tài khoản đang bị tạm khoá", await locked.Content.ReadAsStringAsync());
        Assert.True(await AuditedAsync("identity.sign-in-failed", email, "locked-out"));
    }

    [Fact]
    public async Task The_first_sign_in_forces_enrolment_with_a_QR_code_a_new_password_and_recovery_codes()
    {
        var email = await NewOfficerAsync("moi", mustChangePassword: true);
        var browser = app.NewBrowser();
        var passwordStep = await IdentityAppFactory.PostFormAsync(browser, "/account/sign-in", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal("/account/enrol-authenticator", passwordStep.Headers.Location!.OriginalString);

        // Without enrolment there is no session.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/officers/me")).StatusCode);

        var page = await browser.GetStringAsync("/account/enrol-authenticator");
        Assert.Contains("src=\"data:image/png;base64,", page);
        var key = System.Text.RegularExpressions.Regex.Match(page, "<code id=\"authenticator-key\">([a-z2-7 ]+)</code>").Groups[1].Value;
        Assert.Equal(32, key.Replace(" ", "", StringComparison.Ordinal).Length);

        // The code page cannot be used to skip enrolment and the new password.
        var skipped = await IdentityAppFactory.PostFormAsync(app.NewBrowser(), "/account/sign-in", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal("/account/enrol-authenticator", skipped.Headers.Location!.OriginalString);
        var shortcut = await browser.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30),
            ["__RequestVerificationToken"] = IdentityAppFactory.HiddenValue(page, "__RequestVerificationToken"),
        }));
        Assert.StartsWith("/account/sign-in", shortcut.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/officers/me")).StatusCode);

        const string newPassword = "Mat-khau-moi-2026";
        var weak = await IdentityAppFactory.PostFormAsync(browser, "/account/enrol-authenticator",
            new() { ["NewPassword"] = "short", ["ConfirmPassword"] = "short", ["Code"] = "123456" });
        Assert.Contains("Mật khẩu cần ít nhất 12 ký tự", await weak.Content.ReadAsStringAsync());

        var enrolled = await IdentityAppFactory.PostFormAsync(browser, "/account/enrol-authenticator",
            new() { ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword, ["Code"] = app.NextCode(email, key) });
        var done = await enrolled.Content.ReadAsStringAsync();
        Assert.Contains("Mã khôi phục", done);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(done, "<li><code>[A-Z0-9-]+</code></li>"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/officers/me")).StatusCode);

        // The one-time password is spent; the new password and the next code open a new session.
        var old = await IdentityAppFactory.PostFormAsync(app.NewBrowser(), "/account/sign-in", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var again = await app.SignInOfficerAsync(email, newPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/officers/me")).StatusCode);
        Assert.True(await AuditedAsync("identity.authenticator-enrolled", email));

        // A recovery code stands in for the phone, once.
        var recoveryCode = System.Text.RegularExpressions.Regex.Match(done, "<li><code>([A-Z0-9-]+)</code></li>").Groups[1].Value;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var lostPhone = app.NewBrowser();
            await IdentityAppFactory.PostFormAsync(lostPhone, "/account/sign-in", new() { ["Email"] = email, ["Password"] = newPassword });
            var recovered = await IdentityAppFactory.PostFormAsync(lostPhone, "/account/two-factor", new() { ["RecoveryCode"] = recoveryCode }, handler: "Recovery");
            Assert.Equal(attempt == 0 ? HttpStatusCode.Redirect : HttpStatusCode.OK, recovered.StatusCode);
            Assert.Equal(attempt == 0 ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, (await lostPhone.GetAsync("/api/officers/me")).StatusCode);
        }
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_other_sessions()
    {
        const string email = "lanhdao.badinh@onestop.example";
        var office = await app.SignInOfficerAsync(email);
        var phone = await app.SignInOfficerAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/officers/me")).StatusCode);

        var signedOut = await IdentityAppFactory.PostFormAsync(phone, "/account/security", [], handler: "SignOutEverywhere");
        Assert.Equal("/account/sign-in?signedOutEverywhere=true", signedOut.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Unauthorized, (await office.GetAsync("/api/officers/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/officers/me")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_ends_the_officers_sessions_and_is_audited()
    {
        const string email = "chuyenvien.phohien@onestop.example";
        var browser = await app.SignInOfficerAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/officers?province=33&unit=11953")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Officer>>();
            var officer = (await users.FindByEmailAsync(email))!;
            await scope.ServiceProvider.GetRequiredService<OfficerAccounts>().ChangeRoleAsync(officer, Roles.UnitLeader, AuditActor.System);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/officers/me")).StatusCode);
        var again = await app.SignInOfficerAsync(email);
        var list = await again.GetFromJsonAsync<JsonElement>("/api/officers?province=33&unit=11953");
        Assert.Contains(list.EnumerateArray(), o => o.GetProperty("email").GetString() == email
            && o.GetProperty("roles").EnumerateArray().Single().GetString() == Roles.UnitLeader);
        Assert.True(await AuditedAsync("identity.role-revoked", email, Roles.Specialist));
        Assert.True(await AuditedAsync("identity.role-granted", email, Roles.UnitLeader));
    }

    [Fact]
    public async Task The_create_admin_command_refuses_a_second_first_administrator()
    {
        using var scope = app.Services.CreateScope();
        var command = scope.ServiceProvider.GetServices<ICommand>().Single(c => c.Name == "create-admin");
        Assert.Equal(1, await command.RunAsync(scope.ServiceProvider, ["--email", "quantri2@onestop.example"], CancellationToken.None));
        Assert.Equal(0, await command.RunAsync(scope.ServiceProvider, ["--email", "quantri2@onestop.example", "--name", "Quản trị 2", "--additional"], CancellationToken.None));
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var created = await db.Set<Officer>().SingleAsync(o => o.Email == "quantri2@onestop.example");
        Assert.True(created.MustChangePassword);
        Assert.False(created.TwoFactorEnabled);
    }

    [Fact]
    public async Task The_discovery_document_is_read_by_a_standard_OpenID_Connect_library()
    {
        using var http = app.CreateClient();
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = false };
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync("http://localhost/.well-known/openid-configuration", retriever, CancellationToken.None);

        Assert.Equal("http://localhost/", configuration.Issuer);
        Assert.Equal("http://localhost/connect/authorize", configuration.AuthorizationEndpoint);
        Assert.Equal("http://localhost/connect/token", configuration.TokenEndpoint);
        Assert.NotEmpty(configuration.SigningKeys);
        Assert.Contains("code", configuration.ResponseTypesSupported);
        Assert.Equal(["S256"], configuration.CodeChallengeMethodsSupported);
        Assert.Contains("pid", configuration.ClaimsSupported);
        Assert.Contains("acr", configuration.ClaimsSupported);
    }

    [Fact]
    public async Task A_citizen_signs_in_through_OpenID_Connect_and_gets_a_citizen_session()
    {
        var browser = await app.SignInCitizenAsync("033188004321");

        var me = await browser.GetFromJsonAsync<JsonElement>("/api/account/me");
        Assert.Equal("citizen", me.GetProperty("kind").GetString());
        Assert.Equal("033188004321", me.GetProperty("personalIdNumber").GetString());
        Assert.Equal("Trần Thị Bình", me.GetProperty("fullName").GetString());
        Assert.Equal(AssuranceLevels.Level2, me.GetProperty("assuranceLevel").GetString());
        Assert.Equal([Roles.Citizen], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/officers/me")).StatusCode);
        Assert.True(await AuditedAsync("identity.citizen-sign-in", "033188004321"));
    }

    [Fact]
    public async Task A_wrong_password_at_the_provider_opens_no_session()
    {
        var browser = app.NewBrowser();
        var (login, loginUri) = await IdentityAppFactory.FollowAsync(browser, await browser.GetAsync("/account/citizen-sign-in"));
        var html = await login.Content.ReadAsStringAsync();
        var refused = await browser.PostAsync(loginUri, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PersonalIdNumber"] = "033085001234",
            ["Password"] = "not-the-password",
            ["ReturnUrl"] = WebUtility.HtmlDecode(IdentityAppFactory.HiddenValue(html, "ReturnUrl")),
            ["__RequestVerificationToken"] = IdentityAppFactory.HiddenValue(html, "__RequestVerificationToken"),
        }));
        Assert.Contains("Số định danh hoặc mật khẩu không đúng.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task The_officer_forms_mark_the_field_in_error_and_link_its_message_and_leave_the_others_alone()
    {
        var browser = app.NewBrowser();
        var empty = await (await IdentityAppFactory.PostFormAsync(browser, "/account/sign-in", new() { ["Email"] = "", ["Password"] = "" })).Content.ReadAsStringAsync();
        FormControls.AssertInError(empty, "email");
        FormControls.AssertInError(empty, "password");
        var wrong = await (await IdentityAppFactory.PostFormAsync(browser, "/account/sign-in",
            new() { ["Email"] = "chuyenvien.badinh@onestop.example", ["Password"] = "Wrong-password-1" })).Content.ReadAsStringAsync();
        FormControls.AssertInError(wrong, "email");
        FormControls.AssertNotInError(wrong, "password");

        var secondStep = app.NewBrowser();
        await IdentityAppFactory.PostFormAsync(secondStep, "/account/sign-in", new() { ["Email"] = "chuyenvien.badinh@onestop.example", ["Password"] = DemoAccounts.OfficerPassword });
        var noCode = await (await IdentityAppFactory.PostFormAsync(secondStep, "/account/two-factor", new() { ["Code"] = "" })).Content.ReadAsStringAsync();
        FormControls.AssertInError(noCode, "code");
        FormControls.AssertNotInError(noCode, "recovery-code");
        Assert.Contains("<details>", noCode, StringComparison.Ordinal);
        var noRecovery = await (await IdentityAppFactory.PostFormAsync(secondStep, "/account/two-factor", new() { ["RecoveryCode"] = "" }, handler: "Recovery")).Content.ReadAsStringAsync();
        FormControls.AssertInError(noRecovery, "recovery-code");
        FormControls.AssertNotInError(noRecovery, "code");
        // The field in error is inside the disclosure: it is opened, or the message's link would lead nowhere visible.
        Assert.Contains("<details open=\"open\">", noRecovery, StringComparison.Ordinal);

        var email = await NewOfficerAsync("loi", mustChangePassword: true);
        var enrolling = app.NewBrowser();
        await IdentityAppFactory.PostFormAsync(enrolling, "/account/sign-in", new() { ["Email"] = email, ["Password"] = Password });
        var weak = await (await IdentityAppFactory.PostFormAsync(enrolling, "/account/enrol-authenticator",
            new() { ["NewPassword"] = "short", ["ConfirmPassword"] = "short", ["Code"] = "123456" })).Content.ReadAsStringAsync();
        FormControls.AssertInError(weak, "new-password");
        Assert.Contains("new-password-hint", FormControls.Of(weak, "new-password")["aria-describedby"], StringComparison.Ordinal);
        FormControls.AssertNotInError(weak, "confirm-password");
        FormControls.AssertNotInError(weak, "code");
        var mismatched = await (await IdentityAppFactory.PostFormAsync(enrolling, "/account/enrol-authenticator",
            new() { ["NewPassword"] = "Mat-khau-moi-2026", ["ConfirmPassword"] = "Mat-khau-khac-2026", ["Code"] = "" })).Content.ReadAsStringAsync();
        FormControls.AssertInError(mismatched, "confirm-password");
        FormControls.AssertInError(mismatched, "code");
        FormControls.AssertNotInError(mismatched, "new-password");
    }

    [Fact]
    public async Task The_provider_names_each_wrong_field_at_the_field_not_only_by_colour()
    {
        var browser = app.NewBrowser();
        var (login, loginUri) = await IdentityAppFactory.FollowAsync(browser, await browser.GetAsync("/account/citizen-sign-in"));
        var html = await login.Content.ReadAsStringAsync();
        var refused = await browser.PostAsync(loginUri, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PersonalIdNumber"] = "123",
            ["Password"] = "",
            ["ReturnUrl"] = WebUtility.HtmlDecode(IdentityAppFactory.HiddenValue(html, "ReturnUrl")),
            ["__RequestVerificationToken"] = IdentityAppFactory.HiddenValue(html, "__RequestVerificationToken"),
        }));
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Contains("<span class=\"error-message\" id=\"pid-error\">Số định danh cá nhân gồm đúng 12 chữ số.</span>", page, StringComparison.Ordinal);
        FormControls.AssertInError(page, "pid");
        Assert.Contains("pid-hint", FormControls.Of(page, "pid")["aria-describedby"], StringComparison.Ordinal);
        Assert.Contains("<span class=\"error-message\" id=\"password-error\">Nhập mật khẩu.</span>", page, StringComparison.Ordinal);
        FormControls.AssertInError(page, "password");
        Assert.Contains("value=\"123\"", page, StringComparison.Ordinal);
    }

    private const string Password = "Mat-khau-tam-2026";

    private async Task<string> NewOfficerAsync(string name, bool mustChangePassword)
    {
        var email = $"{name}-{Guid.NewGuid().ToString("N")[..8]}@onestop.example";
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<OfficerAccounts>();
        await accounts.CreateAsync(
            new NewOfficer(email, "Cán bộ thử", "01", "00008", "Phường Ngọc Hà", Roles.Specialist),
            Password, null, mustChangePassword, AuditActor.System);
        return email;
    }

    private async Task<bool> AuditedAsync(string action, string who, string? detail = null)
    {
        await app.Services.GetRequiredService<AuditChainer>().ChainAllQueuedAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var officerIds = await db.Set<Officer>().Where(o => o.Email == who).Select(o => "officer:" + o.Id).ToListAsync();
        var entries = await db.Set<AuditEntry>().Where(e => e.Action == action).ToListAsync();
        return entries.Any(e =>
            (officerIds.Contains(e.Subject ?? "") || e.Subject == "citizen:" + who || (e.Details ?? "").Contains(who, StringComparison.Ordinal))
            && (detail is null || (e.Details ?? "").Contains(detail, StringComparison.Ordinal)));
    }
}
