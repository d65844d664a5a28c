using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Web.Signing;

/// <summary>
/// The official who signs, as the identity capability knows them. Signing needs no more than this,
/// so it does not depend on how officials are stored.
/// </summary>
/// <param name="Id">A stable identifier of the official (account id).</param>
/// <param name="FullName">e.g. "Nguyễn Thị Hường".</param>
/// <param name="Position">e.g. "Chủ tịch".</param>
/// <param name="UnitName">e.g. "Ủy ban nhân dân phường Ba Đình".</param>
/// <param name="UnitCode">The unit's code (commune code or agency code).</param>
public sealed record OfficialDescriptor(string Id, string FullName, string Position, string UnitName, string UnitCode);

/// <summary>An official's certificate and the key that signs with it, wherever that key lives.</summary>
public sealed class SigningCredential(
    X509Certificate2 certificate,
    AsymmetricAlgorithm privateKey,
    IReadOnlyList<X509Certificate2> issuerCertificates,
    IDisposable? owner = null) : IDisposable
{
    public X509Certificate2 Certificate { get; } = certificate;

    /// <summary>An <see cref="RSA"/> or <see cref="ECDsa"/>; for a token it forwards to the token.</summary>
    public AsymmetricAlgorithm PrivateKey { get; } = privateKey;

    /// <summary>The CA certificates to embed so that a verifier can build the chain.</summary>
    public IReadOnlyList<X509Certificate2> IssuerCertificates { get; } = issuerCertificates;

    public void Dispose()
    {
        PrivateKey.Dispose();
        owner?.Dispose();
    }
}

/// <summary>Where officials' keys live: the software key store (demo, small units) or a PKCS#11 token/HSM.</summary>
public interface ISignatureProvider
{
    Task<SigningCredential> GetCredentialAsync(OfficialDescriptor official, CancellationToken cancellationToken);
}

/// <summary>What the signature dictionary says besides the signature itself.</summary>
public sealed record SignatureDetails(string? Reason = null, string? Location = null);

public enum PadesLevel
{
    /// <summary>ETSI EN 319 142-1 baseline B-B: CMS with signing-certificate-v2, signing time from /M.</summary>
    BaselineB,

    /// <summary>B-B plus an RFC 3161 time-stamp on the signature value (B-T).</summary>
    BaselineT,
}

public sealed record SignedPdf(
    byte[] Pdf,
    X509Certificate2 Certificate,
    DateTimeOffset SignedAt,
    PadesLevel Level);

/// <summary>Signs a PDF as the given official, with the official's own certificate (PAdES).</summary>
public interface IOfficialSigner
{
    Task<SignedPdf> SignAsync(byte[] pdf, OfficialDescriptor official, SignatureDetails? details = null, CancellationToken cancellationToken = default);
}
