using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;
using OtpNet;

namespace OneStop.Web.Identity.Officers;

/// <summary>Puts the officer's name, province and unit in the session, so jurisdiction checks need no lookup.</summary>
internal sealed class OfficerClaimsPrincipalFactory(
    UserManager<Officer> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Officer, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Officer user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OneStopClaimTypes.FullName, user.FullName));
        identity.AddClaim(new Claim(OneStopClaimTypes.ProvinceCode, user.ProvinceCode));
        identity.AddClaim(new Claim(OneStopClaimTypes.UnitCode, user.UnitCode));
        return identity;
    }
}

/// <summary>
/// TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) as authenticator apps compute it. One step
/// of clock drift either way is accepted, and a step once used is never accepted again for the account.
/// </summary>
internal sealed class OfficerAuthenticatorTokenProvider(OneStopDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<Officer>
{
    public const string Name = "OneStopAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Officer> manager, Officer user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // An authenticator app computes the code itself; the server never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<Officer> manager, Officer user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Officer> manager, Officer user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = new string((token ?? "").Where(char.IsAsciiDigit).ToArray());
        if (string.IsNullOrWhiteSpace(key) || code.Length != 6)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        // Claim the time step atomically: of two sign-ins with the same code, only one wins.
        var claimed = await db.Set<Officer>()
            .Where(o => o.Id == user.Id && o.LastAuthenticatorTimeStep < step)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.LastAuthenticatorTimeStep, step));
        if (claimed != 1)
        {
            return false;
        }

        db.Entry(user).Property(o => o.LastAuthenticatorTimeStep).OriginalValue = step;
        user.LastAuthenticatorTimeStep = step;
        return true;
    }
}

/// <summary>
/// Checks an officer's session against the account on every request: a changed security stamp
/// ("sign out everywhere", a new password, a role change) or a locked account ends the session at once.
/// </summary>
internal static class OfficerSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !Roles.Officers.Any(principal.IsInRole))
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = principal.FindFirst(options.UserIdClaimType)?.Value;
        var stamp = principal.FindFirst(options.SecurityStampClaimType)?.Value;
        var time = services.GetRequiredService<TimeProvider>();
        var db = services.GetRequiredService<OneStopDbContext>();
        var account = id is null
            ? null
            : await db.Set<Officer>().AsNoTracking()
                .Where(o => o.Id == id)
                .Select(o => new { o.SecurityStamp, o.LockoutEnd })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);

        var valid = account is not null
            && stamp is not null
            && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal)
            && (account.LockoutEnd is null || account.LockoutEnd <= time.GetUtcNow());
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(OneStopAuthentication.SessionScheme);
        }
    }
}
