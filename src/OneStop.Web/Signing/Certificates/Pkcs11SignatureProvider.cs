using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using ISession = Net.Pkcs11Interop.HighLevelAPI.ISession;

namespace OneStop.Web.Signing.Certificates;

/// <summary>
/// Officials' keys on a PKCS#11 token or HSM (USB tokens of the Government CA, network HSMs): the key
/// never leaves the device; OneStop hands it the digest and gets the signature back. The official's key
/// and certificate are found by label (<c>Signing:Pkcs11:KeyLabelFormat</c>, "{id}" by default).
/// </summary>
internal sealed class Pkcs11SignatureProvider(SigningOptions options, TrustedRoots trustedRoots, DemoCertificateAuthority authority) : ISignatureProvider
{
    private static readonly Lock LibraryLock = new();
    private static readonly Dictionary<string, IPkcs11Library> Libraries = [];

    public async Task<SigningCredential> GetCredentialAsync(OfficialDescriptor official, CancellationToken cancellationToken)
    {
        var settings = options.Pkcs11;
        if (string.IsNullOrWhiteSpace(settings.LibraryPath))
        {
            throw new InvalidOperationException("Signing:Pkcs11:LibraryPath is not set.");
        }

        var label = settings.KeyLabelFormat.Replace("{id}", official.Id, StringComparison.Ordinal);
        var session = OpenSession(settings);
        try
        {
            var certificateObject = session.FindAllObjects(
            [
                session.Factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE),
                session.Factories.ObjectAttributeFactory.Create(CKA.CKA_LABEL, label),
            ]).FirstOrDefault() ?? throw new InvalidOperationException($"The token holds no certificate labelled '{label}'.");
            var der = session.GetAttributeValue(certificateObject, [CKA.CKA_VALUE])[0].GetValueAsByteArray();
            var certificate = X509CertificateLoader.LoadCertificate(der);

            var privateKey = session.FindAllObjects(
            [
                session.Factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
                session.Factories.ObjectAttributeFactory.Create(CKA.CKA_LABEL, label),
            ]).FirstOrDefault() ?? throw new InvalidOperationException($"The token holds no private key labelled '{label}'.");

            AsymmetricAlgorithm key = certificate.GetECDsaPublicKey() is { } ecdsa
                ? new Pkcs11ECDsa(session, privateKey, ecdsa)
                : new Pkcs11Rsa(session, privateKey, certificate.GetRSAPublicKey() ?? throw new InvalidOperationException("The certificate's key is neither ECDSA nor RSA."));

            var issuers = new List<X509Certificate2>(trustedRoots.Configured);
            if (await authority.FindRootCertificateAsync(cancellationToken) is { } demoRoot)
            {
                issuers.Add(demoRoot);
            }

            return new SigningCredential(certificate, key, issuers.Where(i => i.Subject == certificate.Issuer).ToList(), new SessionOwner(session, certificate));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static ISession OpenSession(Pkcs11Options settings)
    {
        IPkcs11Library library;
        lock (LibraryLock)
        {
            // A PKCS#11 library is initialised once per process and stays loaded.
            if (!Libraries.TryGetValue(settings.LibraryPath!, out library!))
            {
                var factories = new Pkcs11InteropFactories();
                library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, settings.LibraryPath, AppType.MultiThreaded);
                Libraries[settings.LibraryPath!] = library;
            }
        }

        var slots = library.GetSlotList(SlotsType.WithTokenPresent);
        var slot = settings.SlotId is { } id ? slots.FirstOrDefault(s => s.SlotId == id)
            : settings.TokenLabel is { } tokenLabel ? slots.FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == tokenLabel)
            : slots.FirstOrDefault();
        if (slot is null)
        {
            throw new InvalidOperationException("No PKCS#11 token matches Signing:Pkcs11:SlotId / TokenLabel.");
        }

        var session = slot.OpenSession(SessionType.ReadOnly);
        try
        {
            session.Login(CKU.CKU_USER, settings.Pin ?? throw new InvalidOperationException("Signing:Pkcs11:Pin is not set."));
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Another session of this process is logged in: the login is shared by the token.
        }
        catch
        {
            session.Dispose();
            throw;
        }

        return session;
    }

    private sealed class SessionOwner(ISession session, X509Certificate2 certificate) : IDisposable
    {
        public void Dispose()
        {
            certificate.Dispose();
            session.Dispose();
        }
    }
}

/// <summary>An ECDSA key that signs on the token (CKM_ECDSA over the digest); the public half is local.</summary>
internal sealed class Pkcs11ECDsa : ECDsa
{
    private readonly ISession _session;
    private readonly IObjectHandle _key;
    private readonly ECDsa _public;

    public Pkcs11ECDsa(ISession session, IObjectHandle key, ECDsa publicKey)
    {
        _session = session;
        _key = key;
        _public = publicKey;
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(publicKey.KeySize, publicKey.KeySize, 0)];
    }

    public override byte[] SignHash(byte[] hash)
    {
        using var mechanism = _session.Factories.MechanismFactory.Create(CKM.CKM_ECDSA);
        // PKCS#11 returns r || s, the same IEEE P1363 form .NET expects here.
        return _session.Sign(mechanism, _key, hash);
    }

    public override bool VerifyHash(byte[] hash, byte[] signature) => _public.VerifyHash(hash, signature);

    public override ECParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new CryptographicException("The private key stays on the token.") : _public.ExportParameters(false);

    public override void ImportParameters(ECParameters parameters) => throw new NotSupportedException();

    public override void GenerateKey(ECCurve curve) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _public.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>An RSA key that signs on the token (CKM_RSA_PKCS over DigestInfo, i.e. PKCS#1 v1.5).</summary>
internal sealed class Pkcs11Rsa : RSA
{
    private static readonly byte[] Sha256DigestInfo = Convert.FromHexString("3031300d060960864801650304020105000420");
    private readonly ISession _session;
    private readonly IObjectHandle _key;
    private readonly RSA _public;

    public Pkcs11Rsa(ISession session, IObjectHandle key, RSA publicKey)
    {
        _session = session;
        _key = key;
        _public = publicKey;
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(publicKey.KeySize, publicKey.KeySize, 0)];
    }

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (hashAlgorithm != HashAlgorithmName.SHA256 || padding != RSASignaturePadding.Pkcs1)
        {
            throw new CryptographicException("The token signs SHA-256 with PKCS#1 v1.5 padding only.");
        }

        using var mechanism = _session.Factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS);
        return _session.Sign(mechanism, _key, [.. Sha256DigestInfo, .. hash]);
    }

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        _public.VerifyHash(hash, signature, hashAlgorithm, padding);

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new CryptographicException("The private key stays on the token.") : _public.ExportParameters(false);

    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _public.Dispose();
        }

        base.Dispose(disposing);
    }
}
