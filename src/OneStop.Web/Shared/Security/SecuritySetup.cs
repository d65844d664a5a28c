using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace OneStop.Web.Shared.Security;

/// <summary>The names of OneStop's authentication schemes that every capability may rely on.</summary>
public static class OneStopAuthentication
{
    /// <summary>
    /// The session cookie of every signed-in user, officer or citizen. It is ASP.NET Core Identity's
    /// application scheme so that the officers' sign-in manager writes it directly.
    /// </summary>
    public const string SessionScheme = "Identity.Application";

    public const string SessionCookieName = "onestop.auth";

    /// <summary>How an officer's session is marked as signed in with password and authenticator.</summary>
    public const string MultiFactor = "mfa";
}

public static class SecuritySetup
{
    public static IServiceCollection AddOneStopSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOneStopKeyRing(configuration);
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = OneStopAuthentication.SessionScheme;
                options.DefaultChallengeScheme = OneStopAuthentication.SessionScheme;
            })
            .AddCookie(OneStopAuthentication.SessionScheme, options =>
            {
                options.Cookie.Name = OneStopAuthentication.SessionCookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over HTTPS; the demo on plain http://127.0.0.1 still works.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.IsEssential = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/account/sign-in";
                options.LogoutPath = "/account/sign-out";
                options.AccessDeniedPath = "/error/403";
                options.ReturnUrlParameter = "returnUrl";
                options.Events.OnRedirectToLogin = context => RespondToApiWithStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RespondToApiWithStatus(context, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Citizen, p => p.RequireAuthenticatedUser().RequireRole(Roles.Citizen))
            .AddPolicy(Policies.Officer, p => OfficerPolicy(p, Policies.Officer))
            .AddPolicy(Policies.Receptionist, p => OfficerPolicy(p, Policies.Receptionist))
            .AddPolicy(Policies.Specialist, p => OfficerPolicy(p, Policies.Specialist))
            .AddPolicy(Policies.UnitLeader, p => OfficerPolicy(p, Policies.UnitLeader))
            .AddPolicy(Policies.ProvinceAdministrator, p => OfficerPolicy(p, Policies.ProvinceAdministrator))
            .AddPolicy(Policies.SystemAdministrator, p => OfficerPolicy(p, Policies.SystemAdministrator))
            .AddPolicy(Policies.UnitManagement, p => OfficerPolicy(p, Policies.UnitManagement))
            .AddPolicy(Policies.InJurisdiction, p => p.RequireAuthenticatedUser().AddRequirements(new JurisdictionRequirement()));
        services.AddSingleton<IAuthorizationHandler, JurisdictionAuthorizationHandler>();

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentOfficer, CurrentOfficer>();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "onestop.af";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddOneStopRateLimiting();
        return services;
    }

    /// <summary>An officer policy: one of its roles, and a session opened with the second factor.</summary>
    private static void OfficerPolicy(AuthorizationPolicyBuilder policy, string name) =>
        policy.RequireAuthenticatedUser()
            .RequireRole([.. Policies.RolesOf[name]])
            .RequireClaim(OneStopClaimTypes.AuthenticationMethod, OneStopAuthentication.MultiFactor);

    /// <summary>An API caller gets a status code, never a redirect to a sign-in page.</summary>
    private static Task RespondToApiWithStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
