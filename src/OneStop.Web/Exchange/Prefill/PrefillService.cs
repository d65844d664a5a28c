using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OneStop.Web.Exchange.Catalog;
using OneStop.Web.Exchange.Gateway;

namespace OneStop.Web.Exchange.Prefill;

/// <summary>
/// Prefills a citizen's form from the registries ("declare only once"). Each field comes back with its
/// value and source, or as not held / unavailable with a reason so the citizen can type it instead (the
/// portal then marks it self-declared). It never throws for a registry that is down or slow.
/// </summary>
public interface IPrefillService
{
    Task<PrefillResult> PrefillAsync(PrefillRequest request, CancellationToken cancellationToken = default);
}

/// <summary>
/// Which fields to prefill for which citizen and application. <paramref name="FieldSources"/> use the
/// vocabulary in the README (e.g. <c>population.fullName</c>, <c>population.permanentResidence.communeCode</c>,
/// <c>enterprise.enterprises[0].taxCode</c>). <paramref name="ApplicationCode"/> is the application's code
/// or a draft id (<c>draft-</c> and 32 hexadecimal digits).
/// </summary>
public sealed record PrefillRequest(
    string PersonalIdNumber,
    IReadOnlyList<string> FieldSources,
    string ApplicationCode,
    string Purpose = "application-prefill",
    string LegalBasis = "118/2025/NĐ-CP");

public sealed record PrefillResult(IReadOnlyList<PrefilledField> Fields)
{
    public PrefilledField this[string source] => Fields.First(f => f.Source == source);
}

public enum PrefillStatus
{
    /// <summary>The registry gave the value (it may be null: e.g. no temporary residence).</summary>
    Available,

    /// <summary>The registry answered but holds no such value (e.g. no enterprise, no record).</summary>
    NotHeld,

    /// <summary>The value could not be had (registry down or slow, no right, unknown source): the citizen types it.</summary>
    Unavailable,
}

/// <summary>One field: its value and where it came from, or why there is none.</summary>
public sealed record PrefilledField(string Source, PrefillStatus Status, JsonNode? Value, PrefillOrigin? Origin, string? Reason);

/// <summary>Where a value came from: registry, service, when, and the exchange that carried it.</summary>
public sealed record PrefillOrigin(string Registry, string Service, DateTimeOffset RetrievedAt, Guid RequestId);

/// <summary>
/// Reads again, for an officer checking an application, the registry values its answers are declared against
/// (the applicant's own, and another person's named in the form, such as the mother's by her ID number), under
/// the purpose <c>application-verification</c>. Same field sources and answers as <see cref="IPrefillService"/>;
/// the officer is the end user, so each reading is logged and shown to the person whose data it is.
/// </summary>
public interface IRegistryCrossCheck
{
    Task<PrefillResult> ReadForOfficerAsync(CrossCheckRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What an officer reads: whose data, which field sources, for which application.</summary>
public sealed record CrossCheckRequest(
    string OfficerId,
    string OfficerUnitCode,
    string SubjectIdNumber,
    IReadOnlyList<string> FieldSources,
    string ApplicationCode,
    string LegalBasis = "118/2025/NĐ-CP");

internal sealed partial class PrefillService(IExchangeGateway gateway, AccessRights rights, ILogger<PrefillService> logger) : IPrefillService, IRegistryCrossCheck
{
    public const string VerificationPurpose = "application-verification";

    /// <summary>Older names some procedure files use for the population registry's fields.</summary>
    private static readonly Dictionary<string, string> SourceAliases = new(StringComparer.Ordinal)
    {
        ["population.idNumber"] = "population.personalIdNumber",
        ["population.residenceCommune"] = "population.permanentResidence.communeCode",
    };

    /// <summary>Field-source prefixes and the service that answers them, the longest prefix first.</summary>
    private static readonly (string Prefix, string Service)[] Prefixes =
    [
        ("population.household.", "population.household"),
        ("population.", "population.person"),
        ("enterprise.", "enterprise.byRepresentative"),
        ("land.", "land.parcelsByOwner"),
        ("civilStatus.", "civilStatus.events"),
        ("judicial.", "judicial.record"),
    ];

    public Task<PrefillResult> PrefillAsync(PrefillRequest request, CancellationToken cancellationToken = default) =>
        ReadAsync(ExchangeDefaults.Portal, EndUser.Citizen(request.PersonalIdNumber), request.PersonalIdNumber, request.FieldSources,
            request.Purpose, request.LegalBasis, request.ApplicationCode, cancellationToken);

    public Task<PrefillResult> ReadForOfficerAsync(CrossCheckRequest request, CancellationToken cancellationToken = default) =>
        ReadAsync(ExchangeDefaults.OfficerWorkspace, EndUser.Officer(request.OfficerId, request.OfficerUnitCode), request.SubjectIdNumber,
            request.FieldSources, VerificationPurpose, request.LegalBasis, request.ApplicationCode, cancellationToken);

    private async Task<PrefillResult> ReadAsync(
        string client, EndUser asker, string subject, IReadOnlyList<string> fieldSources, string purpose, string legalBasis, string applicationCode,
        CancellationToken cancellationToken)
    {
        // A source the client is not granted is left out of the query, so it does not spoil the others.
        var parsed = fieldSources.Distinct().Select(Parse).ToList();
        var notGranted = parsed
            .Where(p => p.Service is not null && !rights.GrantedFields(client, p.Service, purpose).Contains(p.Segments[0].Name))
            .ToHashSet();
        parsed = [.. parsed.Select(p => notGranted.Contains(p) ? p with { Service = null, Reason = "This client is not granted this field for this purpose." } : p)];
        var byService = parsed.Where(p => p.Service is not null).GroupBy(p => p.Service!);
        var answers = await Task.WhenAll(byService.Select(async group =>
        {
            var fields = group.Select(p => p.Segments[0].Name).Distinct().ToList();
            ExchangeResult? result;
            try
            {
                result = await gateway.QueryAsync(new ExchangeQuery(
                    client, group.Key, subject, asker, purpose, legalBasis, applicationCode, fields), cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogPrefillFailed(group.Key, exception);
                result = null;
            }

            return (Service: group.Key, Result: result);
        }));
        var results = answers.ToDictionary(a => a.Service, a => a.Result);

        return new PrefillResult([.. parsed.Select(p => Resolve(p, p.Service is null ? null : results[p.Service]))]);
    }

    private static PrefilledField Resolve(FieldSource source, ExchangeResult? result)
    {
        if (source.Service is null)
        {
            return new PrefilledField(source.Text, PrefillStatus.Unavailable, null, null, source.Reason ?? "Unknown field source; see the field-source vocabulary.");
        }

        if (result is null)
        {
            return new PrefilledField(source.Text, PrefillStatus.Unavailable, null, null, "The registry could not be asked.");
        }

        var origin = new PrefillOrigin(result.Registry, result.Service, result.RetrievedAt, result.RequestId);
        switch (result.Outcome)
        {
            case ExchangeOutcome.NotFound:
                return new PrefilledField(source.Text, PrefillStatus.NotHeld, null, origin, "The registry holds no record about this person.");
            case ExchangeOutcome.Delivered:
                break;
            default:
                return new PrefilledField(source.Text, PrefillStatus.Unavailable, null, origin, result.Reason);
        }

        JsonNode? node = result.Record;
        foreach (var segment in source.Segments)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment.Name, out node))
            {
                return new PrefilledField(source.Text, PrefillStatus.NotHeld, null, origin, $"The record has no '{segment.Name}'.");
            }

            if (segment.Index is { } index)
            {
                if (node is not JsonArray array || index >= array.Count)
                {
                    return new PrefilledField(source.Text, PrefillStatus.NotHeld, null, origin, $"The record has no {segment.Name}[{index}].");
                }

                node = array[index];
            }
        }

        return new PrefilledField(source.Text, PrefillStatus.Available, node?.DeepClone(), origin, null);
    }

    private static FieldSource Parse(string text)
    {
        var path = SourceAliases.GetValueOrDefault(text, text);
        foreach (var (prefix, service) in Prefixes)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var segments = new List<Segment>();
            foreach (var part in path[prefix.Length..].Split('.'))
            {
                var match = SegmentPattern().Match(part);
                if (!match.Success)
                {
                    return new FieldSource(text, null, []);
                }

                segments.Add(new Segment(match.Groups[1].Value, match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null));
            }

            var known = ExchangeCatalog.Service(service)!.Fields.Contains(segments[0].Name);
            return known ? new FieldSource(text, service, segments) : new FieldSource(text, null, []);
        }

        return new FieldSource(text, null, []);
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]*)(?:\[([0-9]{1,3})\])?$")]
    private static partial Regex SegmentPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prefill from {Service} failed")]
    private partial void LogPrefillFailed(string service, Exception exception);

    private sealed record Segment(string Name, int? Index);

    private sealed record FieldSource(string Text, string? Service, IReadOnlyList<Segment> Segments, string? Reason = null);
}
