using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Catalog.Definitions;

namespace OneStop.Web.Catalog.Pages;

/// <summary>One procedure on one page: what to bring, what it costs, how long it takes, where, and how to apply.</summary>
[AllowAnonymous]
public sealed class ProcedureModel(IProcedureCatalog catalog) : PageModel
{
    public PublishedProcedure Published { get; private set; } = null!;

    public ProcedureDefinition Definition => Published.Definition;

    /// <summary>Documents the applicant brings (every one asked of everybody, not proven by a registry).</summary>
    public IReadOnlyList<DocumentRequirement> ToBring => [.. Definition.Documents.Where(d => d.Required && d.ReplacedBy is null)];

    /// <summary>Documents asked only in some cases.</summary>
    public IReadOnlyList<DocumentRequirement> Sometimes => [.. Definition.Documents.Where(d => !d.Required && d.ReplacedBy is null)];

    /// <summary>Documents a registry proves, so the officer looks them up instead of asking.</summary>
    public IReadOnlyList<DocumentRequirement> Replaced => [.. Definition.Documents.Where(d => d.ReplacedBy is not null)];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!ProcedureCatalog.CodePattern().IsMatch(code))
        {
            return NotFound();
        }

        var published = await catalog.GetCurrentAsync(code, cancellationToken);
        if (published is null)
        {
            return NotFound();
        }

        Published = published;
        return Page();
    }
}
