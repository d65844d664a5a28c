using Microsoft.AspNetCore.Identity;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity.Officers;

internal sealed class OfficerDirectory(UserManager<Officer> users) : IOfficerDirectory
{
    public async Task<OfficerContact?> FindAsync(string officerId, CancellationToken cancellationToken = default)
    {
        var officer = await users.FindByIdAsync(officerId);
        if (officer is null)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(officer);
        return new OfficerContact(officer.Id, officer.FullName, officer.Email, roles.FirstOrDefault() ?? "");
    }

    public async Task<IReadOnlyList<OfficerContact>> InUnitAsync(string provinceCode, string unitCode, string role, CancellationToken cancellationToken = default)
    {
        var inRole = await users.GetUsersInRoleAsync(role);
        return inRole
            .Where(o => o.ProvinceCode == provinceCode && o.UnitCode == unitCode)
            .OrderBy(o => o.FullName, VietnameseNames.Order)
            .Select(o => new OfficerContact(o.Id, o.FullName, o.Email, role))
            .ToList();
    }
}
