using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Audit;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity.Pages;

/// <summary>Signs out of this browser. Open to everyone: signing out when already out just says so.</summary>
[AllowAnonymous]
public sealed class SignOutModel(IAuditTrail audit) : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet()
    {
        SignedOut = User.Identity?.IsAuthenticated != true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.AppendAsync(new AuditEvent("identity.sign-out")
            {
                ProvinceCode = User.FindFirst(OneStopClaimTypes.ProvinceCode)?.Value,
                UnitCode = User.FindFirst(OneStopClaimTypes.UnitCode)?.Value,
            });
            await HttpContext.SignOutAsync(OneStopAuthentication.SessionScheme);
        }

        SignedOut = true;
        return Page();
    }
}
