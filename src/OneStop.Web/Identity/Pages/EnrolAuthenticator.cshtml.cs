using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Web.Audit;
using OneStop.Web.Identity.Officers;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;
using QRCoder;

namespace OneStop.Web.Identity.Pages;

/// <summary>
/// An officer's first sign-in: scan the QR code (or type the key) into an authenticator app, prove it
/// with a code, and, for an account made with a one-time password, choose a password of one's own.
/// </summary>
[AllowAnonymous]
public sealed class EnrolAuthenticatorModel(
    SignInManager<Officer> signInManager,
    UserManager<Officer> users,
    OneStopDbContext db,
    IAuditTrail audit,
    IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    public string Key { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    /// <summary>The image's size in pixels: whole pixels per module keep the code sharp for cameras.</summary>
    public int QrCodeSize { get; private set; }

    public bool MustChangePassword { get; private set; }

    /// <summary>Shown once, after a successful enrolment.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string ContinueUrl => PageSupport.LocalOr(ReturnUrl, PageSupport.OfficerHome);

    public async Task<IActionResult> OnGetAsync()
    {
        var officer = await PageSupport.PendingEnrolmentAsync(HttpContext, users);
        if (officer is null)
        {
            return LocalRedirect(PageSupport.WithReturnUrl("/account/sign-in", ReturnUrl));
        }

        await ShowKeyAsync(officer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var officer = await PageSupport.PendingEnrolmentAsync(HttpContext, users);
        if (officer is null)
        {
            return LocalRedirect(PageSupport.WithReturnUrl("/account/sign-in", ReturnUrl));
        }

        if (await users.IsLockedOutAsync(officer))
        {
            Errors.Add(("code", text["Tài khoản đang bị tạm khoá vì đăng nhập sai nhiều lần. Vui lòng thử lại sau."]));
            await ShowKeyAsync(officer);
            return Page();
        }

        if (officer.MustChangePassword)
        {
            await CheckNewPasswordAsync(officer);
        }

        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6)
        {
            Errors.Add(("code", text["Nhập mã gồm 6 chữ số đang hiện trong ứng dụng xác thực."]));
        }

        if (Errors.Count > 0)
        {
            await ShowKeyAsync(officer);
            return Page();
        }

        if (!await users.VerifyTwoFactorTokenAsync(officer, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(officer);
            await PageSupport.AuditFailedSignInAsync(audit, HttpContext, officer, "wrong-enrolment-code");
            Errors.Add(("code", text["Mã không đúng hoặc đã hết hạn."]));
            await ShowKeyAsync(officer);
            return Page();
        }

        // Password, second factor, recovery codes and audit entries: all or nothing.
        IEnumerable<string>? codes;
        await using (var transaction = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted))
        {
            if (officer.MustChangePassword)
            {
                officer.PasswordHash = users.PasswordHasher.HashPassword(officer, NewPassword!);
                officer.MustChangePassword = false;
            }

            await users.ResetAccessFailedCountAsync(officer);
            await users.SetTwoFactorEnabledAsync(officer, true);
            codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(officer, 10);
            await audit.AppendAsync(new AuditEvent("identity.authenticator-enrolled")
            {
                Actor = AuditActor.Officer(officer.Id, officer.FullName),
                Subject = "officer:" + officer.Id,
                ProvinceCode = officer.ProvinceCode,
                UnitCode = officer.UnitCode,
            });
            await PageSupport.AuditSignInAsync(audit, HttpContext, officer, "enrolment");
            await transaction.CommitAsync(HttpContext.RequestAborted);
        }

        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signInManager.SignInWithClaimsAsync(officer, isPersistent: false,
            [new System.Security.Claims.Claim(OneStopClaimTypes.AuthenticationMethod, OneStopAuthentication.MultiFactor)]);
        RecoveryCodes = codes?.ToList() ?? [];
        return Page();
    }

    private async Task CheckNewPasswordAsync(Officer officer)
    {
        if (string.IsNullOrEmpty(NewPassword))
        {
            Errors.Add(("new-password", text["Đặt mật khẩu mới cho tài khoản."]));
            return;
        }

        if (NewPassword != ConfirmPassword)
        {
            Errors.Add(("confirm-password", text["Hai lần nhập mật khẩu mới không khớp."]));
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, officer, NewPassword);
            if (!result.Succeeded)
            {
                Errors.Add(("new-password", text["Mật khẩu cần ít nhất {0} ký tự, gồm chữ hoa, chữ thường, chữ số và ký tự đặc biệt.", users.Options.Password.RequiredLength]));
                return;
            }
        }
    }

    private async Task ShowKeyAsync(Officer officer)
    {
        var key = await users.GetAuthenticatorKeyAsync(officer);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(officer);
            key = await users.GetAuthenticatorKeyAsync(officer);
        }

        MustChangePassword = officer.MustChangePassword;
        Key = FormatKey(key!);
        var uri = string.Format(
            CultureInfo.InvariantCulture,
            "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6&period=30",
            Uri.EscapeDataString("OneStop"),
            Uri.EscapeDataString(officer.Email ?? officer.Id),
            key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        const int pixelsPerModule = 5;
        QrCodeSize = data.ModuleMatrix.Count * pixelsPerModule;
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(pixelsPerModule));
    }

    private static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }
}
