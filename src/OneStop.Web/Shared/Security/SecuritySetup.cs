using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace OneStop.Web.Shared.Security;

public static class SecuritySetup
{
    public static IServiceCollection AddOneStopSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "onestop.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/account/sign-in";
                options.AccessDeniedPath = "/error/403";
                options.Events.OnRedirectToLogin = context => RespondToApiWithStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RespondToApiWithStatus(context, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Citizen, p => p.RequireRole(Roles.Citizen))
            .AddPolicy(Policies.Officer, p => p.RequireRole([.. Roles.Officers]))
            .AddPolicy(Policies.Receptionist, p => p.RequireRole(Roles.Receptionist))
            .AddPolicy(Policies.Specialist, p => p.RequireRole(Roles.Specialist))
            .AddPolicy(Policies.UnitLeader, p => p.RequireRole(Roles.UnitLeader))
            .AddPolicy(Policies.ProvinceAdministrator, p => p.RequireRole(Roles.ProvinceAdministrator))
            .AddPolicy(Policies.SystemAdministrator, p => p.RequireRole(Roles.SystemAdministrator));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "onestop.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        return services;
    }

    /// <summary>An API caller gets a status code, never a redirect to a sign-in page.</summary>
    private static Task RespondToApiWithStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
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
