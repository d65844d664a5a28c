using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Audit;

/// <summary>The outcome of recomputing the chain.</summary>
/// <param name="Valid">Whether every entry is intact and in place.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="FirstBroken">The first entry that is altered, missing or out of place; null when valid.</param>
/// <param name="Queued">Entries written but not yet chained (normally none, or those of the last moment).</param>
public sealed record AuditVerification(bool Valid, long EntriesChecked, BrokenAuditEntry? FirstBroken, long Queued);

/// <summary>Where the chain breaks and why.</summary>
public sealed record BrokenAuditEntry(long Sequence, string Reason);

/// <summary>Recomputes the hash chain from the first entry to the head.</summary>
public sealed class AuditVerifier(OneStopDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        // One snapshot for the head, the entries and the queue: the chaining service keeps appending meanwhile.
        await using var snapshot = ProviderConventions.IsSqlite(db.Database.ProviderName)
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var queued = await db.AuditQueue().LongCountAsync(cancellationToken);
        var head = await db.AuditChainHeads().AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var expectedSequence = 1L;
        var previousHash = AuditHash.Genesis;
        long checkedCount = 0;

        await foreach (var entry in db.AuditEntries().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            checkedCount++;
            if (entry.Sequence != expectedSequence)
            {
                return Broken(queued, checkedCount, expectedSequence, entry.Sequence > expectedSequence
                    ? $"Entry {expectedSequence} is missing (deleted): the next entry found is {entry.Sequence}."
                    : $"Entry {entry.Sequence} appears out of order.");
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Broken(queued, checkedCount, entry.Sequence,
                    "The entry does not follow the one before it (its previous hash differs): an earlier entry was altered, replaced or reordered.");
            }

            if (!string.Equals(AuditHash.Compute(entry), entry.Hash, StringComparison.Ordinal))
            {
                return Broken(queued, checkedCount, entry.Sequence, "The entry was altered: its content no longer matches its hash.");
            }

            previousHash = entry.Hash;
            expectedSequence++;
        }

        var last = expectedSequence - 1;
        if (head.LastSequence != last)
        {
            return head.LastSequence > last
                ? Broken(queued, checkedCount, last + 1, $"Entries {last + 1} to {head.LastSequence} are missing (deleted): the chain head records {head.LastSequence} entries.")
                : Broken(queued, checkedCount, head.LastSequence + 1, $"Entries after {head.LastSequence} are not recorded in the chain head.");
        }

        if (!string.Equals(head.LastHash, previousHash, StringComparison.Ordinal))
        {
            return Broken(queued, checkedCount, last, "The last entry differs from the one the chain head records.");
        }

        return new AuditVerification(true, checkedCount, null, queued);
    }

    private static AuditVerification Broken(long queued, long checkedCount, long sequence, string reason) =>
        new(false, checkedCount, new BrokenAuditEntry(sequence, reason), queued);
}
