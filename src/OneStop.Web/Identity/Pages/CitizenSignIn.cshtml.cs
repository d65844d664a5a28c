using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Identity.Citizens;

namespace OneStop.Web.Identity.Pages;

/// <summary>The citizens' way in: straight to the identity provider, or an explanation when that failed.</summary>
[AllowAnonymous]
public sealed class CitizenSignInModel(CitizenSignInAvailability availability) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Failed { get; set; }

    public CitizenSignInAvailability Availability => availability;

    public IActionResult OnGet()
    {
        if (!availability.Available || Failed)
        {
            return Page();
        }

        return Challenge(
            new AuthenticationProperties { RedirectUri = PageSupport.LocalOr(ReturnUrl, "/") },
            CitizenSignIn.Scheme);
    }
}
