using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Signing.Certificates;

/// <summary>
/// The demo certificate authority of an installation in demo mode: a root CA made on first run and a
/// certificate per official (ECDSA P-256), so that every official can sign as in production without a
/// real CA. It can revoke certificates and publishes a CRL. Verification trusts it like any root.
/// </summary>
internal sealed class DemoCertificateAuthority(
    OneStopDbContext db,
    KeyProtection protection,
    TimeProvider time,
    SigningOptions options)
{
    public const string RootPurpose = "demo-root-ca";
    private const string UserIdOid = "0.9.2342.19200300.100.1.1";
    private const string TitleOid = "2.5.4.12";

    public async Task<X509Certificate2?> FindRootCertificateAsync(CancellationToken cancellationToken)
    {
        var root = await db.Set<SystemKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Purpose == RootPurpose, cancellationToken);
        return root?.Certificate is { } der ? X509CertificateLoader.LoadCertificate(der) : null;
    }

    /// <summary>Creates the root on first run; safe to call again and from several instances.</summary>
    public async Task<X509Certificate2> EnsureRootAsync(CancellationToken cancellationToken)
    {
        var existing = await FindRootCertificateAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("VN");
        name.AddOrganizationName("OneStop (demo)");
        name.AddCommonName("OneStop Demo CA");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(20));

        db.Set<SystemKey>().Add(new SystemKey
        {
            Purpose = RootPurpose,
            Certificate = certificate.RawData,
            PublicKey = key.ExportSubjectPublicKeyInfo(),
            ProtectedPrivateKey = protection.Protect(key),
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException refused) when (DatabaseErrors.IsUniqueViolation(refused))
        {
            // Another instance made it first: use theirs.
            db.ChangeTracker.Clear();
        }

        return (await FindRootCertificateAsync(cancellationToken))!;
    }

    /// <summary>
    /// Issues a certificate to an official. With <paramref name="publicKey"/> the key stays where it is
    /// (a token) and only the certificate is stored; without it a software key is made and stored encrypted.
    /// </summary>
    public async Task<OfficialCertificate> IssueAsync(
        OfficialDescriptor official,
        PublicKey? publicKey = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        CancellationToken cancellationToken = default)
    {
        var root = await db.Set<SystemKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Purpose == RootPurpose, cancellationToken)
            ?? throw new InvalidOperationException("The demo certificate authority has not been created (demo mode is off).");
        using var rootKey = (ECDsa)protection.Unprotect(root.ProtectedPrivateKey);
        using var rootCertificate = X509CertificateLoader.LoadCertificate(root.Certificate!);
        using var issuer = rootCertificate.CopyWithPrivateKey(rootKey);

        using var softwareKey = publicKey is null ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        var request = softwareKey is not null
            ? new CertificateRequest(SubjectName(official), softwareKey, HashAlgorithmName.SHA256)
            : new CertificateRequest(SubjectName(official), publicKey!, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(rootCertificate, true, false));

        var now = time.GetUtcNow();
        var from = notBefore ?? now.AddMinutes(-5);
        var until = notAfter ?? now.AddDays(options.DemoCertificateDays);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number
        using var certificate = request.Create(issuer, from, until, serial);

        var record = new OfficialCertificate
        {
            Id = Guid.NewGuid(),
            OfficialId = official.Id,
            FullName = official.FullName,
            Position = official.Position,
            UnitName = official.UnitName,
            UnitCode = official.UnitCode,
            SerialNumber = certificate.SerialNumber,
            IssuerName = certificate.Issuer,
            Certificate = certificate.RawData,
            ProtectedPrivateKey = softwareKey is null ? null : protection.Protect(softwareKey),
            Source = CertificateSource.Demo,
            NotBefore = from,
            NotAfter = until,
            IssuedAt = now,
        };
        db.Set<OfficialCertificate>().Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Revokes a certificate this installation knows; false when there is none with that serial.</summary>
    public async Task<bool> RevokeAsync(string serialNumber, string reason, CancellationToken cancellationToken)
    {
        var serial = serialNumber.ToUpperInvariant();
        var certificate = await db.Set<OfficialCertificate>().SingleOrDefaultAsync(c => c.SerialNumber == serial, cancellationToken);
        if (certificate is null)
        {
            return false;
        }

        if (certificate.RevokedAt is null)
        {
            certificate.RevokedAt = time.GetUtcNow();
            certificate.RevocationReason = reason;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>The certificate revocation list of the demo CA (DER), signed by it, valid for a day.</summary>
    public async Task<byte[]?> CertificateRevocationListAsync(CancellationToken cancellationToken)
    {
        var root = await db.Set<SystemKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Purpose == RootPurpose, cancellationToken);
        if (root is null)
        {
            return null;
        }

        using var rootKey = (ECDsa)protection.Unprotect(root.ProtectedPrivateKey);
        using var rootCertificate = X509CertificateLoader.LoadCertificate(root.Certificate!);
        using var issuer = rootCertificate.CopyWithPrivateKey(rootKey);
        var revoked = await db.Set<OfficialCertificate>().AsNoTracking()
            .Where(c => c.RevokedAt != null && c.IssuerName == rootCertificate.Subject)
            .Select(c => new { c.SerialNumber, c.RevokedAt })
            .ToListAsync(cancellationToken);

        var builder = new CertificateRevocationListBuilder();
        foreach (var entry in revoked)
        {
            builder.AddEntry(Convert.FromHexString(entry.SerialNumber), entry.RevokedAt!.Value);
        }

        var now = time.GetUtcNow();
        // The CRL number only has to grow: seconds since the epoch do.
        return builder.Build(issuer, new BigInteger(now.ToUnixTimeSeconds()), now.AddDays(1), HashAlgorithmName.SHA256, null, now);
    }

    internal static X500DistinguishedName SubjectName(OfficialDescriptor official)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("VN");
        name.AddOrganizationName(official.UnitName);
        name.AddOrganizationalUnitName(official.UnitCode);
        name.Add(TitleOid, official.Position, UniversalTagNumber.UTF8String);
        name.Add(UserIdOid, official.Id, UniversalTagNumber.UTF8String);
        name.AddCommonName(official.FullName);
        return name.Build();
    }

    /// <summary>Reads back who a certificate names: full name, position, unit, unit code.</summary>
    internal static (string? FullName, string? Position, string? Unit, string? UnitCode) DescribeSubject(X509Certificate2 certificate)
    {
        string? Find(string oid) => certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(r => r.GetSingleElementType().Value == oid)
            .Select(r => r.GetSingleElementValue())
            .FirstOrDefault();

        return (Find("2.5.4.3"), Find(TitleOid), Find("2.5.4.10"), Find("2.5.4.11"));
    }
}
