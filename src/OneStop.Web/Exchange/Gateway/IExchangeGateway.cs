using System.Text.Json.Nodes;

namespace OneStop.Web.Exchange.Gateway;

/// <summary>
/// The one door from the one-stop to the base registries (nền tảng tích hợp, chia sẻ dữ liệu). It checks
/// the request, enforces the client system's rights, signs the request, sends it to the registry, checks
/// the registry's signature on the answer, keeps only the granted fields and writes the exchange to the
/// log before answering. It never throws for a refused, failed or unavailable exchange: the outcome says so.
/// </summary>
public interface IExchangeGateway
{
    Task<ExchangeResult> QueryAsync(ExchangeQuery query, CancellationToken cancellationToken = default);
}

/// <summary>
/// A query: which client system asks, which service about which subject (an ID number, or a tax code for
/// <c>enterprise.byTaxCode</c>), for which end user, purpose, legal basis and application, and optionally
/// which fields (none: every granted field).
/// </summary>
public sealed record ExchangeQuery(
    string ClientSystem,
    string Service,
    string SubjectId,
    EndUser EndUser,
    string Purpose,
    string LegalBasis,
    string ApplicationCode,
    IReadOnlyList<string>? Fields = null);

public enum EndUserKind
{
    Citizen,
    Officer,
}

/// <summary>The person on whose behalf a system asks: a citizen (ID number) or an officer (id and unit).</summary>
public sealed record EndUser(EndUserKind Kind, string Id, string? UnitCode)
{
    public static EndUser Citizen(string personalIdNumber) => new(EndUserKind.Citizen, personalIdNumber, null);

    public static EndUser Officer(string officerId, string unitCode) => new(EndUserKind.Officer, officerId, unitCode);

    /// <summary>"citizen:{ID number}" or "officer:{id}@{unit}", as the signed request and the log carry it.</summary>
    public override string ToString() => Kind == EndUserKind.Citizen ? $"citizen:{Id}" : $"officer:{Id}@{UnitCode}";
}

public enum ExchangeOutcome
{
    /// <summary>The registry answered; <see cref="ExchangeResult.Record"/> holds the granted fields.</summary>
    Delivered,

    /// <summary>The registry holds nothing about the subject.</summary>
    NotFound,

    /// <summary>The query itself is wrong (unknown service or purpose, bad identifier…); nothing was sent.</summary>
    Invalid,

    /// <summary>The client system has no right to this service, purpose or field.</summary>
    Refused,

    /// <summary>The registry did not answer in time, is cut off, or its answer failed the signature check.</summary>
    Unavailable,
}

/// <summary>The outcome of a query, with the record (granted fields only) and where it came from.</summary>
public sealed record ExchangeResult(
    Guid RequestId,
    ExchangeOutcome Outcome,
    string? Reason,
    string Service,
    string Registry,
    JsonObject? Record,
    IReadOnlyList<string> Fields,
    DateTimeOffset RetrievedAt,
    long? LogSequence);
