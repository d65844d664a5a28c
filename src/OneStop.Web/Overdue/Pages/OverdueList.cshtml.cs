using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Overdue.Pages;

/// <summary>The overdue applications of the officer's jurisdiction, with the way to apologise and set a new appointment.</summary>
[Authorize(Policy = Policies.Officer)]
[OfficerAccess(Roles.Receptionist, Roles.Specialist, Roles.UnitLeader, Roles.ProvinceAdministrator, Roles.SystemAdministrator)]
public sealed class OverdueListModel(ApologyService apologies, ICurrentOfficer officer, OneStopDbContext db) : PageModel
{
    public IReadOnlyList<OverdueApplication> Applications { get; private set; } = [];

    /// <summary>The officer's own unit, whose applications they may apologise for.</summary>
    public string? OwnUnit { get; private set; }

    public bool MayIssue { get; private set; }

    /// <summary>Recent deadline notices that reached no one by e-mail (no officer address known): they wait here.</summary>
    public IReadOnlyList<OverdueNotice> Unsent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Applications = await apologies.ListAsync(officer.Jurisdiction, cancellationToken);
        OwnUnit = officer.UnitCode;
        MayIssue = ApologyService.MayIssue(User);
        Unsent = await db.OverdueNotices.AsNoTracking()
            .WithinJurisdiction(officer.Jurisdiction)
            .Where(n => n.Messages == 0)
            .OrderByDescending(n => n.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
    }
}
