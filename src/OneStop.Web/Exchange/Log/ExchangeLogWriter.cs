using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Registries.Protocol;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Exchange.Log;

/// <summary>
/// The only writer of the exchange log. Entries queue here and one loop numbers them, chains them and
/// writes them in groups (one transaction per group), so concurrent exchanges never race for the chain
/// head and a busy gateway commits many entries at once. A caller waits until its entry is committed:
/// an exchange is answered only once it is on record. Seals are written in the same transaction as the
/// entry that completes a batch, or by the timer.
/// </summary>
public sealed partial class ExchangeLogWriter(
    IServiceScopeFactory scopes,
    GatewayKeyRing keys,
    ExchangeOptions options,
    TimeProvider time,
    ILogger<ExchangeLogWriter> logger) : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<string> _unsealed = [];
    private bool _loaded;
    private long _lastSequence;
    private string _head = LogHashing.Genesis;
    private long _lastSealId;
    private long _lastSealedTo;
    private DateTimeOffset? _oldestUnsealedAt;

    /// <summary>Appends <paramref name="entry"/> and returns its sequence number once it is committed.</summary>
    public async Task<long> AppendAsync(ExchangeLogEntry entry, IReadOnlyList<string> dataSubjects, CancellationToken cancellationToken)
    {
        var pending = new Pending(entry, dataSubjects, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The exchange log is closed.");
        }

        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Seals whatever is not sealed yet (used at shutdown and by tests).</summary>
    public async Task SealNowAsync(CancellationToken cancellationToken)
    {
        var pending = new Pending(null, [], new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite(pending);
        await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(256);
        while (!stoppingToken.IsCancellationRequested)
        {
            var arrived = await WaitForEntriesAsync(stoppingToken);
            batch.Clear();
            while (batch.Count < 256 && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            var sealDue = !arrived && _oldestUnsealedAt is { } oldest && time.GetUtcNow() - oldest >= TimeSpan.FromSeconds(options.SealIntervalSeconds);
            if (batch.Count == 0 && !sealDue)
            {
                continue;
            }

            await WriteAsync(batch, forceSeal: sealDue, CancellationToken.None);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        var rest = new List<Pending>();
        while (_queue.Reader.TryRead(out var item))
        {
            rest.Add(item);
        }

        if (rest.Count > 0)
        {
            await WriteAsync(rest, forceSeal: false, cancellationToken);
        }
    }

    private async Task<bool> WaitForEntriesAsync(CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.SealIntervalSeconds)));
        try
        {
            return await _queue.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task WriteAsync(List<Pending> batch, bool forceSeal, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            await keys.EnsureLoadedAsync(db, cancellationToken);
            if (!_loaded)
            {
                await LoadHeadAsync(db, cancellationToken);
            }

            if (ProviderConventions.IsSqlite(db.Database.ProviderName))
            {
                // In write-ahead-log mode NORMAL survives a crash of the application (not a power cut)
                // and spares an fsync per group: the price of answering every exchange only once it is
                // on record (ADR 0042).
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", cancellationToken);
            }

            var now = Truncate(time.GetUtcNow());
            var results = new List<(Pending Item, long Sequence)>(batch.Count);
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
                db.Add(entry);
                foreach (var subject in item.DataSubjects.Distinct(StringComparer.Ordinal))
                {
                    db.Add(new ExchangeLogDataSubject { PersonalIdNumber = subject, Sequence = entry.Sequence });
                }

                results.Add((item, entry.Sequence));
                if (_unsealed.Count >= options.SealEvery)
                {
                    db.Add(Seal(now));
                }
            }

            if (forceSeal && _unsealed.Count > 0)
            {
                db.Add(Seal(now));
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var (item, sequence) in results)
            {
                item.Completion.TrySetResult(sequence);
            }
        }
        catch (Exception exception)
        {
            // What was numbered in memory was not written: read the head again before the next group.
            _loaded = false;
            LogWriteFailed(exception);
            foreach (var item in batch)
            {
                item.Completion.TrySetException(new InvalidOperationException("The exchange could not be written to the log.", exception));
            }
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
