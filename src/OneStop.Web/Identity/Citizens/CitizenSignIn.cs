using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OneStop.Web.Audit;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity.Citizens;

/// <summary>
/// Citizens sign in at the identity provider (VNeID, or the built-in stand-in) through OpenID
/// Connect: authorization code with PKCE. OneStop keeps only the personal ID number, the name and the
/// assurance level, in its own session cookie with the role <c>citizen</c>.
/// </summary>
internal static class CitizenSignIn
{
    public const string Scheme = "Citizen";

    public const string EntryPath = "/account/citizen-sign-in";

    public static void AddCitizenSignIn(this IServiceCollection services, CitizenSettings settings, string authority, string? clientSecret, bool demo)
    {
        services.AddAuthentication().AddOpenIdConnect(Scheme, settings.DisplayName, options =>
        {
            options.Authority = authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = clientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            // A plain redirect back (not a cross-site form post), so Lax cookies are enough.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.Scope.Clear();
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                options.Scope.Add(scope);
            }

            options.CallbackPath = settings.CallbackPath;
            options.SignInScheme = OneStopAuthentication.SessionScheme;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.MapInboundClaims = false;
            options.RequireHttpsMetadata = !demo;
            options.DisableTelemetry = true;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The handler drops some protocol claims by default; the assurance level is one OneStop keeps.
            options.ClaimActions.Remove(settings.ClaimMapping.AssuranceLevel);
            options.TokenValidationParameters.NameClaimType = settings.ClaimMapping.FullName;
            options.Events.OnTokenValidated = context => OnTokenValidatedAsync(context, settings.ClaimMapping);
            options.Events.OnRemoteFailure = OnRemoteFailureAsync;
        });
    }

    /// <summary>Replaces the provider's identity with OneStop's citizen identity, or refuses it.</summary>
    private static async Task OnTokenValidatedAsync(TokenValidatedContext context, CitizenClaimMapping mapping)
    {
        var external = context.Principal!;
        var pid = external.FindFirst(mapping.PersonalIdNumber)?.Value;
        var name = external.FindFirst(mapping.FullName)?.Value;
        var acr = external.FindFirst(mapping.AssuranceLevel)?.Value;
        var subject = external.FindFirst("sub")?.Value;
        if (!PersonalIdNumbers.IsValid(pid) || string.IsNullOrWhiteSpace(name))
        {
            // Recorded in the audit log by the remote-failure handler.
            context.Fail("The identity provider's token carries no valid personal ID number or name.");
            return;
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(OneStopClaimTypes.Subject, subject ?? pid!),
                new Claim(OneStopClaimTypes.PersonalIdNumber, pid!),
                new Claim(OneStopClaimTypes.FullName, name),
                new Claim(OneStopClaimTypes.AssuranceLevel, acr ?? AssuranceLevels.Level1),
                new Claim(OneStopClaimTypes.Role, Roles.Citizen),
            ],
            authenticationType: Scheme,
            nameType: OneStopClaimTypes.FullName,
            roleType: OneStopClaimTypes.Role);
        context.Principal = new ClaimsPrincipal(identity);
        var audit = context.HttpContext.RequestServices.GetRequiredService<IAuditTrail>();
        await audit.AppendAsync(new AuditEvent("identity.citizen-sign-in")
        {
            Actor = AuditActor.Citizen(pid!, name),
            Subject = "citizen:" + pid,
            Details = new Dictionary<string, string?> { ["acr"] = acr, ["issuer"] = context.Options.Authority },
        });
    }

    private static async Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        var audit = context.HttpContext.RequestServices.GetRequiredService<IAuditTrail>();
        await audit.AppendAsync(new AuditEvent("identity.citizen-sign-in-failed")
        {
            Details = new Dictionary<string, string?> { ["reason"] = context.Failure?.Message },
        });
        context.Response.Redirect(EntryPath + "?failed=1");
        context.HandleResponse();
    }
}

/// <summary>The personal identification number (số định danh cá nhân): 12 digits.</summary>
public static class PersonalIdNumbers
{
    /// <summary>
    /// 12 digits: 3 for the province of birth registration, 1 for century and sex (0/1 = male/female
    /// born 1900–1999, 2/3 = 2000–2099, …), 2 for the year of birth and 6 more.
    /// </summary>
    public static bool IsValid(string? value) => value is { Length: 12 } && value.All(char.IsAsciiDigit);

    /// <summary>The year of birth the number encodes.</summary>
    public static int BirthYear(string value) => 1900 + ((value[3] - '0') / 2 * 100) + int.Parse(value.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
}
