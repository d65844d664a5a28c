using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Registries.Protocol;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Exchange.Log;

/// <summary>
/// The only writer of the exchange log. Entries queue here and are numbered, chained and written in
/// groups (one transaction per group) by whichever caller holds the pen: the first caller to arrive
/// writes at once on its own thread, and everyone who queued meanwhile is committed together in the next
/// group (group commit, no added delay), so concurrent exchanges never race for the chain head. A caller
/// returns only once its entry is committed: an exchange is answered only once it is on record. Seals are
/// written in the same transaction as the entry that completes a batch, or by the timer.
/// </summary>
public sealed partial class ExchangeLogWriter(
    IServiceScopeFactory scopes,
    GatewayKeyRing keys,
    ExchangeOptions options,
    TimeProvider time,
    ILogger<ExchangeLogWriter> logger) : BackgroundService
{
    private const int MaxGroup = 256;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _pen = new(1, 1);
    private readonly List<string> _unsealed = [];
    private volatile bool _closed;
    private bool _loaded;
    private long _lastSequence;
    private string _head = LogHashing.Genesis;
    private long _lastSealId;
    private long _lastSealedTo;
    private DateTimeOffset? _oldestUnsealedAt;
    private AsyncServiceScope? _session;
    private OneStopDbContext? _db;
    private LogRowInserter<ExchangeLogEntry>? _entries;
    private LogRowInserter<ExchangeLogDataSubject>? _dataSubjects;
    private LogRowInserter<ExchangeLogSeal>? _seals;

    /// <summary>Appends <paramref name="entry"/> and returns its sequence number once it is committed.</summary>
    public async Task<long> AppendAsync(ExchangeLogEntry entry, IReadOnlyList<string> dataSubjects, CancellationToken cancellationToken)
    {
        var pending = Enqueue(entry, dataSubjects);
        await CommitAsync(pending, cancellationToken);
        return await pending.Completion.Task;
    }

    /// <summary>Seals whatever is not sealed yet (used at shutdown and by tests).</summary>
    public async Task SealNowAsync(CancellationToken cancellationToken)
    {
        var pending = Enqueue(null, []);
        await CommitAsync(pending, cancellationToken);
        await pending.Completion.Task;
    }

    private Pending Enqueue(ExchangeLogEntry? entry, IReadOnlyList<string> dataSubjects)
    {
        if (_closed)
        {
            throw new InvalidOperationException("The exchange log is closed.");
        }

        // Completions run their callers' continuations on the thread pool, so the pen is never held
        // while another exchange goes on with its answer.
        var pending = new Pending(entry, dataSubjects, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(pending);
        return pending;
    }

    /// <summary>
    /// Waits for the pen, then writes queued groups until <paramref name="mine"/> is committed; a caller
    /// whose entry the holder of the pen committed meanwhile returns without waiting its turn. A caller
    /// that gives up waiting leaves its entry queued; the next writer or the timer still writes it.
    /// </summary>
    private async Task CommitAsync(Pending mine, CancellationToken cancellationToken)
    {
        if (mine.Completion.Task.IsCompleted)
        {
            return;
        }

        var pen = _pen.WaitAsync(cancellationToken);
        if (await Task.WhenAny(mine.Completion.Task, pen) != pen)
        {
            // Committed by the holder of the pen: leave at once, and hand the pen on when it comes.
            _ = pen.ContinueWith(static (taken, state) => ((SemaphoreSlim)state!).Release(), _pen, CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return;
        }

        await pen;
        try
        {
            while (!mine.Completion.Task.IsCompleted)
            {
                await WriteQueuedAsync(forceSeal: false);
            }
        }
        finally
        {
            _pen.Release();
        }
    }

    private async Task WriteQueuedAsync(bool forceSeal)
    {
        var batch = new List<Pending>(Math.Min(_queue.Count, MaxGroup));
        while (batch.Count < MaxGroup && _queue.TryDequeue(out var item))
        {
            batch.Add(item);
        }

        if (batch.Count > 0 || forceSeal)
        {
            await WriteAsync(batch, forceSeal, CancellationToken.None);
        }
    }

    /// <summary>
    /// Every second: writes entries whose callers stopped waiting, and seals a quiet log once its oldest
    /// unsealed entry is older than the seal interval.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                await _pen.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var sealDue = _oldestUnsealedAt is { } oldest && time.GetUtcNow() - oldest >= TimeSpan.FromSeconds(options.SealIntervalSeconds);
                await WriteQueuedAsync(forceSeal: sealDue);
            }
            finally
            {
                _pen.Release();
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _closed = true;
        await base.StopAsync(cancellationToken);
        await _pen.WaitAsync(cancellationToken);
        try
        {
            while (!_queue.IsEmpty)
            {
                await WriteQueuedAsync(forceSeal: false);
            }

            await CloseSessionAsync();
        }
        finally
        {
            _pen.Release();
        }
    }

    public override void Dispose()
    {
        try
        {
            _session?.Dispose();
        }
        catch (ObjectDisposedException)
        {
            // The container went first; the connection went with it.
        }

        _session = null;
        _db = null;
        base.Dispose();
    }

    /// <summary>
    /// The writer keeps one context, its open connection and its insert commands between groups: renting
    /// a context, opening a connection, setting its pragma and preparing the statements for every group
    /// cost several times the write itself.
    /// </summary>
    private async Task<OneStopDbContext> SessionAsync(CancellationToken cancellationToken)
    {
        if (_db is not null)
        {
            return _db;
        }

        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            await keys.EnsureLoadedAsync(db, cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (ProviderConventions.IsSqlite(db.Database.ProviderName))
            {
                // In write-ahead-log mode NORMAL survives a crash of the application (not a power cut)
                // and spares an fsync per group: the price of answering every exchange only once it is
                // on record (ADR 0042). The setting belongs to the connection, which the writer keeps.
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", cancellationToken);
            }

            var connection = db.Database.GetDbConnection();
            _entries = new LogRowInserter<ExchangeLogEntry>(db, connection);
            _dataSubjects = new LogRowInserter<ExchangeLogDataSubject>(db, connection);
            _seals = new LogRowInserter<ExchangeLogSeal>(db, connection);
            _session = scope;
            _db = db;
            return db;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private async Task CloseSessionAsync()
    {
        var session = _session;
        _session = null;
        _db = null;
        _entries = null;
        _dataSubjects = null;
        _seals = null;
        if (session is { } open)
        {
            await open.DisposeAsync();
        }
    }

    private async Task WriteAsync(List<Pending> batch, bool forceSeal, CancellationToken cancellationToken)
    {
        try
        {
            var db = await SessionAsync(cancellationToken);
            if (!_loaded)
            {
                await LoadHeadAsync(db, cancellationToken);
            }

            var now = Truncate(time.GetUtcNow());
            var results = new List<(Pending Item, long Sequence)>(batch.Count);
            await using (var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken))
            {
                foreach (var item in batch)
                {
                    if (item.Entry is null)
                    {
                        forceSeal = true;
                        results.Add((item, _lastSequence));
                        continue;
                    }

                    var entry = item.Entry;
                    entry.Sequence = ++_lastSequence;
                    entry.PreviousHash = _head;
                    entry.Hash = LogHashing.Hash(entry);
                    _head = entry.Hash;
                    _unsealed.Add(entry.Hash);
                    _oldestUnsealedAt ??= now;
                    await _entries!.InsertAsync(entry, transaction, cancellationToken);
                    foreach (var subject in item.DataSubjects.Distinct(StringComparer.Ordinal))
                    {
                        await _dataSubjects!.InsertAsync(new ExchangeLogDataSubject { PersonalIdNumber = subject, Sequence = entry.Sequence }, transaction, cancellationToken);
                    }

                    results.Add((item, entry.Sequence));
                    if (_unsealed.Count >= options.SealEvery)
                    {
                        await _seals!.InsertAsync(Seal(now), transaction, cancellationToken);
                    }
                }

                if (forceSeal && _unsealed.Count > 0)
                {
                    await _seals!.InsertAsync(Seal(now), transaction, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            foreach (var (item, sequence) in results)
            {
                item.Completion.TrySetResult(sequence);
            }
        }
        catch (Exception exception)
        {
            // What was numbered in memory was not written: drop the context with its half-made group and
            // read the head again before the next group.
            _loaded = false;
            await CloseSessionQuietlyAsync();
            LogWriteFailed(exception);
            foreach (var item in batch)
            {
                item.Completion.TrySetException(new InvalidOperationException("The exchange could not be written to the log.", exception));
            }
        }
    }

    private async Task CloseSessionQuietlyAsync()
    {
        try
        {
            await CloseSessionAsync();
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogWriteFailed(exception);
        }
    }

    private ExchangeLogSeal Seal(DateTimeOffset now)
    {
        var payload = new SealPayload(++_lastSealId, _lastSealedTo + 1, _lastSequence, _head, LogHashing.MerkleRoot(_unsealed), now.ToUnixTimeMilliseconds());
        var signature = CompactJws.Sign(JsonSerializer.SerializeToUtf8Bytes(payload, RegistryJson.Options), keys.Key, SealPayload.MediaType);
        _lastSealedTo = _lastSequence;
        _unsealed.Clear();
        _oldestUnsealedAt = null;
        return new ExchangeLogSeal
        {
            Id = payload.Id,
            FromSequence = payload.From,
            ToSequence = payload.To,
            ChainHead = payload.ChainHead,
            MerkleRoot = payload.MerkleRoot,
            SealedAt = now,
            Signature = signature,
        };
    }

    private async Task LoadHeadAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var last = await db.Set<ExchangeLogEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var seal = await db.Set<ExchangeLogSeal>().AsNoTracking().OrderByDescending(s => s.Id)
            .Select(s => new { s.Id, s.ToSequence }).FirstOrDefaultAsync(cancellationToken);
        _lastSequence = last?.Sequence ?? 0;
        _head = last?.Hash ?? LogHashing.Genesis;
        _lastSealId = seal?.Id ?? 0;
        _lastSealedTo = seal?.ToSequence ?? 0;
        _unsealed.Clear();
        _unsealed.AddRange(await db.Set<ExchangeLogEntry>().AsNoTracking()
            .Where(e => e.Sequence > _lastSealedTo).OrderBy(e => e.Sequence).Select(e => e.Hash).ToListAsync(cancellationToken));
        _oldestUnsealedAt = _unsealed.Count > 0 ? time.GetUtcNow() : null;
        _loaded = true;
    }

    /// <summary>Milliseconds only: every provider stores them exactly, so the hash survives the round trip.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing to the exchange log failed")]
    private partial void LogWriteFailed(Exception exception);

    private sealed record Pending(ExchangeLogEntry? Entry, IReadOnlyList<string> DataSubjects, TaskCompletionSource<long> Completion);
}
