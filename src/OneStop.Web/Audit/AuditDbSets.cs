using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Audit;

// Sets as extensions, not partial-class properties: Shared (where the context lives) must not depend on a capability.
internal static class AuditDbSets
{
    public static DbSet<AuditEntry> AuditEntries(this OneStopDbContext db) => db.Set<AuditEntry>();

    public static DbSet<AuditChainHead> AuditChainHeads(this OneStopDbContext db) => db.Set<AuditChainHead>();

    public static DbSet<QueuedAuditEntry> AuditQueue(this OneStopDbContext db) => db.Set<QueuedAuditEntry>();
}
