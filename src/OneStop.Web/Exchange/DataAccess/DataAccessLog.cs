using Microsoft.EntityFrameworkCore;
using OneStop.Web.Exchange.Catalog;
using OneStop.Web.Exchange.Log;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Exchange.DataAccess;

/// <summary>One use of a citizen's data, as the citizen sees it ("who used my data").</summary>
public sealed record DataAccessRecord(
    long Sequence,
    DateTimeOffset OccurredAt,
    string ClientSystem,
    string ClientSystemName,
    string EndUserKind,
    string? Unit,
    string Registry,
    string Service,
    string Purpose,
    string PurposeName,
    string LegalBasis,
    string ApplicationCode,
    IReadOnlyList<string> Fields,
    string Outcome);

/// <summary>
/// Every exchange that touched a person's data, read from the gateway's own log: no registry keeps an
/// access log for this. Refused and failed attempts are listed too, since someone tried.
/// </summary>
public sealed class DataAccessLog(OneStopDbContext db, ExchangeOptions options)
{
    public async Task<IReadOnlyList<DataAccessRecord>> ForPersonAsync(string personalIdNumber, int limit, CancellationToken cancellationToken)
    {
        var sequences = db.Set<ExchangeLogDataSubject>().Where(s => s.PersonalIdNumber == personalIdNumber).Select(s => s.Sequence);
        var entries = await db.Set<ExchangeLogEntry>().AsNoTracking()
            .Where(e => sequences.Contains(e.Sequence))
            .OrderByDescending(e => e.Sequence)
            .Take(Math.Clamp(limit, 1, 1000))
            .Select(e => new { e.Sequence, e.OccurredAt, e.ClientSystem, e.EndUser, e.EndUserUnit, e.Registry, e.Service, e.Purpose, e.LegalBasis, e.ApplicationCode, e.Fields, e.Outcome })
            .ToListAsync(cancellationToken);
        return [.. entries.Select(e => new DataAccessRecord(
            e.Sequence,
            e.OccurredAt,
            e.ClientSystem,
            options.Members.TryGetValue(e.ClientSystem, out var member) ? member.Name : e.ClientSystem,
            e.EndUser.StartsWith("officer:", StringComparison.Ordinal) ? "officer" : "citizen",
            e.EndUserUnit,
            e.Registry,
            e.Service,
            e.Purpose,
            ExchangeCatalog.FindPurpose(e.Purpose)?.NameVi ?? e.Purpose,
            e.LegalBasis,
            e.ApplicationCode,
            e.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries),
            e.Outcome))];
    }
}
