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
    /// Writes the entry at once to the audit queue. When the scoped <see cref="OneStopDbContext"/> has an
    /// open transaction the entry joins it (and is committed or rolled back with it); otherwise it is
    /// committed on its own. It never saves the context's other pending changes. The
    /// <see cref="AuditChainer"/> puts queued entries into the hash chain moments later.
    /// </summary>
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the entry to the scoped context's pending changes: the caller's next <c>SaveChanges</c> writes it
    /// together with the caller's own rows, in the same transaction and the same round trip.
    /// </summary>
    void Add(AuditEvent auditEvent);
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

internal sealed class AuditTrail(OneStopDbContext db, TimeProvider time, IHttpContextAccessor http, AuditChainSignal signal) : IAuditTrail
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        var entry = Queued(auditEvent);
        object occurredAt = ProviderConventions.IsSqlite(db.Database.ProviderName)
            ? SqliteInstant.ConvertToProvider(entry.OccurredAt)!
            : entry.OccurredAt;

        // Written with SQL rather than the change tracker so that the caller's pending changes stay unsaved.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO audit_queue (occurred_at, actor_id, actor_name, action, subject, province_code, unit_code, details)
            VALUES ({occurredAt}, {entry.ActorId}, {entry.ActorName}, {entry.Action}, {entry.Subject}, {entry.ProvinceCode}, {entry.UnitCode}, {entry.Details})
            """,
            cancellationToken);
        signal.EntryQueued();
    }

    public void Add(AuditEvent auditEvent)
    {
        db.Add(Queued(auditEvent));
        signal.EntryQueued();
    }

    private QueuedAuditEntry Queued(AuditEvent auditEvent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Action);
        var actor = auditEvent.Actor ?? AuditActor.From(http.HttpContext?.User);
        return new QueuedAuditEntry
        {
            OccurredAt = AuditHash.TruncateToMilliseconds(time.GetUtcNow()),
            ActorId = Limit(actor.Id, 200),
            ActorName = LimitOrNull(actor.Name, 200),
            Action = Limit(auditEvent.Action, 100),
            Subject = LimitOrNull(auditEvent.Subject, 200),
            ProvinceCode = auditEvent.ProvinceCode,
            UnitCode = auditEvent.UnitCode,
            Details = AuditHash.CanonicalDetails(auditEvent.Details),
        };
    }

    private static string Limit(string value, int length) => value.Length <= length ? value : value[..length];

    private static string? LimitOrNull(string? value, int length) => value is null ? null : Limit(value, length);
}
