using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace OneStop.Web.Signing.Pades;

/// <summary>
/// Asks an RFC 3161 time-stamp authority to time-stamp a signature value and puts the token into
/// the signer's unsigned attributes (signature-time-stamp): this turns a B-B signature into B-T.
/// </summary>
internal sealed class TimestampAuthorityClient(HttpClient http, SigningOptions options)
{
    public const string HttpClientName = "OneStop.Signing.TimestampAuthority";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.TimestampAuthorityUrl);

    public async Task<DateTimeOffset> TimestampAsync(SignedCms cms, CancellationToken cancellationToken)
    {
        var signerInfo = cms.SignerInfos[0];
        var request = Rfc3161TimestampRequest.CreateFromSignerInfo(
            signerInfo, HashAlgorithmName.SHA256, requestSignerCertificates: true, nonce: RandomNumberGenerator.GetBytes(8));

        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        using var response = await http.PostAsync(options.TimestampAuthorityUrl, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The time-stamp authority answered {(int)response.StatusCode}.");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        // ProcessResponse checks the status, the nonce, the imprint and the TSA's signature.
        var token = request.ProcessResponse(body, out _);
        signerInfo.AddUnsignedAttribute(new AsnEncodedData(new Oid(CadesSignature.SignatureTimeStampOid), token.AsSignedCms().Encode()));
        return token.TokenInfo.Timestamp;
    }
}
