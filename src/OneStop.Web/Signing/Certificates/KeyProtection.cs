using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OneStop.Web.Signing.Certificates;

/// <summary>
/// Encrypts private keys at rest (PKCS#8 under ASP.NET Data Protection: AES-256-CBC with HMAC-SHA256,
/// keys rotated by the key ring). Whoever reads the database alone gets no usable key. A production
/// installation persists and protects the key ring (see the README); losing it loses these keys.
/// </summary>
internal sealed class KeyProtection(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OneStop.Signing.PrivateKeys.v1");

    public byte[] Protect(AsymmetricAlgorithm key) => _protector.Protect(key.ExportPkcs8PrivateKey());

    public AsymmetricAlgorithm Unprotect(byte[] protectedKey)
    {
        var pkcs8 = _protector.Unprotect(protectedKey);
        try
        {
            return Load(pkcs8);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    private static AsymmetricAlgorithm Load(byte[] pkcs8)
    {
        try
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return ecdsa;
        }
        catch (CryptographicException)
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return rsa;
        }
    }
}
