using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Signing.Certificates;

public enum CertificateStatus
{
    Valid,
    Expired,
    NotYetValid,
    Revoked,

    /// <summary>Not issued under a root this installation trusts.</summary>
    Untrusted,
}

public sealed record CertificateVerdict(
    CertificateStatus Status,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    DateTimeOffset? RevokedAt,
    string? RevocationReason,
    string Issuer);

/// <summary>The root CAs configured in <c>Signing:TrustedRootCertificates</c> (PEM files), loaded once.</summary>
internal sealed class TrustedRoots
{
    public TrustedRoots(SigningOptions options, IWebHostEnvironment environment)
    {
        var roots = new List<X509Certificate2>();
        foreach (var file in options.TrustedRootCertificates)
        {
            var path = Path.IsPathRooted(file) ? file : Path.Combine(environment.ContentRootPath, file);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Signing:TrustedRootCertificates names {path}, which does not exist.");
            }

            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(path);
            roots.AddRange(collection);
        }

        Configured = roots;
    }

    public IReadOnlyList<X509Certificate2> Configured { get; }
}

/// <summary>
/// Whether a signer's certificate can be relied on now: chained to a trusted root (the demo CA and the
/// configured ones), within its validity, and not revoked. Revocation of certificates this installation
/// issued (demo or imported) is read from its own table; other CAs' CRL/OCSP are not fetched (README).
/// </summary>
internal sealed class CertificateStatusService(
    OneStopDbContext db,
    DemoCertificateAuthority authority,
    TrustedRoots trustedRoots,
    TimeProvider time)
{
    public async Task<CertificateVerdict> CheckAsync(X509Certificate2 certificate, X509Certificate2Collection intermediates, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var roots = new X509Certificate2Collection();
        roots.AddRange(trustedRoots.Configured.ToArray());
        if (await authority.FindRootCertificateAsync(cancellationToken) is { } demoRoot)
        {
            roots.Add(demoRoot);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.Build(certificate);

        var flags = chain.ChainElements
            .SelectMany(e => e.ChainElementStatus)
            .Select(s => s.Status)
            .Aggregate(X509ChainStatusFlags.NoError, (all, flag) => all | flag);
        var anchored = chain.ChainElements.Count > 0 && roots.Any(r => r.RawData.AsSpan().SequenceEqual(chain.ChainElements[^1].Certificate.RawData));

        var known = await db.Set<OfficialCertificate>().AsNoTracking()
            .Where(c => c.SerialNumber == certificate.SerialNumber && c.IssuerName == certificate.Issuer)
            .Select(c => new { c.RevokedAt, c.RevocationReason })
            .SingleOrDefaultAsync(cancellationToken);

        const X509ChainStatusFlags untrusted = X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain
            | X509ChainStatusFlags.NotSignatureValid | X509ChainStatusFlags.Cyclic | X509ChainStatusFlags.InvalidBasicConstraints
            | X509ChainStatusFlags.NotValidForUsage | X509ChainStatusFlags.ExplicitDistrust;

        var status = (flags & untrusted) != 0 || !anchored ? CertificateStatus.Untrusted
            : known?.RevokedAt is not null ? CertificateStatus.Revoked
            : now > certificate.NotAfter.ToUniversalTime() ? CertificateStatus.Expired
            : now < certificate.NotBefore.ToUniversalTime() ? CertificateStatus.NotYetValid
            : (flags & X509ChainStatusFlags.NotTimeValid) != 0 ? CertificateStatus.Expired // an issuer expired
            : CertificateStatus.Valid;

        return new CertificateVerdict(
            status,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            known?.RevokedAt,
            known?.RevocationReason,
            certificate.Issuer);
    }
}
