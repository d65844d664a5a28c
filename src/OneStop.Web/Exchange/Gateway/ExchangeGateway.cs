using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneStop.Web.Exchange.Catalog;
using OneStop.Web.Exchange.Log;
using OneStop.Web.Registries.Protocol;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OneStop.Web.Exchange.Gateway;

internal sealed partial class ExchangeGateway(
    ExchangeOptions options,
    AccessRights rights,
    GatewayKeyRing keys,
    RegistryKeyRing registryKeys,
    RegistryTransports transports,
    ExchangeLogWriter log,
    TimeProvider time,
    ILogger<ExchangeGateway> logger) : IExchangeGateway
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<RegistryReply>> _pipelines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ECDsa?> _configuredRegistryKeys = new(StringComparer.Ordinal);

    public async Task<ExchangeResult> QueryAsync(ExchangeQuery query, CancellationToken cancellationToken = default)
    {
        var requestId = Guid.CreateVersion7();
        var now = ExchangeLogWriter.Truncate(time.GetUtcNow());
        var service = ExchangeCatalog.Service(query.Service);
        var invalid = rights.Validate(query, service);
        if (invalid is not null)
        {
            return new ExchangeResult(requestId, ExchangeOutcome.Invalid, invalid, query.Service, service?.Registry ?? "", null, [], now, null);
        }

        var decision = rights.Decide(query, service!);
        var request = new RegistryRequest(requestId, service!.Name, query.SubjectId, query.ClientSystem, query.EndUser.ToString(),
            query.Purpose, query.LegalBasis, query.ApplicationCode, now.ToUnixTimeMilliseconds());
        if (!decision.Granted)
        {
            return await RecordAsync(query, service, request, now, ExchangeOutcome.Refused, decision.Reason, decision.Fields, null, null, null, Subjects(query, service), cancellationToken);
        }

        var signed = CompactJws.Sign(request.ToJson(), keys.Key, RegistryRequest.MediaType);
        RegistryReply reply;
        try
        {
            var transport = transports.For(service.Registry);
            reply = await Pipeline(service.Registry).ExecuteAsync(
                async token => await transport.SendAsync(service, query.SubjectId, signed, token), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = exception switch
            {
                BrokenCircuitException => $"The {service.Registry} registry is cut off after repeated failures; it will be tried again shortly.",
                TimeoutRejectedException => $"The {service.Registry} registry did not answer within {options.TimeoutMilliseconds} ms.",
                HttpRequestException => $"The {service.Registry} registry cannot be reached.",
                _ => $"The {service.Registry} registry failed to answer.",
            };
            LogRegistryFailed(service.Registry, exception);
            return await RecordAsync(query, service, request, now, ExchangeOutcome.Unavailable, reason, decision.Fields, signed, null, null, Subjects(query, service), cancellationToken);
        }

        var envelope = Check(reply, service, request, out var problem);
        if (envelope is null)
        {
            return await RecordAsync(query, service, request, now, ExchangeOutcome.Unavailable, problem, decision.Fields, signed, reply, null, Subjects(query, service), cancellationToken);
        }

        var record = envelope.Found ? Project(envelope.Record, decision.Fields) : null;
        var outcome = envelope.Found ? ExchangeOutcome.Delivered : ExchangeOutcome.NotFound;
        IReadOnlyList<string> subjects = envelope.DataSubjects.Count > 0 ? envelope.DataSubjects : Subjects(query, service);
        return await RecordAsync(query, service, request, now, outcome, null, envelope.Found ? decision.Fields : [], signed, reply, record, subjects, cancellationToken);
    }

    /// <summary>The answer's envelope when its signature, request id, service and subject are right; otherwise null and why.</summary>
    private RegistryEnvelope? Check(RegistryReply reply, ExchangeService service, RegistryRequest request, out string? problem)
    {
        if (reply.Status is not (200 or 404))
        {
            problem = $"The {service.Registry} registry refused the request ({reply.Status}): {ProblemDetail(reply.Body)}";
            return null;
        }

        var verification = CompactJws.VerifyDetached(reply.Signature, reply.Body, RegistryEnvelope.SignatureType,
            keyId => keyId == service.Registry ? RegistryKey(service.Registry) : null);
        if (!verification.IsValid)
        {
            problem = $"The answer of the {service.Registry} registry failed the signature check: {verification.Error}.";
            return null;
        }

        var envelope = RegistryEnvelope.FromJson(reply.Body);
        if (envelope is null || envelope.RequestId != request.RequestId || envelope.Service != request.Service || envelope.Subject != request.Subject)
        {
            problem = $"The answer of the {service.Registry} registry is not the answer to this request.";
            return null;
        }

        problem = null;
        return envelope;
    }

    private async Task<ExchangeResult> RecordAsync(
        ExchangeQuery query, ExchangeService service, RegistryRequest request, DateTimeOffset now, ExchangeOutcome outcome, string? reason,
        IReadOnlyList<string> fields, string? signedRequest, RegistryReply? reply, JsonObject? record, IReadOnlyList<string> subjects,
        CancellationToken cancellationToken)
    {
        var full = options.LogsFullBodies(service.Name);
        var entry = new ExchangeLogEntry
        {
            RequestId = request.RequestId,
            OccurredAt = now,
            ClientSystem = query.ClientSystem,
            EndUser = request.EndUser,
            EndUserUnit = query.EndUser.Kind == EndUserKind.Officer ? query.EndUser.UnitCode : null,
            Registry = service.Registry,
            Service = service.Name,
            SubjectId = query.SubjectId,
            Purpose = query.Purpose,
            LegalBasis = query.LegalBasis,
            ApplicationCode = query.ApplicationCode,
            Fields = string.Join(",", fields),
            Outcome = OutcomeName(outcome),
            Reason = reason is { Length: > 400 } ? reason[..400] : reason,
            DataSubjects = string.Join(",", subjects.Distinct().Order(StringComparer.Ordinal)),
            RequestDigest = LogHashing.Sha256Hex(Encoding.ASCII.GetBytes(signedRequest ?? Encoding.UTF8.GetString(request.ToJson()))),
            ResponseDigest = reply is null ? "" : LogHashing.Sha256Hex(reply.Body),
            ResponseSignature = reply?.Signature,
            RequestBody = full ? signedRequest : null,
            ResponseBody = full && reply is not null ? Encoding.UTF8.GetString(reply.Body) : null,
            PreviousHash = "",
            Hash = "",
        };

        long sequence;
        try
        {
            sequence = await log.AppendAsync(entry, [.. subjects.Where(s => PersonalIdNumber.Validate(s, now.Year) is null)], cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            // Data that is not on record is not handed out.
            LogRegistryFailed("exchange log", exception);
            return new ExchangeResult(request.RequestId, ExchangeOutcome.Unavailable, "The exchange could not be written to the exchange log.", service.Name, service.Registry, null, [], now, null);
        }

        return new ExchangeResult(request.RequestId, outcome, reason, service.Name, service.Registry, record, fields, now, sequence);
    }

    public static string OutcomeName(ExchangeOutcome outcome) => outcome switch
    {
        ExchangeOutcome.Delivered => "delivered",
        ExchangeOutcome.NotFound => "not-found",
        ExchangeOutcome.Refused => "refused",
        ExchangeOutcome.Unavailable => "unavailable",
        _ => "invalid",
    };

    private static JsonObject? Project(JsonObject? record, IReadOnlyList<string> fields)
    {
        if (record is null)
        {
            return null;
        }

        var projected = new JsonObject();
        foreach (var field in fields)
        {
            if (record.TryGetPropertyValue(field, out var value))
            {
                projected[field] = value?.DeepClone();
            }
        }

        return projected;
    }

    private static string[] Subjects(ExchangeQuery query, ExchangeService service) =>
        service.Subject == SubjectKind.PersonalIdNumber ? [query.SubjectId] : [];

    private static string ProblemDetail(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<ProblemDetails>(body, RegistryJson.Options)?.Detail ?? "no detail";
        }
        catch (JsonException)
        {
            return "no detail";
        }
    }

    private ECDsa? RegistryKey(string registry)
    {
        if (options.Registries.TryGetValue(registry, out var endpoint) && !string.IsNullOrWhiteSpace(endpoint.PublicKeyPath))
        {
            return _configuredRegistryKeys.GetOrAdd(registry, _ => SigningKey.FromPem(registry, File.ReadAllText(endpoint.PublicKeyPath)).Key);
        }

        return registryKeys.PublicKey(registry);
    }

    private ResiliencePipeline<RegistryReply> Pipeline(string registry) => _pipelines.GetOrAdd(registry, _ =>
        new ResiliencePipelineBuilder<RegistryReply> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<RegistryReply>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
                ShouldHandle = new PredicateBuilder<RegistryReply>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(reply => reply.Status >= 500),
            })
            .AddTimeout(TimeSpan.FromMilliseconds(options.TimeoutMilliseconds))
            .Build());

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Registry} did not answer the exchange")]
    private partial void LogRegistryFailed(string registry, Exception exception);
}
