namespace OneStop.Web.Signing;

/// <summary>The <c>Signing</c> section of the configuration (see the README).</summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>Where officials' keys live: <c>Software</c> (key store in the database) or <c>Pkcs11</c>.</summary>
    public string Provider { get; set; } = "Software";

    /// <summary>
    /// The address the public reaches OneStop at (top-level <c>PublicBaseUrl</c>); the QR codes point to
    /// {PublicBaseUrl}/verify, so it must be the address printed documents will be checked at for years.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>An RFC 3161 time-stamp authority; when set, signatures are PAdES B-T, otherwise B-B.</summary>
    public string? TimestampAuthorityUrl { get; set; }

    /// <summary>PEM files of the root CAs whose certificates verification trusts, besides the demo CA.</summary>
    public List<string> TrustedRootCertificates { get; set; } = [];

    /// <summary>Checks one address may make per minute on the public verification page and API.</summary>
    public int VerificationsPerMinute { get; set; } = 60;

    /// <summary>Validity of a demo certificate issued to an official.</summary>
    public int DemoCertificateDays { get; set; } = 730;

    public Pkcs11Options Pkcs11 { get; set; } = new();

    public static SigningOptions From(IConfiguration configuration)
    {
        var options = new SigningOptions();
        configuration.GetSection(Section).Bind(options);
        options.PublicBaseUrl = (configuration["PublicBaseUrl"] ?? options.PublicBaseUrl).TrimEnd('/');
        return options;
    }
}

/// <summary>A PKCS#11 token or HSM holding officials' keys and certificates.</summary>
public sealed class Pkcs11Options
{
    /// <summary>The vendor's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so.</summary>
    public string? LibraryPath { get; set; }

    /// <summary>The token's label; the first token present when neither this nor <see cref="SlotId"/> is set.</summary>
    public string? TokenLabel { get; set; }

    public ulong? SlotId { get; set; }

    /// <summary>The user PIN; give it through an environment variable or a secret store, never in a file in the repository.</summary>
    public string? Pin { get; set; }

    /// <summary>The label of an official's key and certificate on the token; {id} is the official's id.</summary>
    public string KeyLabelFormat { get; set; } = "{id}";
}
