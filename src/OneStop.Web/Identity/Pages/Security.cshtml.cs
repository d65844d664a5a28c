using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Audit;
using OneStop.Web.Identity.Officers;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity.Pages;

/// <summary>An officer's own account: unit, roles, jurisdiction, and "sign out everywhere".</summary>
[Authorize(Policy = Policies.Officer)]
[OfficerAccess(Roles.Receptionist, Roles.Specialist, Roles.UnitLeader, Roles.ProvinceAdministrator, Roles.SystemAdministrator)]
public sealed class SecurityModel(
    UserManager<Officer> users,
    SignInManager<Officer> signInManager,
    ICurrentOfficer current,
    IAuditTrail audit) : PageModel
{
    public Officer Officer { get; private set; } = null!;

    public ICurrentOfficer Current => current;

    public async Task<IActionResult> OnGetAsync()
    {
        var officer = await users.GetUserAsync(User);
        if (officer is null)
        {
            return Forbid();
        }

        Officer = officer;
        return Page();
    }

    /// <summary>A new security stamp ends every session of the account, on every device, at its next request.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var officer = await users.GetUserAsync(User);
        if (officer is null)
        {
            return Forbid();
        }

        await users.UpdateSecurityStampAsync(officer);
        await audit.AppendAsync(new AuditEvent("identity.signed-out-everywhere")
        {
            Subject = "officer:" + officer.Id,
            ProvinceCode = officer.ProvinceCode,
            UnitCode = officer.UnitCode,
        });
        await signInManager.SignOutAsync();
        return LocalRedirect("/account/sign-in?signedOutEverywhere=true");
    }
}
