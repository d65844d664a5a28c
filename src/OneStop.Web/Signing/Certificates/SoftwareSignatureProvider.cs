using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Signing.Certificates;

/// <summary>
/// The software key store: officials' keys in the database, encrypted with Data Protection. In demo mode
/// an official without a certificate gets one from the demo CA on first signature; otherwise the
/// certificate must have been imported (<c>import-certificate</c> command).
/// </summary>
internal sealed class SoftwareSignatureProvider(
    OneStopDbContext db,
    KeyProtection protection,
    DemoCertificateAuthority authority,
    TrustedRoots trustedRoots,
    DemoMode demo,
    TimeProvider time) : ISignatureProvider
{
    public async Task<SigningCredential> GetCredentialAsync(OfficialDescriptor official, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = await db.Set<OfficialCertificate>().AsNoTracking()
            .Where(c => c.OfficialId == official.Id && c.ProtectedPrivateKey != null && c.RevokedAt == null)
            .ToListAsync(cancellationToken);
        // Instants are compared in memory: SQLite stores them as numbers only EF knows how to read.
        var usable = current.Where(c => c.NotBefore <= now && c.NotAfter > now).MaxBy(c => c.NotAfter);

        if (usable is null)
        {
            if (!demo.Enabled)
            {
                throw new InvalidOperationException(
                    $"Official {official.Id} has no valid certificate with a key in the software key store. " +
                    "Import one with the import-certificate command, or configure Signing:Provider=Pkcs11.");
            }

            usable = await authority.IssueAsync(official, cancellationToken: cancellationToken);
        }

        var certificate = X509CertificateLoader.LoadCertificate(usable.Certificate);
        var key = protection.Unprotect(usable.ProtectedPrivateKey!);
        return new SigningCredential(certificate, key, await IssuersAsync(certificate, cancellationToken), certificate);
    }

    private async Task<IReadOnlyList<X509Certificate2>> IssuersAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var candidates = new List<X509Certificate2>(trustedRoots.Configured);
        if (await authority.FindRootCertificateAsync(cancellationToken) is { } demoRoot)
        {
            candidates.Add(demoRoot);
        }

        return candidates.Where(c => c.Subject == certificate.Issuer).ToList();
    }
}
