using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing.Certificates;

namespace OneStop.Web.Signing.Verification;

/// <summary>What a QR code asserts: this system issued a document with this content for this application.</summary>
/// <param name="ApplicationCode">The application (mã hồ sơ).</param>
/// <param name="ContentDigest">SHA-256 of the document's content (ADR 0061).</param>
/// <param name="Issuer">The code of the unit that issued it.</param>
public sealed record VerificationClaims(string ApplicationCode, byte[] ContentDigest, string Issuer);

/// <summary>
/// The signed payload of the QR code: a compact JWS (RFC 7515) with ES256 under OneStop's own
/// verification key, whose public half is published at /api/verify/keys so that anyone can check a
/// code offline. About 280 characters: a version-13 QR code, legible at 27 mm.
/// </summary>
internal sealed class VerificationCodes(OneStopDbContext db, KeyProtection protection, TimeProvider time)
{
    public const string Purpose = "verification-code";
    public const int MaximumLength = 1024;

    public async Task EnsureKeyAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<SystemKey>().AnyAsync(k => k.Purpose == Purpose, cancellationToken))
        {
            return;
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        db.Set<SystemKey>().Add(new SystemKey
        {
            Purpose = Purpose,
            PublicKey = key.ExportSubjectPublicKeyInfo(),
            ProtectedPrivateKey = protection.Protect(key),
            CreatedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException refused) when (DatabaseErrors.IsUniqueViolation(refused))
        {
            // Another instance made the key first: theirs is the one every code is signed with.
            db.ChangeTracker.Clear();
        }
    }

    public async Task<string> CreateAsync(VerificationClaims claims, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        using var signer = (ECDsa)protection.Unprotect(key.ProtectedPrivateKey);
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "ES256", ["kid"] = KeyId(key.PublicKey) }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["ac"] = claims.ApplicationCode,
            ["dh"] = Encode(claims.ContentDigest),
            ["iss"] = claims.Issuer,
        }));
        var signature = signer.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256);
        return $"{header}.{payload}.{Encode(signature)}";
    }

    /// <summary>The claims of a genuine code; null for anything malformed, altered or signed by another key.</summary>
    public async Task<VerificationClaims?> ReadAsync(string code, CancellationToken cancellationToken)
    {
        var parts = code.Length <= MaximumLength ? code.Split('.') : [];
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[0]));
            if (header.RootElement.ValueKind != JsonValueKind.Object
                || !header.RootElement.TryGetProperty("alg", out var alg) || alg.GetString() != "ES256")
            {
                return null;
            }

            var key = await KeyAsync(cancellationToken);
            using var verifier = ECDsa.Create();
            verifier.ImportSubjectPublicKeyInfo(key.PublicKey, out _);
            if (!verifier.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), WebEncoders.Base64UrlDecode(parts[2]), HashAlgorithmName.SHA256))
            {
                return null;
            }

            using var payload = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1]));
            var root = payload.RootElement;
            return new VerificationClaims(
                root.GetProperty("ac").GetString()!,
                WebEncoders.Base64UrlDecode(root.GetProperty("dh").GetString()!),
                root.GetProperty("iss").GetString()!);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The public key as a JSON Web Key Set.</summary>
    public async Task<object> KeySetAsync(CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(key.PublicKey, out _);
        var parameters = ecdsa.ExportParameters(false);
        return new
        {
            keys = new[]
            {
                new { kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid = KeyId(key.PublicKey), x = Encode(parameters.Q.X!), y = Encode(parameters.Q.Y!) },
            },
        };
    }

    private async Task<SystemKey> KeyAsync(CancellationToken cancellationToken) =>
        await db.Set<SystemKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Purpose == Purpose, cancellationToken)
        ?? throw new InvalidOperationException("The verification key has not been created yet.");

    private static string KeyId(byte[] publicKey) => Encode(SHA256.HashData(publicKey).AsSpan(0, 6).ToArray());

    private static string Encode(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);
}
