using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Signing.Certificates;

/// <summary>
/// Imports an official's certificate and key from a PKCS#12 file issued by a real CA into the software
/// key store: <c>import-certificate OFFICIAL_ID FILE.p12 "Full name" "Position" "Unit name" UNIT_CODE</c>,
/// with the file's password in the environment variable ONESTOP_P12_PASSWORD.
/// </summary>
internal sealed class ImportCertificateCommand : ICommand
{
    public string Name => "import-certificate";

    public string Description => "Import an official's PKCS#12 certificate and key (password in ONESTOP_P12_PASSWORD).";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 6)
        {
            await Console.Error.WriteLineAsync("Usage: import-certificate OFFICIAL_ID FILE.p12 \"Full name\" \"Position\" \"Unit name\" UNIT_CODE");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("ONESTOP_P12_PASSWORD");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(arguments[1], password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            await Console.Error.WriteLineAsync($"Cannot read {arguments[1]}: {e.Message}");
            return 1;
        }

        using (certificate)
        {
            using AsymmetricAlgorithm? key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey();
            if (key is null)
            {
                await Console.Error.WriteLineAsync("The file holds no ECDSA or RSA private key.");
                return 1;
            }

            var db = services.GetRequiredService<OneStopDbContext>();
            if (await db.Set<OfficialCertificate>().AnyAsync(c => c.SerialNumber == certificate.SerialNumber && c.IssuerName == certificate.Issuer, cancellationToken))
            {
                Console.WriteLine($"Certificate {certificate.SerialNumber} is already imported.");
                return 0;
            }

            db.Set<OfficialCertificate>().Add(new OfficialCertificate
            {
                Id = Guid.NewGuid(),
                OfficialId = arguments[0],
                FullName = arguments[2],
                Position = arguments[3],
                UnitName = arguments[4],
                UnitCode = arguments[5],
                SerialNumber = certificate.SerialNumber,
                IssuerName = certificate.Issuer,
                Certificate = certificate.RawData,
                ProtectedPrivateKey = services.GetRequiredService<KeyProtection>().Protect(key),
                Source = CertificateSource.Imported,
                NotBefore = certificate.NotBefore.ToUniversalTime(),
                NotAfter = certificate.NotAfter.ToUniversalTime(),
                IssuedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"Imported certificate {certificate.SerialNumber} ({certificate.Subject}) for official {arguments[0]}.");
            return 0;
        }
    }
}
