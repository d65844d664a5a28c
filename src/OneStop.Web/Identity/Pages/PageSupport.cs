using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OneStop.Web.Audit;
using OneStop.Web.Identity.Officers;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity.Pages;

/// <summary>What the sign-in pages share: the pending sign-in between password and second factor, and their audit entries.</summary>
internal static class PageSupport
{
    private const string EnrolmentClaim = "onestop:enrol";

    /// <summary>Where an officer lands after signing in when no (local) return address was given.</summary>
    public const string OfficerHome = "/account/security";

    public static string LocalOr(string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : fallback;

    /// <summary>The Vietnamese name of a role (a key of <see cref="IdentityText"/>).</summary>
    public static string RoleName(string role) => role switch
    {
        Roles.Receptionist => "Cán bộ một cửa",
        Roles.Specialist => "Chuyên viên",
        Roles.UnitLeader => "Lãnh đạo đơn vị",
        Roles.ProvinceAdministrator => "Quản trị cấp tỉnh",
        Roles.SystemAdministrator => "Quản trị hệ thống",
        Roles.Citizen => "Người dân",
        _ => role,
    };

    /// <summary>A jurisdiction in words: {0} is the province code, {1} the commune code.</summary>
    public static string JurisdictionText(JurisdictionLevel level) => level switch
    {
        JurisdictionLevel.Everything => "Toàn hệ thống",
        JurisdictionLevel.Province => "Toàn tỉnh (mã tỉnh {0}): mọi xã, phường và các sở, ngành của tỉnh",
        JurisdictionLevel.Commune => "Xã, phường mã {1} (tỉnh {0})",
        _ => "Không có",
    };

    public static string WithReturnUrl(string path, string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? path : path + QueryString.Create("returnUrl", returnUrl);

    /// <summary>The password was right and the officer has no authenticator yet: only enrolment may follow.</summary>
    public static Task StartEnrolmentAsync(HttpContext context, Officer officer) =>
        context.SignInAsync(
            IdentityConstants.TwoFactorUserIdScheme,
            new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, officer.Id), new Claim(EnrolmentClaim, "true")],
                IdentityConstants.TwoFactorUserIdScheme)));

    public static async Task<Officer?> PendingEnrolmentAsync(HttpContext context, UserManager<Officer> users)
    {
        var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (pending.Principal?.FindFirst(EnrolmentClaim) is null || pending.Principal.FindFirst(ClaimTypes.Name)?.Value is not { } id)
        {
            return null;
        }

        var officer = await users.FindByIdAsync(id);
        return officer is { TwoFactorEnabled: false } ? officer : null;
    }

    public static Task AuditSignInAsync(IAuditTrail audit, HttpContext context, Officer officer, string method) =>
        audit.AppendAsync(new AuditEvent("identity.sign-in")
        {
            Actor = AuditActor.Officer(officer.Id, officer.FullName),
            Subject = "officer:" + officer.Id,
            ProvinceCode = officer.ProvinceCode,
            UnitCode = officer.UnitCode,
            Details = new Dictionary<string, string?> { ["method"] = method, ["client"] = context.Connection.RemoteIpAddress?.ToString() },
        });

    public static Task AuditFailedSignInAsync(IAuditTrail audit, HttpContext context, Officer? officer, string reason, string? email = null) =>
        audit.AppendAsync(new AuditEvent("identity.sign-in-failed")
        {
            Actor = officer is null ? AuditActor.Anonymous : AuditActor.Officer(officer.Id, officer.FullName),
            Subject = officer is null ? null : "officer:" + officer.Id,
            ProvinceCode = officer?.ProvinceCode,
            UnitCode = officer?.UnitCode,
            Details = new Dictionary<string, string?>
            {
                ["reason"] = reason,
                ["email"] = officer is null ? email : null,
                ["client"] = context.Connection.RemoteIpAddress?.ToString(),
            },
        });
}
