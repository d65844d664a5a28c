using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Applications.Model;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Shared.Pages;

namespace OneStop.Web.Applications.Portal.Pages;

/// <summary>A page of the citizen's way through a draft application (the form's pages, the files, the check).</summary>
public abstract class DraftPageModel(ApplicationDrafts drafts) : PageModel
{
    public ApplicationDraft Draft { get; private set; } = null!;

    /// <summary>The procedure as the draft was started under: a draft keeps its version.</summary>
    public ProcedureDefinition Definition { get; private set; } = null!;

    public List<ShownError> Errors { get; } = [];

    public Dictionary<string, string> FieldErrors { get; } = [];

    protected ApplicationDrafts Drafts => drafts;

    /// <summary>
    /// Opens the signed-in citizen's draft of the procedure <paramref name="code"/>; null when it is theirs, otherwise
    /// the answer to give (someone else's draft is as unknown as one that does not exist).
    /// </summary>
    protected async Task<IActionResult?> OpenDraftAsync(string code, Guid draft, CancellationToken cancellationToken)
    {
        if (PortalPageSupport.CitizenOf(User) is not { } citizen)
        {
            return Forbid();
        }

        if (await drafts.FindAsync(draft, citizen.IdNumber, cancellationToken) is not { } found || found.ProcedureCode != code)
        {
            return NotFound();
        }

        Draft = found;
        Definition = (await drafts.ProcedureOfAsync(found, cancellationToken)).Definition;
        return null;
    }
}
