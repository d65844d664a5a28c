using System.Diagnostics.Metrics;
using OneStop.Web.Applications.Model;

namespace OneStop.Web.Applications.Tracking;

/// <summary><c>Applications:StatusLookup</c> settings.</summary>
public sealed class StatusLookupQueueOptions
{
    /// <summary>
    /// How many status queries may run at once; look-ups that arrive meanwhile wait for the next one. By default
    /// one per two processors, at least one (ADR 0079): a reader also writes its batch's answers, and a reader
    /// more than the cores can keep busy only splits the batches and adds wake-ups.
    /// </summary>
    public int Readers { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>At most this many codes go in one query.</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary>What the public status look-up reads of an application.</summary>
public sealed record ApplicationStatusRow(
    string Code,
    string ApplicantIdNumber,
    string ProcedureCode,
    string ProcedureName,
    string UnitCode,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AppointmentAt);

/// <summary>
/// Status look-ups that the cache cannot answer share database queries: while a query runs, the codes asked for
/// meanwhile wait together and go in the next one. When many look up at once (the national portal polling,
/// a whole commune after a notice) this is one database round trip per batch instead of one per look-up; a
/// look-up on a quiet server waits for nothing. See ADR 0075.
/// </summary>
/// <remarks>
/// The readers are threads of their own that wait for the database synchronously and then carry each answered
/// request on to its response themselves (ADR 0076): an answer wakes the reader directly, and no look-up passes
/// through the socket engine or waits for a thread-pool thread, hand-offs that on a busy two-core server cost
/// more than the query itself. What runs after the look-up must therefore never block: it is the endpoint
/// writing its answer, which is asynchronous.
/// </remarks>
public sealed class StatusLookupQueue : IDisposable
{
    /// <summary>The histogram of how many look-ups each query answered, on the <c>OneStop</c> meter.</summary>
    public const string BatchSizeInstrument = "onestop.applications.status_lookup.batch_size";

    /// <summary>How long <see cref="Dispose"/> lets a query in flight finish before it gives up waiting.</summary>
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(10);

    private readonly Queue<Waiting> _waiting = new();
    private readonly object _gate = new();
    private readonly Func<IReadOnlyCollection<string>, IReadOnlyList<ApplicationStatusRow>> _query;
    private readonly Histogram<int>? _batchSizes;
    private readonly Thread[] _readers;
    private readonly int _batchSize;
    private int _idleReaders;
    private bool _stopping;

    /// <param name="query">
    /// Reads the rows of the given codes, synchronously, on a reader's own thread; codes without a row are
    /// simply absent.
    /// </param>
    /// <param name="options">How many queries at once and how many codes in each.</param>
    /// <param name="meter">Where the batch sizes are recorded, so that an operator sees whether look-ups share queries.</param>
    public StatusLookupQueue(
        Func<IReadOnlyCollection<string>, IReadOnlyList<ApplicationStatusRow>> query,
        StatusLookupQueueOptions options,
        Meter? meter = null)
    {
        _query = query;
        _batchSize = Math.Max(1, options.BatchSize);
        _batchSizes = meter?.CreateHistogram<int>(BatchSizeInstrument, unit: "{look-up}", description: "Status look-ups answered by one database query.");
        _readers = new Thread[Math.Max(1, options.Readers)];
        for (var i = 0; i < _readers.Length; i++)
        {
            _readers[i] = new Thread(Read) { IsBackground = true, Name = $"Status reader {i + 1}" };
            _readers[i].Start();
        }
    }

    /// <summary>The row of <paramref name="code"/>, or null when there is none.</summary>
    public Task<ApplicationStatusRow?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        // Continuations run on the reader that answers (ADR 0076): it finishes each request of its batch up to the
        // response before it takes the next batch, which meanwhile grows.
        var waiting = new Waiting(code, new TaskCompletionSource<ApplicationStatusRow?>());
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _waiting.Enqueue(waiting);
            if (_idleReaders > 0)
            {
                Monitor.Pulse(_gate);
            }
        }

        return waiting.Answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking look-ups, cancels those still waiting, and lets a query in flight finish.</summary>
    public void Dispose()
    {
        Waiting[] left;
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            left = [.. _waiting];
            _waiting.Clear();
            Monitor.PulseAll(_gate);
        }

        foreach (var waiting in left)
        {
            waiting.Answer.TrySetCanceled();
        }

        foreach (var reader in _readers)
        {
            if (reader != Thread.CurrentThread)
            {
                reader.Join(StopPatience);
            }
        }
    }

    private void Read()
    {
        var batch = new List<Waiting>(_batchSize);
        var lastBatch = 1;
        while (true)
        {
            int waiting;
            lock (_gate)
            {
                while (_waiting.Count == 0 && !_stopping)
                {
                    _idleReaders++;
                    Monitor.Wait(_gate);
                    _idleReaders--;
                }

                if (_stopping)
                {
                    return;
                }

                waiting = _waiting.Count;
            }

            // Fewer waiting than the last batch took: the threads parsing requests are likely about to add theirs,
            // so the reader lets them run first. Twice at most; on a quiet server (one waiting, a last batch of
            // one) never. Batches doubled and first look-ups gained a point or two (BENCHMARKS.md).
            for (var yielded = 0; yielded < 2 && waiting < lastBatch; yielded++)
            {
                Thread.Yield();
                lock (_gate)
                {
                    waiting = _waiting.Count;
                }
            }

            lock (_gate)
            {
                while (batch.Count < _batchSize && _waiting.TryDequeue(out var next))
                {
                    batch.Add(next);
                }
            }

            lastBatch = batch.Count;
            if (batch.Count > 0)
            {
                Answer(batch);
            }

            batch.Clear();
        }
    }

    private void Answer(List<Waiting> batch)
    {
        _batchSizes?.Record(batch.Count);
        try
        {
            var codes = new HashSet<string>(batch.Count, StringComparer.Ordinal);
            foreach (var waiting in batch)
            {
                codes.Add(waiting.Code);
            }

            var rows = _query(codes);
            var byCode = new Dictionary<string, ApplicationStatusRow>(rows.Count, StringComparer.Ordinal);
            foreach (var row in rows)
            {
                byCode[row.Code] = row;
            }

            foreach (var waiting in batch)
            {
                waiting.Answer.TrySetResult(byCode.GetValueOrDefault(waiting.Code));
            }
        }
        catch (Exception failure)
        {
            // Every look-up of the batch fails as its own query would have; the reader goes on with the next batch.
            foreach (var waiting in batch)
            {
                waiting.Answer.TrySetException(failure);
            }
        }
    }

    private sealed record Waiting(string Code, TaskCompletionSource<ApplicationStatusRow?> Answer);
}
