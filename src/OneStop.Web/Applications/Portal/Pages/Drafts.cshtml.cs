using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Portal.Pages;

/// <summary>The citizen's drafts, newest first, each resumable where it was left, or deleted.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class DraftsModel(ApplicationDrafts drafts) : PageModel
{
    public IReadOnlyList<ApplicationDraft> Drafts { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PortalPageSupport.CitizenOf(User) is not { } citizen)
        {
            return Forbid();
        }

        Drafts = await drafts.OfCitizenAsync(citizen.IdNumber, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid draft, CancellationToken cancellationToken)
    {
        if (PortalPageSupport.CitizenOf(User) is not { } citizen)
        {
            return Forbid();
        }

        if (await drafts.FindAsync(draft, citizen.IdNumber, cancellationToken) is { } found)
        {
            await drafts.DeleteAsync(found, cancellationToken);
        }

        return Redirect("/apply/drafts");
    }
}
