using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OneStop.Web.Identity.Citizens;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Web.Identity.Provider.Pages;

/// <summary>The built-in identity provider's own sign-in page (it plays the part of VNeID's).</summary>
[AllowAnonymous]
public sealed class ProviderSignInModel(OneStopDbContext db, IServiceProvider services, IStringLocalizer<IdentityText> text) : PageModel
{
    private static readonly string DummyHash = new PasswordHasher<ProviderCitizen>().HashPassword(new ProviderCitizen(), Guid.NewGuid().ToString());

    [BindProperty]
    public string? PersonalIdNumber { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    private bool Enabled => services.GetService<BuiltInClientSecret>() is not null;

    public IActionResult OnGet() => Enabled ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Enabled)
        {
            return NotFound();
        }

        var pid = (PersonalIdNumber ?? "").Trim();
        if (!PersonalIdNumbers.IsValid(pid))
        {
            Errors.Add(("pid", text["Số định danh cá nhân gồm đúng 12 chữ số."]));
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add(("password", text["Nhập mật khẩu."]));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var citizen = await db.Set<ProviderCitizen>().AsNoTracking().SingleOrDefaultAsync(c => c.PersonalIdNumber == pid, HttpContext.RequestAborted);
        var hasher = new PasswordHasher<ProviderCitizen>();
        var verified = hasher.VerifyHashedPassword(citizen ?? new ProviderCitizen(), citizen?.PasswordHash ?? DummyHash, Password!);
        if (citizen is null || verified == PasswordVerificationResult.Failed)
        {
            Errors.Add(("pid", text["Số định danh hoặc mật khẩu không đúng."]));
            return Page();
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(Claims.Subject, citizen.Id.ToString()),
                new Claim(OneStopClaimTypes.PersonalIdNumber, citizen.PersonalIdNumber),
                new Claim(Claims.Name, citizen.FullName),
                new Claim(Claims.AuthenticationContextReference, citizen.AssuranceLevel),
            ],
            ProviderSetup.ProviderScheme);
        await HttpContext.SignInAsync(ProviderSetup.ProviderScheme, new ClaimsPrincipal(identity));

        // Only back into an authorization request: the page is no open redirector.
        var target = ReturnUrl is not null && ReturnUrl.StartsWith(ProviderSetup.AuthorizePath + "?", StringComparison.Ordinal) ? ReturnUrl : "/";
        return LocalRedirect(target);
    }
}
