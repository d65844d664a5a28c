using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Audit;

/// <summary>
/// Moves queued audit entries into the hash chain, oldest first, many per transaction (ADR 0073). The chain
/// head's row is the lock: two chainers (two instances of OneStop) take turns and never chain an entry twice.
/// </summary>
public sealed class AuditChainer(IServiceScopeFactory scopes)
{
    public const int DefaultBatchSize = 1000;

    /// <summary>Chains up to <paramref name="maxEntries"/> queued entries; returns how many it chained.</summary>
    public async Task<int> ChainQueuedAsync(int maxEntries = DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        if (!await db.AuditQueue().AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The first statement is a write so that it takes the head's row lock on PostgreSQL and the write
        // lock on SQLite before anything is read; the reads that follow then see the last chainer's commit.
        var locked = await db.AuditChainHeads()
            .Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastSequence, h => h.LastSequence), cancellationToken);
        if (locked != 1)
        {
            throw new InvalidOperationException("The audit chain head is missing; the audit migrations have not been applied.");
        }

        var head = await db.AuditChainHeads().AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var queued = await db.AuditQueue().AsNoTracking().OrderBy(q => q.Id).Take(maxEntries).ToListAsync(cancellationToken);
        if (queued.Count == 0)
        {
            return 0;
        }

        var sequence = head.LastSequence;
        var previousHash = head.LastHash;
        foreach (var item in queued)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                OccurredAt = item.OccurredAt,
                ActorId = item.ActorId,
                ActorName = item.ActorName,
                Action = item.Action,
                Subject = item.Subject,
                ProvinceCode = item.ProvinceCode,
                UnitCode = item.UnitCode,
                Details = item.Details,
                PreviousHash = previousHash,
            };
            entry.Hash = AuditHash.Compute(entry);
            previousHash = entry.Hash;
            db.Add(entry);
        }

        await db.SaveChangesAsync(cancellationToken);

        // By id, never by range: an entry with a smaller id may commit after this read and must wait for the next batch.
        var chained = queued.Select(q => q.Id).ToList();
        await db.AuditQueue().Where(q => chained.Contains(q.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.AuditChainHeads()
            .Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, previousHash), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return queued.Count;
    }

    /// <summary>Chains until the queue is empty (commands, tests, shutdown).</summary>
    public async Task<int> ChainAllQueuedAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int chained;
        while ((chained = await ChainQueuedAsync(DefaultBatchSize, cancellationToken)) > 0)
        {
            total += chained;
        }

        return total;
    }
}

/// <summary>Wakes the chaining service when an entry was queued, so the chain follows within moments.</summary>
public sealed class AuditChainSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void EntryQueued()
    {
        if (_queued.CurrentCount == 0)
        {
            try
            {
                _queued.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first; one wake-up is enough.
            }
        }
    }

    /// <summary>True when woken by a queued entry, false after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}

/// <summary><c>Audit:</c> settings of the chaining service.</summary>
public sealed class AuditChainingOptions
{
    /// <summary>Whether this instance chains queued entries (every instance may; they take turns).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the queue is looked at when nothing wakes the service.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How long to let more entries gather (and their transactions commit) after a wake-up.</summary>
    public int GatherMilliseconds { get; set; } = 20;
}

internal sealed class AuditChaining(
    AuditChainer chainer,
    AuditChainSignal signal,
    AuditChainingOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<AuditChaining> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before start-up is over: the database is migrated by then.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await chainer.ChainQueuedAsync(AuditChainer.DefaultBatchSize, stoppingToken) == AuditChainer.DefaultBatchSize)
                {
                    continue;
                }

                if (await signal.WaitAsync(TimeSpan.FromMilliseconds(options.PollMilliseconds), stoppingToken))
                {
                    await Task.Delay(options.GatherMilliseconds, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Chaining queued audit entries failed; retrying");
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(options.PollMilliseconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // What was queued until the end goes into the chain before the process leaves.
            await chainer.ChainAllQueuedAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Queued audit entries were left for the next start to chain");
        }
    }
}
