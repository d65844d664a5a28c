using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Web.Identity.Provider;

/// <summary>
/// The built-in OpenID Connect provider (authorization code with PKCE) that stands in for the
/// national digital identity in the demo. OneStop signs citizens in through it exactly as it would
/// through VNeID: as a client, over the standard protocol.
/// </summary>
internal static class ProviderSetup
{
    /// <summary>The provider's own short session, between its sign-in page and the authorization response.</summary>
    public const string ProviderScheme = "IdentityProvider";

    public const string SignInPath = "/identity-provider/sign-in";

    public const string AuthorizePath = "/connect/authorize";

    public const string TokenPath = "/connect/token";

    public static void AddBuiltInProvider(this IServiceCollection services, ProviderSettings settings, bool demo)
    {
        services.AddAuthentication().AddCookie(ProviderScheme, options =>
        {
            options.Cookie.Name = "onestop.idp";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(10);
            options.SlidingExpiration = false;
            options.LoginPath = SignInPath;
            options.ReturnUrlParameter = "returnUrl";
        });

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<OneStopDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                    .SetTokenEndpointUris(TokenPath.TrimStart('/'));
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // Only S256: "plain" would show the verifier to whoever sees the authorization request.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                server.RegisterClaims(Claims.Subject, OneStopClaimTypes.PersonalIdNumber, Claims.Name, Claims.AuthenticationContextReference);
                server.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));
                server.SetIdentityTokenLifetime(TimeSpan.FromMinutes(10));
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(10));

                if (demo)
                {
                    server.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
                }
                else
                {
                    server.AddEncryptionCertificate(LoadCertificate(settings.EncryptionCertificatePath, settings.EncryptionCertificatePassword, "Encryption"))
                        .AddSigningCertificate(LoadCertificate(settings.SigningCertificatePath, settings.SigningCertificatePassword, "Signing"));
                }

                var aspNetCore = server.UseAspNetCore().EnableAuthorizationEndpointPassthrough();
                if (demo)
                {
                    // Only the demo runs on plain http://127.0.0.1; production demands HTTPS.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
    }

    private static X509Certificate2 LoadCertificate(string? path, string? password, string purpose)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The built-in identity provider runs outside demo mode but Identity:Provider:{purpose}CertificatePath " +
                $"('{path}') names no file. Configure a PKCS#12 certificate, or use an external provider (Identity:Citizen:Authority).");
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>
    /// The authorization endpoint: once the citizen has signed in on the provider's page, answers
    /// the client with a code for an identity carrying the ID number, the name and the assurance level.
    /// </summary>
    public static IEndpointRouteBuilder MapBuiltInProvider(this IEndpointRouteBuilder app)
    {
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
            {
                var request = context.GetOpenIddictServerRequest()
                    ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
                var session = await context.AuthenticateAsync(ProviderScheme);
                if (!session.Succeeded || session.Principal is null)
                {
                    var parameters = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
                    return Results.Challenge(
                        new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                        [ProviderScheme]);
                }

                var citizen = session.Principal;
                var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
                identity.SetClaim(Claims.Subject, citizen.FindFirst(Claims.Subject)?.Value)
                    .SetClaim(OneStopClaimTypes.PersonalIdNumber, citizen.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value)
                    .SetClaim(Claims.Name, citizen.FindFirst(Claims.Name)?.Value)
                    .SetClaim(Claims.AuthenticationContextReference, citizen.FindFirst(Claims.AuthenticationContextReference)?.Value);
                identity.SetScopes(request.GetScopes());
                identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);

                // The provider keeps no single sign-on session: the next sign-in asks again.
                await context.SignOutAsync(ProviderScheme);
                return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public static string NewClientSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

/// <summary>The built-in client's secret for this run, when none is configured.</summary>
internal sealed record BuiltInClientSecret(string Value);

/// <summary>
/// Registers OneStop as the built-in provider's client (confidential, code flow with PKCE, the
/// configured redirect addresses), updating it at every start so configuration changes apply.
/// </summary>
internal sealed class ProviderClientSeeder(CitizenSettings citizen, ProviderSettings provider, BuiltInClientSecret secret) : IDataSeeder
{
    public int Order => 110;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var manager = services.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = citizen.ClientId,
            ClientSecret = secret.Value,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "OneStop",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in provider.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        var existing = await manager.FindByClientIdAsync(citizen.ClientId, cancellationToken);
        if (existing is null)
        {
            await manager.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await manager.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
