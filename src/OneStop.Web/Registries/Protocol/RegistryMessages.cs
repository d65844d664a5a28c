using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OneStop.Web.Registries.Protocol;

/// <summary>
/// A query to a registry as the exchange gateway signs it (JWS type <see cref="MediaType"/>). Every field
/// is mandatory: the registry answers only a request that says who asks, for whom and why.
/// </summary>
public sealed record RegistryRequest(
    Guid RequestId,
    string Service,
    string Subject,
    string ClientSystem,
    string EndUser,
    string Purpose,
    string LegalBasis,
    string ApplicationCode,
    long CreatedUnixMilliseconds)
{
    public const string MediaType = "onestop-registry-request+jwt";

    /// <summary>The HTTP header carrying the signed request.</summary>
    public const string Header = "Exchange-Request";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, RegistryJson.Options);

    public static RegistryRequest? FromJson(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<RegistryRequest>(json, RegistryJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// A registry's answer, signed by the registry with a detached JWS (type <see cref="SignatureType"/>)
/// carried beside the body, so that the body stays plain JSON and the signature covers its exact bytes.
/// </summary>
public sealed record RegistryEnvelope(
    Guid RequestId,
    string Service,
    string Subject,
    bool Found,
    JsonObject? Record,
    IReadOnlyList<string> DataSubjects,
    long RespondedUnixMilliseconds)
{
    public const string SignatureType = "onestop-registry-response+jws";

    /// <summary>The HTTP header carrying the detached signature of the body.</summary>
    public const string SignatureHeader = "Exchange-Response-Signature";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, RegistryJson.Options);

    public static RegistryEnvelope? FromJson(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<RegistryEnvelope>(json, RegistryJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What a registry sends back, whatever the transport: a status, the body bytes and their signature.</summary>
public sealed record RegistryReply(int Status, byte[] Body, string? Signature, string ContentType);

public static class RegistryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
