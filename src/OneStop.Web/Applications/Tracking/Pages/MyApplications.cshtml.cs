using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Applications.Portal;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Tracking.Pages;

/// <summary>"Hồ sơ của tôi": the signed-in citizen's applications, newest first, and the way back to unsent drafts.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class MyApplicationsModel(CitizenApplications applications, ApplicationDrafts drafts) : PageModel
{
    public IReadOnlyList<MyApplicationRow> Rows { get; private set; } = [];

    public bool HasIdentityNumber { get; private set; }

    public int DraftCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pid = User.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value;
        HasIdentityNumber = !string.IsNullOrEmpty(pid);
        if (HasIdentityNumber)
        {
            Rows = await applications.ListAsync(pid!, cancellationToken);
            DraftCount = await drafts.CountOfCitizenAsync(pid!, cancellationToken);
        }
    }
}
