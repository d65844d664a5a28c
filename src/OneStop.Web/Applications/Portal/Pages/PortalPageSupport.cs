using System.Security.Claims;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Pages;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Portal.Pages;

internal static class PortalPageSupport
{
    /// <summary>The signed-in citizen, or null for an account without a personal ID number.</summary>
    public static Citizen? CitizenOf(ClaimsPrincipal user)
    {
        var pid = user.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value;
        var name = user.FindFirst(OneStopClaimTypes.FullName)?.Value;
        return string.IsNullOrEmpty(pid) ? null : new Citizen(pid, name ?? pid);
    }

    public static ShownError Shown(FieldError error, string link) =>
        new(link, error.Message.Current);

    /// <summary>The name of the commune, ward or special zone in force today with this code, to confirm a typed code.</summary>
    public static string? CommuneName(IAdministrativeUnitDirectory units, TimeProvider clock, string? code) =>
        string.IsNullOrWhiteSpace(code) ? null
            : units.Find(code.Trim(), DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime)) is { Level: UnitLevel.Commune } unit
                ? unit.FullName : null;
}
