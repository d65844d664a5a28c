using System.Text.RegularExpressions;
using OneStop.Web.Exchange.Catalog;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Web.Exchange.Gateway;

/// <summary>The rights decision: granted with the fields the client may receive, or refused with why.</summary>
public sealed record RightsDecision(bool Granted, string? Reason, IReadOnlyList<string> Fields);

/// <summary>Checks what a query says before anything is sent, then the client system's rights.</summary>
internal sealed partial class AccessRights(ExchangeOptions options, TimeProvider time)
{
    /// <summary>Whether the text has the shape of an application's code or a draft id, as every query must name.</summary>
    public static bool IsApplicationCode(string? text) => text is not null && ApplicationCodePattern().IsMatch(text);

    /// <summary>Why the query cannot be sent at all (not a rights question), or null.</summary>
    public string? Validate(ExchangeQuery query, ExchangeService? service)
    {
        if (service is null)
        {
            return $"Unknown service '{query.Service}'. Services: {string.Join(", ", ExchangeCatalog.Services.Select(s => s.Name))}.";
        }

        if (ExchangeCatalog.FindPurpose(query.Purpose) is null)
        {
            return $"Unknown purpose '{query.Purpose}'. Purposes: {string.Join(", ", ExchangeCatalog.Purposes.Select(p => p.Code))}.";
        }

        if (ExchangeCatalog.FindLegalBasis(query.LegalBasis) is null)
        {
            return $"Unknown legal basis '{query.LegalBasis}'. Legal bases: {string.Join(", ", ExchangeCatalog.LegalBases.Select(b => b.Code))}.";
        }

        if (!IsApplicationCode(query.ApplicationCode))
        {
            return "The application code must be an application's code (unit code-yyMMdd-sequence, e.g. 11953-260115-0001) or a draft id ('draft-' and 32 hexadecimal digits).";
        }

        var subject = ExchangeCatalog.ValidateSubject(service, query.SubjectId, time.GetUtcNow().Year);
        if (subject is not null)
        {
            return subject;
        }

        return query.EndUser switch
        {
            null => "The end user is required.",
            { Kind: EndUserKind.Citizen } citizen => PersonalIdNumber.Validate(citizen.Id, time.GetUtcNow().Year) is { } error ? $"End user: {error}" : null,
            { Kind: EndUserKind.Officer } officer when !OfficerIdPattern().IsMatch(officer.Id ?? "") =>
                "An officer end user needs an id of 1 to 64 letters, digits or . _ @ -.",
            { Kind: EndUserKind.Officer } officer when !UnitCodePattern().IsMatch(officer.UnitCode ?? "") =>
                "An officer end user needs a unit code (a 5-digit commune code, a 2-digit province code, or a department code).",
            _ => null,
        };
    }

    public RightsDecision Decide(ExchangeQuery query, ExchangeService service)
    {
        if (!options.Members.ContainsKey(query.ClientSystem ?? ""))
        {
            return Refuse($"'{query.ClientSystem}' is not a member system of the gateway.");
        }

        var rights = options.Rights.Where(r => r.Client == query.ClientSystem && r.Service == service.Name).ToList();
        if (rights.Count == 0)
        {
            return Refuse($"The client system '{query.ClientSystem}' has no right to the service '{service.Name}'.");
        }

        rights = [.. rights.Where(r => r.Purposes.Contains(query.Purpose))];
        if (rights.Count == 0)
        {
            return Refuse($"The client system '{query.ClientSystem}' may not use '{service.Name}' for the purpose '{query.Purpose}'.");
        }

        if (rights.All(r => r.OwnDataOnly) && (query.EndUser.Kind != EndUserKind.Citizen || query.EndUser.Id != query.SubjectId))
        {
            return Refuse($"The client system '{query.ClientSystem}' may read '{service.Name}' only about the citizen it acts for.");
        }

        var granted = rights.SelectMany(r => r.Fields).Distinct().Where(service.Fields.Contains).ToList();
        if (query.Fields is { Count: > 0 } asked)
        {
            var notGranted = asked.Where(f => !granted.Contains(f)).ToList();
            if (notGranted.Count > 0)
            {
                return Refuse($"The client system '{query.ClientSystem}' is not granted the field(s) {string.Join(", ", notGranted)} of '{service.Name}'.", asked);
            }

            granted = [.. asked.Distinct()];
        }

        return new RightsDecision(true, null, granted);
    }

    /// <summary>The fields <paramref name="client"/> may receive from <paramref name="service"/> for <paramref name="purpose"/>.</summary>
    public IReadOnlyList<string> GrantedFields(string client, string service, string purpose) =>
        [.. options.Rights.Where(r => r.Client == client && r.Service == service && r.Purposes.Contains(purpose)).SelectMany(r => r.Fields).Distinct()];

    private static RightsDecision Refuse(string reason, IReadOnlyList<string>? fields = null) => new(false, reason, fields ?? []);

    // A province department's applications carry its code with a dash ("33-CA-261208-0001").
    [GeneratedRegex(@"^(?:[0-9A-Za-z.]{2,30}(?:-[A-Za-z]{1,16})?-[0-9]{6}-[0-9]{1,6}|draft-[0-9a-f]{32})$")]
    private static partial Regex ApplicationCodePattern();

    [GeneratedRegex(@"^[A-Za-z0-9._@\-]{1,64}$")]
    private static partial Regex OfficerIdPattern();

    // A commune (5 digits), a province (2 digits) or one of its departments ("33-CA").
    [GeneratedRegex(@"^(?:[0-9]{2}|[0-9]{5}|[0-9]{2}-[A-Za-z]{1,16}|[A-Za-z][A-Za-z0-9.\-]{1,19})$")]
    private static partial Regex UnitCodePattern();
}
