using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using OneStop.Web.Signing.Certificates;
using OneStop.Web.Signing.Pades;

namespace OneStop.Web.Signing.Verification;

public enum SignatureIntegrity
{
    /// <summary>The signed bytes are exactly those the signer signed.</summary>
    Intact,

    /// <summary>The bytes differ from what was signed (digest mismatch) or the signature value is wrong.</summary>
    Modified,

    /// <summary>The signature dictionary or CMS cannot be read or breaks PAdES rules.</summary>
    Malformed,
}

/// <summary>What one signature in a PDF proves.</summary>
public sealed record SignatureReport(
    SignatureIntegrity Integrity,
    bool CoversWholeDocument,
    string? SignerName,
    string? SignerPosition,
    string? SignerUnit,
    string? SignerUnitCode,
    string? CertificateSerial,
    DateTimeOffset? SignedAt,
    bool Timestamped,
    CertificateVerdict? Certificate,
    string? Problem)
{
    /// <summary>Intact, nothing added after it, and a certificate that is trusted, in force and not revoked.</summary>
    public bool IsValid => Integrity == SignatureIntegrity.Intact && CoversWholeDocument && Certificate?.Status == CertificateStatus.Valid;
}

/// <summary>Verifies the PAdES signatures of a PDF: integrity, coverage, PAdES attributes, certificate status.</summary>
internal sealed class SignatureVerifier(CertificateStatusService certificateStatus)
{
    public static bool LooksLikePdf(ReadOnlySpan<byte> content) => content.StartsWith("%PDF-"u8);

    /// <summary>The reports of every signature, in file order; empty when the PDF is not signed.</summary>
    public async Task<IReadOnlyList<SignatureReport>> VerifyAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        IReadOnlyList<PdfSignatureField> fields;
        try
        {
            fields = PdfSignatureReader.Read(pdf);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A file damaged badly enough that its structure cannot be read has no trustworthy signature.
            return [Failed(SignatureIntegrity.Malformed, "The PDF's structure cannot be read.")];
        }

        var reports = new List<SignatureReport>();
        foreach (var field in fields)
        {
            reports.Add(await VerifyFieldAsync(pdf, field, cancellationToken));
        }

        return reports;
    }

    private async Task<SignatureReport> VerifyFieldAsync(byte[] pdf, PdfSignatureField field, CancellationToken cancellationToken)
    {
        var range = field.ByteRange;
        if (range.Length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1 || range[3] < 0 || range[2] + range[3] > pdf.Length)
        {
            return Failed(SignatureIntegrity.Malformed, "The signature's /ByteRange is not a single hole inside the file.");
        }

        var holeStart = (int)range[1];
        var holeEnd = (int)range[2];
        if (pdf[holeStart] != '<' || pdf[holeEnd - 1] != '>')
        {
            return Failed(SignatureIntegrity.Malformed, "The /ByteRange hole is not the /Contents string.");
        }

        if (field.SubFilter is not ("ETSI.CAdES.detached" or "adbe.pkcs7.detached"))
        {
            return Failed(SignatureIntegrity.Malformed, $"Unsupported signature format {field.SubFilter}.");
        }

        byte[] der;
        try
        {
            der = Convert.FromHexString(Encoding.ASCII.GetString(pdf, holeStart + 1, holeEnd - holeStart - 2));
            // The hole is padded with zeros after the DER value.
            AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var length);
            der = der[..length];
        }
        catch (Exception e) when (e is FormatException or AsnContentException)
        {
            return Failed(SignatureIntegrity.Malformed, "The /Contents string holds no CMS signature.");
        }

        var signed = new byte[range[1] + range[3]];
        Array.Copy(pdf, 0, signed, 0, range[1]);
        Array.Copy(pdf, range[2], signed, range[1], range[3]);
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(der);
        }
        catch (CryptographicException)
        {
            return Failed(SignatureIntegrity.Malformed, "The CMS signature cannot be decoded.");
        }

        if (cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate is not { } certificate)
        {
            return Failed(SignatureIntegrity.Malformed, "The CMS must hold exactly one signer with its certificate.");
        }

        var signer = cms.SignerInfos[0];
        var (name, position, unit, unitCode) = DemoCertificateAuthority.DescribeSubject(certificate);
        var coversWholeDocument = range[2] + range[3] == pdf.Length;
        var integrity = SignatureIntegrity.Intact;
        string? problem = null;

        var messageDigest = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == "1.2.840.113549.1.9.4")
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .Select(v => AsnDecoder.ReadOctetString(v.RawData, AsnEncodingRules.DER, out _))
            .FirstOrDefault();
        if (messageDigest is null || !SHA256.HashData(signed).AsSpan().SequenceEqual(messageDigest) || signer.DigestAlgorithm.Value != "2.16.840.1.101.3.4.2.1")
        {
            integrity = SignatureIntegrity.Modified;
            problem = "The document was changed after it was signed (digest mismatch).";
        }
        else
        {
            try
            {
                signer.CheckSignature(verifySignatureOnly: true);
            }
            catch (CryptographicException)
            {
                integrity = SignatureIntegrity.Modified;
                problem = "The signature value does not match the signed data.";
            }
        }

        if (integrity == SignatureIntegrity.Intact)
        {
            var essHash = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
                .Where(a => a.Oid.Value == CadesSignature.SigningCertificateV2Oid)
                .SelectMany(a => a.Values.Cast<AsnEncodedData>())
                .Select(v => CadesSignature.ReadSigningCertificateV2Hash(v.RawData))
                .FirstOrDefault();
            if (essHash is null || !essHash.AsSpan().SequenceEqual(SHA256.HashData(certificate.RawData)))
            {
                integrity = SignatureIntegrity.Malformed;
                problem = "The ESS signing-certificate-v2 attribute is missing or names another certificate.";
            }
            else if (field.SubFilter == "ETSI.CAdES.detached" && signer.SignedAttributes.Cast<CryptographicAttributeObject>().Any(a => a.Oid.Value == CadesSignature.SigningTimeOid))
            {
                integrity = SignatureIntegrity.Malformed;
                problem = "A PAdES signature must not carry a signing-time attribute.";
            }
        }

        var signedAt = field.ClaimedSigningTime;
        var timestamped = false;
        var timestampAttribute = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .FirstOrDefault(a => a.Oid.Value == CadesSignature.SignatureTimeStampOid);
        if (timestampAttribute is not null && timestampAttribute.Values.Count > 0
            && Rfc3161TimestampToken.TryDecode(timestampAttribute.Values[0].RawData, out var token, out _)
            && token.VerifySignatureForSignerInfo(signer, out _))
        {
            signedAt = token.TokenInfo.Timestamp.ToUniversalTime();
            timestamped = true;
        }

        var verdict = await certificateStatus.CheckAsync(certificate, cms.Certificates, cancellationToken);
        if (problem is null && !coversWholeDocument)
        {
            problem = "Bytes were added to the document after it was signed.";
        }

        return new SignatureReport(integrity, coversWholeDocument, name, position, unit, unitCode, certificate.SerialNumber,
            signedAt, timestamped, verdict, problem);
    }

    private static SignatureReport Failed(SignatureIntegrity integrity, string problem) =>
        new(integrity, false, null, null, null, null, null, null, false, null, problem);
}
