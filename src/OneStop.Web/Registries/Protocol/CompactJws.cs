using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneStop.Web.Registries.Protocol;

/// <summary>
/// JSON Web Signatures (RFC 7515) in compact form with ES256 (ECDSA P-256, SHA-256) only. The exchange
/// signs JSON documents rather than HTTP components, so that one signed message means the same in
/// process and over HTTP (ADR 0041). Only ES256 is accepted: a token naming any other algorithm,
/// "none" included, is refused before a key is looked up.
/// </summary>
public static class CompactJws
{
    public const string Algorithm = "ES256";

    /// <summary>Signs <paramref name="payload"/> and returns <c>header.payload.signature</c>.</summary>
    public static string Sign(ReadOnlySpan<byte> payload, SigningKey key, string type)
    {
        var header = Base64Url.EncodeToString(Header(key.Id, type));
        var body = Base64Url.EncodeToString(payload);
        var signingInput = header + "." + body;
        var signature = key.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Signs <paramref name="content"/> with a detached payload (RFC 7515 appendix F): <c>header..signature</c>.</summary>
    public static string SignDetached(ReadOnlySpan<byte> content, SigningKey key, string type)
    {
        var header = Base64Url.EncodeToString(Header(key.Id, type));
        var signingInput = header + "." + Base64Url.EncodeToString(content);
        var signature = key.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return header + ".." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// Verifies a compact JWS whose key is found by its <c>kid</c>; returns the payload, or null with the
    /// reason when the token is malformed, names an unknown key or its signature does not match.
    /// </summary>
    public static JwsVerification Verify(string? token, string expectedType, Func<string, ECDsa?> findKey)
    {
        if (string.IsNullOrEmpty(token))
        {
            return JwsVerification.Fail("no signed message");
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length == 0)
        {
            return JwsVerification.Fail("the signed message is not a compact JWS");
        }

        return VerifyParts(parts[0], parts[1], parts[2], expectedType, findKey);
    }

    /// <summary>Verifies a detached JWS (<c>header..signature</c>) over <paramref name="content"/>.</summary>
    public static JwsVerification VerifyDetached(string? token, ReadOnlySpan<byte> content, string expectedType, Func<string, ECDsa?> findKey)
    {
        if (string.IsNullOrEmpty(token))
        {
            return JwsVerification.Fail("no signature");
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length != 0)
        {
            return JwsVerification.Fail("the signature is not a detached compact JWS");
        }

        return VerifyParts(parts[0], Base64Url.EncodeToString(content), parts[2], expectedType, findKey);
    }

    private static JwsVerification VerifyParts(string header, string payload, string signature, string expectedType, Func<string, ECDsa?> findKey)
    {
        string? keyId;
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(header));
            var root = document.RootElement;
            if (!root.TryGetProperty("alg", out var alg) || alg.GetString() != Algorithm)
            {
                return JwsVerification.Fail($"only {Algorithm} signatures are accepted");
            }

            if (!root.TryGetProperty("typ", out var typ) || typ.GetString() != expectedType)
            {
                return JwsVerification.Fail($"the signed message is not of type {expectedType}");
            }

            keyId = root.TryGetProperty("kid", out var kid) ? kid.GetString() : null;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            return JwsVerification.Fail("the signature header cannot be read");
        }

        if (string.IsNullOrEmpty(keyId))
        {
            return JwsVerification.Fail("the signature names no key");
        }

        var key = findKey(keyId);
        if (key is null)
        {
            return JwsVerification.Fail($"the key '{keyId}' is not trusted");
        }

        byte[] signatureBytes;
        byte[] payloadBytes;
        try
        {
            signatureBytes = Base64Url.DecodeFromChars(signature);
            payloadBytes = Base64Url.DecodeFromChars(payload);
        }
        catch (FormatException)
        {
            return JwsVerification.Fail("the signed message is not valid base64url");
        }

        var signingInput = Encoding.ASCII.GetBytes(header + "." + payload);
        if (!key.VerifyData(signingInput, signatureBytes, HashAlgorithmName.SHA256))
        {
            return JwsVerification.Fail("the signature does not match the message");
        }

        return new JwsVerification(true, keyId, payloadBytes, null);
    }

    private static byte[] Header(string keyId, string type)
    {
        using var stream = new MemoryStream(96);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", Algorithm);
            writer.WriteString("kid", keyId);
            writer.WriteString("typ", type);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}

/// <summary>The outcome of checking a signature: the signer's key id and the payload, or why it failed.</summary>
public sealed record JwsVerification(bool IsValid, string? KeyId, byte[]? Payload, string? Error)
{
    public static JwsVerification Fail(string error) => new(false, null, null, error);
}

/// <summary>A named ECDSA P-256 key pair (or a public key only, for verifying).</summary>
public sealed record SigningKey(string Id, ECDsa Key)
{
    public static SigningKey Generate(string id) => new(id, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static SigningKey FromPem(string id, string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        if (key.KeySize != 256)
        {
            throw new InvalidOperationException($"The key '{id}' is not an ECDSA P-256 key.");
        }

        return new SigningKey(id, key);
    }

    public string PrivateKeyPem() => Key.ExportPkcs8PrivateKeyPem();

    public string PublicKeyPem() => Key.ExportSubjectPublicKeyInfoPem();
}
