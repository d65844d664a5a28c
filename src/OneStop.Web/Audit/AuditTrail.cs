using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Audit;

/// <summary>
/// The audit log every capability writes to: sign-ins, role changes and every change of state.
/// </summary>
public interface IAuditTrail
{
    /// <summary>
    /// Appends one entry to the hash chain and writes it at once. When the scoped
    /// <see cref="OneStopDbContext"/> has an open transaction the entry joins it (and is committed or
    /// rolled back with it); otherwise the entry is committed in a transaction of its own. It never
    /// saves the context's other pending changes. Appends are serialized: append as the last write
    /// of your transaction, just before committing, so the chain is held for the shortest time.
    /// </summary>
    Task<AuditReceipt> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}

/// <summary>What to record. <paramref name="Action"/> is <c>capability.event</c>, e.g. <c>applications.received</c>.</summary>
public sealed record AuditEvent(string Action)
{
    /// <summary>What the event is about, e.g. <c>application:01-260430-0001</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>The province of the unit whose work this is (for filtering by jurisdiction).</summary>
    public string? ProvinceCode { get; init; }

    /// <summary>The commune or department code of that unit.</summary>
    public string? UnitCode { get; init; }

    /// <summary>Further facts as text; never passwords, codes or secrets.</summary>
    public IReadOnlyDictionary<string, string?>? Details { get; init; }

    /// <summary>Who acted; by default the signed-in user of the current request, else <c>anonymous</c>.</summary>
    public AuditActor? Actor { get; init; }
}

/// <summary>Who acted.</summary>
public sealed record AuditActor(string Id, string? Name)
{
    public static AuditActor System { get; } = new("system", null);

    public static AuditActor Anonymous { get; } = new("anonymous", null);

    public static AuditActor Officer(string id, string? name) => new("officer:" + id, name);

    public static AuditActor Citizen(string personalIdNumber, string? name) => new("citizen:" + personalIdNumber, name);

    /// <summary>The actor a signed-in user is.</summary>
    public static AuditActor From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var name = user.FindFirst(OneStopClaimTypes.FullName)?.Value;
        if (user.IsInRole(Roles.Citizen) && user.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value is { } pid)
        {
            return Citizen(pid, name);
        }

        return user.FindFirst(OneStopClaimTypes.Subject)?.Value is { } id ? Officer(id, name) : Anonymous;
    }
}

/// <summary>The position of an appended entry in the chain.</summary>
public sealed record AuditReceipt(long Sequence, string Hash);

internal sealed class AuditTrail(OneStopDbContext db, TimeProvider time, IHttpContextAccessor http) : IAuditTrail
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

    public async Task<AuditReceipt> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Action);
        var actor = auditEvent.Actor ?? AuditActor.From(http.HttpContext?.User);
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // The first write of the transaction takes the chain head: a row lock on PostgreSQL, the
            // database write lock on SQLite. Every other append waits here, so the chain stays one line.
            var locked = await db.AuditChainHeads()
                .Where(h => h.Id == AuditChainHead.SingletonId)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastSequence, h => h.LastSequence + 1), cancellationToken);
            if (locked != 1)
            {
                throw new InvalidOperationException("The audit chain head is missing; the audit migrations have not been applied.");
            }

            var head = await db.AuditChainHeads().AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
            var entry = new AuditEntry
            {
                Sequence = head.LastSequence,
                OccurredAt = AuditHash.TruncateToMilliseconds(time.GetUtcNow()),
                ActorId = Limit(actor.Id, 200),
                ActorName = LimitOrNull(actor.Name, 200),
                Action = Limit(auditEvent.Action, 100),
                Subject = LimitOrNull(auditEvent.Subject, 200),
                ProvinceCode = auditEvent.ProvinceCode,
                UnitCode = auditEvent.UnitCode,
                Details = AuditHash.CanonicalDetails(auditEvent.Details),
                PreviousHash = head.LastHash,
            };
            entry.Hash = AuditHash.Compute(entry);

            await InsertAsync(entry, cancellationToken);
            await db.AuditChainHeads()
                .Where(h => h.Id == AuditChainHead.SingletonId)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastHash, entry.Hash), cancellationToken);

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return new AuditReceipt(entry.Sequence, entry.Hash);
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    // Written with SQL rather than the change tracker so that the caller's pending changes stay unsaved.
    private Task<int> InsertAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        object occurredAt = ProviderConventions.IsSqlite(db.Database.ProviderName)
            ? SqliteInstant.ConvertToProvider(entry.OccurredAt)!
            : entry.OccurredAt;
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO audit_entries (sequence, occurred_at, actor_id, actor_name, action, subject, province_code, unit_code, details, previous_hash, hash)
            VALUES ({entry.Sequence}, {occurredAt}, {entry.ActorId}, {entry.ActorName}, {entry.Action}, {entry.Subject}, {entry.ProvinceCode}, {entry.UnitCode}, {entry.Details}, {entry.PreviousHash}, {entry.Hash})
            """,
            cancellationToken);
    }

    private static string Limit(string value, int length) => value.Length <= length ? value : value[..length];

    private static string? LimitOrNull(string? value, int length) => value is null ? null : Limit(value, length);
}
