using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Tracking.Pages;

/// <summary>The signed result PDF of the citizen's own application; anyone else's gives 404.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class ResultModel(CitizenApplications applications) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        var pid = User.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value;
        var file = string.IsNullOrEmpty(pid) ? null : await applications.ResultAsync(pid, code, id, cancellationToken);
        return file is null ? NotFound() : File(file.Pdf, "application/pdf", $"{code}-ket-qua.pdf");
    }
}
