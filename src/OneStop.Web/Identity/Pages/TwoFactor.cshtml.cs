using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Web.Audit;
using OneStop.Web.Identity.Officers;

namespace OneStop.Web.Identity.Pages;

/// <summary>The second step of an officer's sign-in: the code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
public sealed class TwoFactorModel(
    SignInManager<Officer> signInManager,
    IAuditTrail audit,
    IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await PendingOfficerAsync() is null ? RestartSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var officer = await PendingOfficerAsync();
        if (officer is null)
        {
            return RestartSignIn();
        }

        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6)
        {
            Errors.Add(("code", text["Nhập mã gồm 6 chữ số đang hiện trong ứng dụng xác thực."]));
            return Page();
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return await OutcomeAsync(officer, result, "authenticator", "code");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        var officer = await PendingOfficerAsync();
        if (officer is null)
        {
            return RestartSignIn();
        }

        var recovery = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (recovery.Length == 0)
        {
            Errors.Add(("recovery-code", text["Nhập một mã khôi phục."]));
            return Page();
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(recovery);
        return await OutcomeAsync(officer, result, "recovery-code", "recovery-code");
    }

    private async Task<IActionResult> OutcomeAsync(Officer officer, Microsoft.AspNetCore.Identity.SignInResult result, string method, string field)
    {
        if (result.Succeeded)
        {
            await PageSupport.AuditSignInAsync(audit, HttpContext, officer, method);
            return LocalRedirect(PageSupport.LocalOr(ReturnUrl, PageSupport.OfficerHome));
        }

        if (result.IsLockedOut)
        {
            await PageSupport.AuditFailedSignInAsync(audit, HttpContext, officer, "locked-out");
            Errors.Add((field, text["Tài khoản đang bị tạm khoá vì đăng nhập sai nhiều lần. Vui lòng thử lại sau."]));
            return Page();
        }

        await PageSupport.AuditFailedSignInAsync(audit, HttpContext, officer, "wrong-" + method);
        Errors.Add((field, text["Mã không đúng hoặc đã hết hạn."]));
        return Page();
    }

    /// <summary>
    /// The officer between password and code. One still enrolling (no second factor yet, perhaps a
    /// one-time password to replace) may not finish here: only the enrolment page completes that sign-in.
    /// </summary>
    private async Task<Officer?> PendingOfficerAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is { TwoFactorEnabled: true, MustChangePassword: false } officer ? officer : null;

    private IActionResult RestartSignIn() => LocalRedirect(PageSupport.WithReturnUrl("/account/sign-in", ReturnUrl));
}
