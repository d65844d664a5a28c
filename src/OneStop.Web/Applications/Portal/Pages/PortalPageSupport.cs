using System.Security.Claims;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Portal.Pages;

/// <summary>An error as the error summary shows it: the message and the field it links to.</summary>
public sealed record ShownError(string Link, string Message);

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
}
