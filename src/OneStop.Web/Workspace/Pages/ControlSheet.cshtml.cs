using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Documents.Templates;
using OneStop.Web.Shared.Security;
using OneStop.Web.Workspace.Casework;
using OneStop.Web.Workspace.Sheets;

namespace OneStop.Web.Workspace.Pages;

/// <summary>The process control sheet of one application: every hand-over, its due moment and whether it was on time.</summary>
[Authorize(Policy = Policies.Officer)]
[OfficerAccess(Roles.Receptionist, Roles.Specialist, Roles.UnitLeader, Roles.ProvinceAdministrator, Roles.SystemAdministrator,
    ExampleRequest = "/workspace/applications/00004-260101-9999/control-sheet")]
public sealed class WorkspaceControlSheetModel(OfficerCasework casework, CaseSheets sheets) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string Code { get; set; } = "";

    public ProcessControlSheetData Sheet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (access, file) = await casework.OpenAsync(Code, cancellationToken);
        if (file is null)
        {
            return access == CaseAccess.OutsideJurisdiction ? Forbid() : NotFound();
        }

        Sheet = sheets.ControlSheet(file, System.Globalization.CultureInfo.CurrentUICulture);
        return Page();
    }
}
