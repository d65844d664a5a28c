using System.Security.Cryptography.X509Certificates;

namespace OneStop.Web.Signing.Pades;

/// <summary>
/// Signs a PDF as an official: takes the official's credential from the configured provider, appends a
/// PAdES signature (B-B, or B-T when a time-stamp authority is configured) and returns the new file.
/// </summary>
internal sealed class OfficialSigner(
    ISignatureProvider provider,
    TimestampAuthorityClient timestampAuthority,
    TimeProvider time) : IOfficialSigner
{
    public async Task<SignedPdf> SignAsync(byte[] pdf, OfficialDescriptor official, SignatureDetails? details = null, CancellationToken cancellationToken = default)
    {
        using var credential = await provider.GetCredentialAsync(official, cancellationToken);
        return await SignWithAsync(pdf, credential, official.FullName, details ?? new SignatureDetails(), cancellationToken);
    }

    internal async Task<SignedPdf> SignWithAsync(byte[] pdf, SigningCredential credential, string signerName, SignatureDetails details, CancellationToken cancellationToken)
    {
        var signedAt = time.GetUtcNow();
        var level = PadesLevel.BaselineB;
        var signed = await PdfSignatureWriter.SignAsync(pdf, signedAt, signerName, details, async bytes =>
        {
            var cms = CadesSignature.Create(bytes, credential);
            if (timestampAuthority.IsConfigured)
            {
                signedAt = await timestampAuthority.TimestampAsync(cms, cancellationToken);
                level = PadesLevel.BaselineT;
            }

            return cms.Encode();
        });

        return new SignedPdf(signed, X509CertificateLoader.LoadCertificate(credential.Certificate.RawData), signedAt, level);
    }
}
