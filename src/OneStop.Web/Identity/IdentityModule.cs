using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Web.Identity.Citizens;
using OneStop.Web.Identity.Demo;
using OneStop.Web.Identity.Officers;
using OneStop.Web.Identity.Provider;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity;

public static class IdentityModule
{
    public static IServiceCollection AddIdentityAndAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(IdentitySettings.Section).Get<IdentitySettings>() ?? new IdentitySettings();
        if (string.IsNullOrWhiteSpace(settings.Citizen.ClientSecret))
        {
            settings.Citizen.ClientSecret = null;
        }
        var demo = DemoMode.From(configuration).Enabled;
        services.AddSingleton(settings);
        services.AddSingleton(settings.Citizen);
        services.AddSingleton(settings.Provider);
        services.AddSingleton(settings.Officers);

        AddOfficers(services, settings.Officers);

        var builtInProvider = settings.Provider.Enabled ?? demo;
        var ownAddress = OwnAddress(configuration);
        var authority = !string.IsNullOrWhiteSpace(settings.Citizen.Authority)
            ? settings.Citizen.Authority
            : builtInProvider ? ownAddress : null;
        services.AddSingleton(new CitizenSignInAvailability(authority is not null, builtInProvider, settings.Citizen.DisplayName));
        if (builtInProvider)
        {
            if (settings.Provider.RedirectUris.Count == 0)
            {
                var callback = settings.Citizen.CallbackPath.TrimStart('/');
                settings.Provider.RedirectUris.Add(ownAddress + callback);
                settings.Provider.RedirectUris.Add(ownAddress.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + callback);
            }

            services.AddBuiltInProvider(settings.Provider, demo);
            var secret = new BuiltInClientSecret(settings.Citizen.ClientSecret ?? ProviderSetup.NewClientSecret());
            settings.Citizen.ClientSecret = secret.Value;
            services.AddSingleton(secret);
            services.AddSingleton<IDataSeeder, ProviderClientSeeder>();
        }

        if (authority is not null)
        {
            services.AddCitizenSignIn(settings.Citizen, authority, settings.Citizen.ClientSecret, demo);
        }

        services.AddSingleton<IDataSeeder, RoleSeeder>();
        if (demo)
        {
            services.AddSingleton<DemoAccountsBanner>();
            services.AddSingleton<IStartupBannerContributor>(sp => sp.GetRequiredService<DemoAccountsBanner>());
            services.AddSingleton<IDataSeeder, DemoAccountsSeeder>();
        }

        services.AddSingleton<ICommand, CreateAdminCommand>();
        return services;
    }

    private static void AddOfficers(IServiceCollection services, OfficerSettings settings)
    {
        services.AddIdentityCore<Officer>(options =>
            {
                options.ClaimsIdentity.UserIdClaimType = OneStopClaimTypes.Subject;
                options.ClaimsIdentity.UserNameClaimType = "preferred_username";
                options.ClaimsIdentity.RoleClaimType = OneStopClaimTypes.Role;
                options.ClaimsIdentity.EmailClaimType = "email";
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = settings.RequiredPasswordLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = settings.MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.LockoutMinutes);
                options.Tokens.AuthenticatorTokenProvider = OfficerAuthenticatorTokenProvider.Name;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<OneStopDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<OfficerClaimsPrincipalFactory>()
            .AddTokenProvider<OfficerAuthenticatorTokenProvider>(OfficerAuthenticatorTokenProvider.Name);
        services.Replace(ServiceDescriptor.Scoped<IUserStore<Officer>, OfficerUserStore>());

        // The session cookie itself is set up in Shared/Security; these are the sign-in manager's helpers.
        services.AddAuthentication()
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, options =>
            {
                options.Cookie.Name = "onestop.2fa";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme, options => options.Cookie.Name = "onestop.2fa-remember")
            .AddCookie(IdentityConstants.ExternalScheme, options => options.Cookie.Name = "onestop.external");

        services.PostConfigure<CookieAuthenticationOptions>(OneStopAuthentication.SessionScheme, options =>
        {
            var previous = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                await previous(context);
                await OfficerSessionValidator.ValidateAsync(context);
            };
        });

        services.AddScoped<OfficerAccounts>();
        services.AddScoped<IOfficerDirectory, OfficerDirectory>();
    }

    /// <summary>OneStop's own address (first of <c>urls</c>), with a trailing slash.</summary>
    private static string OwnAddress(IConfiguration configuration)
    {
        var first = (configuration["urls"] ?? OneStop.Web.Shared.Hosting.HostingSetup.DefaultUrls).Split(';', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        return first.TrimEnd('/') + "/";
    }

    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<BuiltInClientSecret>() is not null)
        {
            app.MapBuiltInProvider();
        }

        app.MapOfficersApi();
        return app;
    }
}

/// <summary>Whether citizens can sign in here, and with what.</summary>
public sealed record CitizenSignInAvailability(bool Available, bool BuiltInProvider, string DisplayName);

/// <summary>Creates the officer roles on every start; safe to run again.</summary>
internal sealed class RoleSeeder : IDataSeeder
{
    public int Order => 100;

    public Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<OfficerAccounts>().EnsureRolesAsync();
}
