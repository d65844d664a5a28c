namespace OneStop.Web.Identity;

/// <summary>The <c>Identity</c> section of the configuration.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    public CitizenSettings Citizen { get; set; } = new();

    public ProviderSettings Provider { get; set; } = new();

    public OfficerSettings Officers { get; set; } = new();
}

/// <summary>
/// The identity provider citizens sign in with (VNeID in production, any standard OpenID Connect
/// issuer). When <see cref="Authority"/> is empty, the built-in provider is used.
/// </summary>
public sealed class CitizenSettings
{
    /// <summary>The issuer's address; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "onestop";

    /// <summary>The client secret; for the built-in provider a random one is made at start when empty.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes to ask for.</summary>
    public string Scopes { get; set; } = "openid profile";

    public string CallbackPath { get; set; } = "/signin-citizen";

    /// <summary>Names the sign-in button and pages use for the provider.</summary>
    public string DisplayName { get; set; } = "VNeID";

    /// <summary>Which claims of the provider's ID token carry the personal ID number, name and assurance level.</summary>
    public CitizenClaimMapping ClaimMapping { get; set; } = new();
}

public sealed class CitizenClaimMapping
{
    public string PersonalIdNumber { get; set; } = "pid";

    public string FullName { get; set; } = "name";

    public string AssuranceLevel { get; set; } = "acr";
}

/// <summary>The built-in OpenID Connect provider standing in for the national identity.</summary>
public sealed class ProviderSettings
{
    /// <summary>Run the built-in provider; by default only in demo mode.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Redirect addresses the built-in client may use (the OneStop origins + callback path).</summary>
    public IList<string> RedirectUris { get; } = [];

    /// <summary>A PKCS#12 (.pfx) file with the token signing key; required outside demo mode.</summary>
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }

    /// <summary>A PKCS#12 (.pfx) file with the token encryption key; required outside demo mode.</summary>
    public string? EncryptionCertificatePath { get; set; }

    public string? EncryptionCertificatePassword { get; set; }
}

public sealed class OfficerSettings
{
    /// <summary>Failed sign-ins (password or code) before the account is locked.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int RequiredPasswordLength { get; set; } = 12;
}
