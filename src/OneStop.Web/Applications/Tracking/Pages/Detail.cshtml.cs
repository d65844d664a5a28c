using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Tracking.Pages;

/// <summary>One of the signed-in citizen's applications: status, history, files, signed results, and the steps open to them.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class DetailModel(CitizenApplications applications) : PageModel
{
    public ApplicationDetail? Detail { get; private set; }

    /// <summary>Which step the citizen has just taken (shown as a confirmation).</summary>
    [BindProperty(SupportsGet = true, Name = "recorded")]
    public string? Recorded { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var pid = User.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value;
        Detail = string.IsNullOrEmpty(pid) ? null : await applications.DetailAsync(pid, code, cancellationToken);
        return Detail is null ? NotFound() : Page();
    }
}
