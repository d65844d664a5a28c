using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Web.Signing.Pades;

/// <summary>
/// The CMS SignedData that goes into /Contents (ETSI EN 319 122 CAdES as PAdES baseline uses it):
/// detached, SHA-256, with content-type, message-digest and ESS signing-certificate-v2 as signed
/// attributes and deliberately no signing-time, because PAdES takes the time from /M (B-B) or from a
/// time-stamp (B-T) and forbids a second, possibly conflicting one.
/// </summary>
internal static class CadesSignature
{
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    public const string SignatureTimeStampOid = "1.2.840.113549.1.9.16.2.14";
    public const string SigningTimeOid = "1.2.840.113549.1.9.5";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    public static SignedCms Create(byte[] signedBytes, SigningCredential credential)
    {
        var cms = new SignedCms(new ContentInfo(signedBytes), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, credential.Certificate, credential.PrivateKey)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(credential.IssuerCertificates.ToArray());
        signer.SignedAttributes.Add(new AsnEncodedData(new Oid(SigningCertificateV2Oid), SigningCertificateV2(credential.Certificate)));
        cms.ComputeSignature(signer, silent: true);
        return cms;
    }

    /// <summary>
    /// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035), with one
    /// ESSCertIDv2 { certHash (SHA-256, the default algorithm so it is omitted), issuerSerial }.
    /// </summary>
    public static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    // GeneralName: directoryName [4] EXPLICIT Name
                    writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true));
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                    writer.PopSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true));
                }

                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }

        return writer.Encode();
    }

    /// <summary>The certificate hash inside a signing-certificate-v2 attribute (SHA-256 only, as we write it).</summary>
    public static byte[]? ReadSigningCertificateV2Hash(byte[] attribute)
    {
        try
        {
            var reader = new AsnReader(attribute, AsnEncodingRules.DER);
            var certs = reader.ReadSequence().ReadSequence();
            var first = certs.ReadSequence();
            if (first.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var algorithm = first.ReadSequence().ReadObjectIdentifier();
                if (algorithm != Sha256Oid)
                {
                    return null;
                }
            }

            return first.ReadOctetString();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
