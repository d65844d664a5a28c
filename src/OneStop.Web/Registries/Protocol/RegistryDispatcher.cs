using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;

namespace OneStop.Web.Registries.Protocol;

/// <summary>
/// The door of every registry: checks the gateway's signature, the time window and the nonce, that the
/// signed request names this service and subject, then answers with a body signed by the registry. The
/// HTTP endpoints and the in-process transport both come through here, so both are guarded alike.
/// </summary>
public sealed class RegistryDispatcher(
    IEnumerable<IRegistryService> services,
    IEnumerable<IGatewayKeyDirectory> gatewayKeys,
    RegistryKeyRing keys,
    RegistriesDbContext db,
    RegistryReplayGuard replay,
    TimeProvider time)
{
    private static readonly Dictionary<string, IRegistryService> NoServices = [];
    private Dictionary<string, IRegistryService> _services = NoServices;

    /// <summary>
    /// Answers <paramref name="signedRequest"/> for <paramref name="serviceName"/>. <paramref name="routeSubject"/>
    /// is the identifier in the HTTP address (null in process), which must be the one the gateway signed.
    /// </summary>
    public async Task<RegistryReply> HandleAsync(string serviceName, string? routeSubject, string? signedRequest, CancellationToken cancellationToken)
    {
        if (_services.Count == 0)
        {
            _services = services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        }

        if (!_services.TryGetValue(serviceName, out var service))
        {
            return Problem(404, "Unknown registry service", $"No registry offers the service '{serviceName}'.");
        }

        if (string.IsNullOrEmpty(signedRequest))
        {
            return Problem(401, "Signed request required",
                $"A registry answers only requests signed by the exchange gateway, in the '{RegistryRequest.Header}' header.");
        }

        var verification = CompactJws.Verify(signedRequest, RegistryRequest.MediaType, FindGatewayKey);
        if (!verification.IsValid)
        {
            return Problem(401, "Signature refused", $"The request was refused: {verification.Error}.");
        }

        var request = RegistryRequest.FromJson(verification.Payload!);
        if (request is null || request.RequestId == Guid.Empty || AnyMissing(request))
        {
            return Problem(401, "Signed request incomplete",
                "The signed request must name the service, the subject, the client system, the end user, the purpose, the legal basis and the application code.");
        }

        if (request.Service != service.Name || (routeSubject is not null && request.Subject != routeSubject))
        {
            return Problem(401, "Signed request does not match",
                "The signed request was made for another service or another subject than the one asked.");
        }

        var freshness = replay.Guard.Check(verification.KeyId!, request.RequestId.ToString("N"), request.CreatedUnixMilliseconds);
        if (freshness != ReplayCheck.Accepted)
        {
            return Problem(401, "Request refused as a replay",
                freshness == ReplayCheck.Replayed
                    ? "This signed request was already answered; every request needs a new identifier."
                    : $"The signed request was created outside the accepted window of {replay.Guard.Window.TotalSeconds:0} seconds.");
        }

        var invalid = service.ValidateSubject(request.Subject);
        if (invalid is not null)
        {
            return Problem(400, "Invalid identifier", invalid);
        }

        await keys.EnsureLoadedAsync(db, cancellationToken);
        var found = await service.FindAsync(request.Subject, cancellationToken);
        var envelope = new RegistryEnvelope(
            request.RequestId,
            service.Name,
            request.Subject,
            found is not null,
            found?.Record,
            found?.DataSubjects ?? [],
            time.GetUtcNow().ToUnixTimeMilliseconds());
        var body = envelope.ToJson();
        var signature = CompactJws.SignDetached(body, keys.For(service.Registry), RegistryEnvelope.SignatureType);
        return new RegistryReply(found is null ? 404 : 200, body, signature, "application/json");
    }

    private System.Security.Cryptography.ECDsa? FindGatewayKey(string keyId)
    {
        foreach (var directory in gatewayKeys)
        {
            var key = directory.Find(keyId);
            if (key is not null)
            {
                return key;
            }
        }

        return null;
    }

    private static bool AnyMissing(RegistryRequest request) =>
        string.IsNullOrWhiteSpace(request.Service) || string.IsNullOrWhiteSpace(request.Subject)
        || string.IsNullOrWhiteSpace(request.ClientSystem) || string.IsNullOrWhiteSpace(request.EndUser)
        || string.IsNullOrWhiteSpace(request.Purpose) || string.IsNullOrWhiteSpace(request.LegalBasis)
        || string.IsNullOrWhiteSpace(request.ApplicationCode);

    private static RegistryReply Problem(int status, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        return new RegistryReply(status, JsonSerializer.SerializeToUtf8Bytes(problem, RegistryJson.Options), null, "application/problem+json");
    }

    /// <summary>Writes a reply to an HTTP response, the signature in its header.</summary>
    public static async Task WriteAsync(HttpContext context, RegistryReply reply)
    {
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        if (reply.Signature is not null)
        {
            context.Response.Headers[RegistryEnvelope.SignatureHeader] = reply.Signature;
        }

        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }
}

/// <summary>The registries' nonce memory, one per process; the window is <c>Registries:RequestWindowSeconds</c>.</summary>
public sealed class RegistryReplayGuard(TimeProvider time, IConfiguration configuration)
{
    public ReplayGuard Guard { get; } = new(time, TimeSpan.FromSeconds(configuration.GetValue("Registries:RequestWindowSeconds", 120)));
}

/// <summary>Builds the JSON of a record with only the values a registry holds (no nulls invented).</summary>
public static class RecordJson
{
    public static JsonObject Address(string provinceCode, string communeCode, string street, string? oldProvinceCode, string? oldDistrictCode, string? oldCommuneCode) =>
        new()
        {
            ["provinceCode"] = provinceCode,
            ["communeCode"] = communeCode,
            ["street"] = street,
            ["old"] = oldCommuneCode is null
                ? null
                : new JsonObject { ["provinceCode"] = oldProvinceCode, ["districtCode"] = oldDistrictCode, ["communeCode"] = oldCommuneCode },
        };

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
