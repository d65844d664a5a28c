using System.Threading.Channels;
using OneStop.Web.Applications.Model;

namespace OneStop.Web.Applications.Tracking;

/// <summary><c>Applications:StatusLookup</c> settings.</summary>
public sealed class StatusLookupQueueOptions
{
    /// <summary>How many status queries may run at once; look-ups that arrive meanwhile wait for the next one.</summary>
    public int Readers { get; set; } = 2;

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
public sealed class StatusLookupQueue : IDisposable
{
    private readonly Channel<Waiting> _waiting = Channel.CreateUnbounded<Waiting>();
    private readonly Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<ApplicationStatusRow>>> _query;
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _batchSize;

    /// <param name="query">Reads the rows of the given codes; codes without a row are simply absent.</param>
    /// <param name="options">How many queries at once and how many codes in each.</param>
    public StatusLookupQueue(
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<ApplicationStatusRow>>> query,
        StatusLookupQueueOptions options)
    {
        _query = query;
        _batchSize = Math.Max(1, options.BatchSize);
        for (var reader = 0; reader < Math.Max(1, options.Readers); reader++)
        {
            _ = Task.Run(ReadAsync);
        }
    }

    /// <summary>The row of <paramref name="code"/>, or null when there is none.</summary>
    public Task<ApplicationStatusRow?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        // Answered on the thread pool, not on the reader: a reader goes on to the next batch at once.
        var waiting = new Waiting(code, new TaskCompletionSource<ApplicationStatusRow?>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_waiting.Writer.TryWrite(waiting), this);
        return waiting.Answer.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _waiting.Writer.TryComplete();
        _stopping.Cancel();
        while (_waiting.Reader.TryRead(out var left))
        {
            left.Answer.TrySetCanceled();
        }

        _stopping.Dispose();
    }

    private async Task ReadAsync()
    {
        var batch = new List<Waiting>(_batchSize);
        var stopping = _stopping.Token;
        try
        {
            while (await _waiting.Reader.WaitToReadAsync(stopping))
            {
                while (batch.Count < _batchSize && _waiting.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await AnswerAsync(batch, stopping);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            foreach (var waiting in batch)
            {
                waiting.Answer.TrySetCanceled(stopping);
            }
        }
    }

    private async Task AnswerAsync(List<Waiting> batch, CancellationToken stopping)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var codes = new HashSet<string>(batch.Count, StringComparer.Ordinal);
            foreach (var waiting in batch)
            {
                codes.Add(waiting.Code);
            }

            var rows = await _query(codes, stopping);
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
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
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
