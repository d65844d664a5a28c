using OneStop.Web.Shared.Persistence;
using Quartz;

namespace OneStop.Web.Overdue;

/// <summary>
/// Runs <see cref="OverdueReminders"/> every few minutes. Quartz runs it on one instance of the
/// cluster at a time; each run writes a start and a finish row to its execution log.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OverdueReminderJob(IServiceScopeFactory scopes, TimeProvider clock) : IJob
{
    public const string Name = "overdue.reminders";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var runId = Guid.CreateVersion7();
        var instance = context.Scheduler.SchedulerInstanceId;
        await LogAsync(new OverdueReminderRun { RunId = runId, InstanceId = instance, Event = "start", At = clock.GetUtcNow() }, cancellationToken);

        await using var scope = scopes.CreateAsyncScope();
        var pass = await scope.ServiceProvider.GetRequiredService<OverdueReminders>().RunAsync(cancellationToken);

        await LogAsync(new OverdueReminderRun { RunId = runId, InstanceId = instance, Event = "finish", At = clock.GetUtcNow(), Notices = pass.Notices }, cancellationToken);
    }

    private async Task LogAsync(OverdueReminderRun row, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }
}
