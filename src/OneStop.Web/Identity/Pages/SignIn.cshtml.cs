using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Web.Audit;
using OneStop.Web.Identity.Officers;

namespace OneStop.Web.Identity.Pages;

[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<Officer> signInManager,
    UserManager<Officer> users,
    IAuditTrail audit,
    CitizenSignInAvailability citizens,
    IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOutEverywhere { get; set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    public CitizenSignInAvailability Citizens => citizens;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            Errors.Add(("email", text["Nhập địa chỉ thư điện tử của bạn."]));
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add(("password", text["Nhập mật khẩu."]));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var officer = await users.FindByEmailAsync(Email!.Trim());
        if (officer is null)
        {
            // Spend the same effort as for a real account, so timing tells nothing about which addresses exist.
            users.PasswordHasher.VerifyHashedPassword(new Officer(), DummyHash.Value, Password!);
            await PageSupport.AuditFailedSignInAsync(audit, HttpContext, null, "unknown-account", Email.Trim());
            Errors.Add(("email", text["Địa chỉ thư điện tử hoặc mật khẩu không đúng."]));
            return Page();
        }

        Microsoft.AspNetCore.Identity.SignInResult result;
        if (!officer.TwoFactorEnabled)
        {
            result = await signInManager.CheckPasswordSignInAsync(officer, Password!, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await PageSupport.StartEnrolmentAsync(HttpContext, officer);
                return LocalRedirect(PageSupport.WithReturnUrl("/account/enrol-authenticator", ReturnUrl));
            }
        }
        else
        {
            result = await signInManager.PasswordSignInAsync(officer, Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.RequiresTwoFactor)
            {
                return LocalRedirect(PageSupport.WithReturnUrl("/account/two-factor", ReturnUrl));
            }

            if (result.Succeeded)
            {
                // Cannot happen while the second factor is on; never let a session through without it.
                await signInManager.SignOutAsync();
                throw new InvalidOperationException("An officer was signed in without the second factor.");
            }
        }

        if (result.IsLockedOut)
        {
            await PageSupport.AuditFailedSignInAsync(audit, HttpContext, officer, "locked-out");
            Errors.Add(("email", text["Tài khoản đang bị tạm khoá vì đăng nhập sai nhiều lần. Vui lòng thử lại sau."]));
            return Page();
        }

        await PageSupport.AuditFailedSignInAsync(audit, HttpContext, officer, "wrong-password");
        Errors.Add(("email", text["Địa chỉ thư điện tử hoặc mật khẩu không đúng."]));
        return Page();
    }

    private static class DummyHash
    {
        public static readonly string Value = new PasswordHasher<Officer>().HashPassword(new Officer(), Guid.NewGuid().ToString());
    }
}
