using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;
using Quartz;

namespace OneStop.Web.Notifications;

/// <summary>The <c>Notifications:Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    /// <summary>How many messages one pass claims; small, so that a slow server holds few claims.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Tries before a message is given up as <see cref="DeliveryState.Failed"/>.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; each further failure doubles it.</summary>
    public int FirstRetrySeconds { get; set; } = 60;

    public int MaxRetrySeconds { get; set; } = 6 * 3600;

    /// <summary>How long a claim keeps other instances off a message (longer than one delivery can take).</summary>
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>How often the sender job looks for due messages.</summary>
    public int IntervalSeconds { get; set; } = 30;

    /// <summary>The wait before try <paramref name="attempt"/> + 1 after try <paramref name="attempt"/> failed.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var seconds = FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempt - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetrySeconds));
    }
}

/// <summary>This process among the instances sharing the database, as it signs its claims.</summary>
public sealed class OutboxInstance
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}

public sealed record OutboxPass(int Sent, int Retried, int Failed)
{
    public int Handled => Sent + Retried + Failed;
}

/// <summary>
/// Delivers the due messages of the outbox. A pass first claims its messages with one conditional update
/// that only one pass can win for each message (the row must still be pending and unclaimed, or its claim
/// lapsed), so two instances never send the same message; a message whose sender died is claimed again when
/// the claim lapses. A failed try is retried later with a doubling wait, and given up after the last.
/// </summary>
public sealed partial class OutboxDispatcher(
    OneStopDbContext db,
    IEmailSender email,
    ISmsSender sms,
    OutboxOptions options,
    OutboxInstance instance,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    public async Task<OutboxPass> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Notifications
            .Where(m => m.State == DeliveryState.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);

        if (due.Count == 0)
        {
            return new OutboxPass(0, 0, 0);
        }

        // One statement claims the whole pass, under a name of this pass alone: the same instance may run two
        // passes at once, and a message another instance took meanwhile is simply left out.
        var claim = $"{instance.Id}/{Guid.NewGuid().ToString("N")[..8]}";
        var claimedUntil = now.AddSeconds(options.ClaimSeconds);
        await db.Notifications
            .Where(m => due.Contains(m.Id) && m.State == DeliveryState.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, claimedUntil),
                cancellationToken);
        var claimed = await db.Notifications
            .Where(m => due.Contains(m.Id) && m.ClaimedBy == claim)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(cancellationToken);

        int sent = 0, retried = 0, failed = 0;
        try
        {
            foreach (var message in claimed)
            {
                await DeliverAsync(message);
            }
        }
        catch
        {
            // Stopped midway (the host shuts down, the database went away): what this pass has not recorded goes
            // back to the queue at once instead of when the claim lapses.
            await ReleaseAsync(claim);
            throw;
        }

        return new OutboxPass(sent, retried, failed);

        async Task DeliverAsync(NotificationMessage message)
        {
            message.Attempts++;
            try
            {
                await (message.Channel == NotificationChannel.Sms ? sms.SendAsync(message, cancellationToken) : email.SendAsync(message, cancellationToken));
                message.State = DeliveryState.Sent;
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
                sent++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                message.LastError = Truncate(error.GetType().Name + ": " + error.Message, 1000);
                if (message.Attempts >= options.MaxAttempts)
                {
                    message.State = DeliveryState.Failed;
                    failed++;
                    LogGivenUp(message.Id, message.Kind, message.Attempts, message.LastError);
                }
                else
                {
                    message.NextAttemptAt = clock.GetUtcNow() + options.RetryDelay(message.Attempts);
                    retried++;
                    LogRetry(message.Id, message.Attempts, message.NextAttemptAt, message.LastError);
                }
            }

            // Saved one by one: a message sent is recorded as sent before the next is tried.
            message.ClaimedBy = null;
            message.ClaimedUntil = null;
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Has PostgreSQL look at the outbox again (ANALYZE), for a job that has just met a backlog. A queue's planner
    /// statistics go stale at the worst moment: taken when nearly every message was sent, they say "pending" is
    /// rare, and a burst of thousands then makes each pass sort every pending row and claim its batch by scanning
    /// them all again, instead of reading the oldest few through the index (ADR 0083).
    /// </summary>
    public async Task RefreshPlannerStatisticsAsync(CancellationToken cancellationToken = default)
    {
        if (!ProviderConventions.IsSqlite(db.Database.ProviderName))
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE notification_outbox", cancellationToken);
        }
    }

    private async Task ReleaseAsync(string claim)
    {
        try
        {
            await db.Notifications
                .Where(m => m.ClaimedBy == claim)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        catch (Exception error)
        {
            // The claim lapses by itself; the original failure is the one worth reporting.
            LogNotReleased(claim, error.Message);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id} failed on try {Attempt}; next try at {NextAttemptAt}: {Error}")]
    private partial void LogRetry(Guid id, int attempt, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox claim {Claim} not released; its messages wait until it lapses: {Error}")]
    private partial void LogNotReleased(string claim, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {Id} ({Kind}) given up after {Attempts} tries: {Error}")]
    private partial void LogGivenUp(Guid id, string kind, int attempts, string error);
}

/// <summary>
/// Sends the outbox, pass after pass, until nothing due is left or the host is stopping. One instance of the
/// cluster at a time.
/// </summary>
/// <remarks>
/// A stopping host waits for its running jobs, but only so long: a backlog of thousands of messages would
/// outlive the services the passes need. The job therefore ends after the pass in progress, and the rest is
/// sent by the next start or by another instance. A run that meets a backlog has PostgreSQL count the pending
/// messages again after its first pass (ADR 0083).
/// </remarks>
[DisallowConcurrentExecution]
public sealed class OutboxSenderJob(IServiceScopeFactory scopes, OutboxOptions options, IHostApplicationLifetime lifetime) : IJob
{
    public const string Name = "notifications.outbox-sender";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var statisticsRefreshed = false;
        bool backlog;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
            var pass = await dispatcher.DispatchDueAsync(cancellationToken);
            backlog = pass.Handled >= options.BatchSize && !cancellationToken.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested;
            if (backlog && !statisticsRefreshed)
            {
                await dispatcher.RefreshPlannerStatisticsAsync(cancellationToken);
                statisticsRefreshed = true;
            }
        }
        while (backlog);
    }
}
