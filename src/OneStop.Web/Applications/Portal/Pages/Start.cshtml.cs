using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Applications.Model;
using OneStop.Web.Catalog;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Portal.Pages;

/// <summary>The start of applying online: what the citizen will be asked, and their drafts of this procedure.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class StartModel(IProcedureCatalog catalog, ApplicationDrafts drafts) : PageModel
{
    public PublishedProcedure Procedure { get; private set; } = null!;

    public IReadOnlyList<ApplicationDraft> Drafts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var citizen = PortalPageSupport.CitizenOf(User);
        if (citizen is null)
        {
            return Forbid();
        }

        if (await catalog.GetCurrentAsync(code, cancellationToken) is not { Definition.OffersOnline: true } procedure)
        {
            return NotFound();
        }

        Procedure = procedure;
        Drafts = [.. (await drafts.OfCitizenAsync(citizen.IdNumber, cancellationToken)).Where(d => d.ProcedureCode == code)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var citizen = PortalPageSupport.CitizenOf(User);
        if (citizen is null)
        {
            return Forbid();
        }

        if (await catalog.GetCurrentAsync(code, cancellationToken) is not { Definition.OffersOnline: true } procedure)
        {
            return NotFound();
        }

        var draft = await drafts.StartAsync(citizen, procedure, cancellationToken);
        return Redirect($"/apply/{code}/form/{draft.CurrentPage}?draft={draft.Id}");
    }
}
