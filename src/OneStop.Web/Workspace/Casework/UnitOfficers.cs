using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Identity.Officers;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Workspace.Casework;

/// <summary>An officer as the workspace names them: to assign work to, or to sign as.</summary>
public sealed record UnitOfficer(string Id, string FullName, string UnitCode, string UnitName);

/// <summary>
/// The officers of a unit in a role, read from the officer accounts: an application is assigned only
/// to a specialist who really works in its unit, never to a name typed in.
/// </summary>
public sealed class UnitOfficers(OneStopDbContext db)
{
    public async Task<IReadOnlyList<UnitOfficer>> InRoleAsync(string unitCode, string role, CancellationToken cancellationToken = default)
    {
        var officers = await (
                from officer in db.Set<Officer>()
                join link in db.Set<IdentityUserRole<string>>() on officer.Id equals link.UserId
                join r in db.Set<IdentityRole>() on link.RoleId equals r.Id
                where officer.UnitCode == unitCode && r.Name == role
                select new UnitOfficer(officer.Id, officer.FullName, officer.UnitCode, officer.UnitName))
            .ToListAsync(cancellationToken);
        return [.. officers.OrderBy(o => o.FullName, VietnameseNames.Order)];
    }

    public async Task<UnitOfficer?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        await db.Set<Officer>().Where(o => o.Id == id)
            .Select(o => new UnitOfficer(o.Id, o.FullName, o.UnitCode, o.UnitName))
            .SingleOrDefaultAsync(cancellationToken);
}
