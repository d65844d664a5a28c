using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Notifications;
using OneStop.Web.Overdue;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Overdue;

/// <summary>A node of a two-instance cluster: scheduling on, the reminder job every second.</summary>
public sealed class ClusterNodeFactory : OverdueAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Scheduling:Enabled", "true"),
        new("Overdue:ReminderIntervalSeconds", "1"),
        new("Notifications:Outbox:IntervalSeconds", "3600"),
    ];
}

public sealed class ClusteredReminderTests
{
    [PostgresFact("SQLite is the single-instance embedded database: Quartz runs in memory there and has no cluster to test.")]
    public async Task Two_instances_on_one_database_give_each_notice_once_and_never_run_the_job_at_the_same_time()
    {
        // The applications are made, forty days back, by a host without a scheduler; the two nodes then
        // run on the real clock, as Quartz's cluster check-ins must agree on the time.
        var seed = new OverdueAppFactory();
        var applications = new List<Web.Applications.Model.Application>();
        try
        {
            _ = seed.Services;
            seed.Clock.Offset = TimeSpan.FromDays(-40);
            foreach (var id in new[] { "033085001234", "033188004321", "033090005678" })
            {
                applications.Add(await seed.SubmitAsync(id));
            }

            await seed.StopHostAsync();
            Assert.All(applications, a => Assert.True(a.DueAt < DateTimeOffset.UtcNow));

            await using var first = new ClusterNodeFactory { SharedConnectionString = seed.ConnectionString };
            await using var second = new ClusterNodeFactory { SharedConnectionString = seed.ConnectionString };
            _ = first.Services;
            _ = second.Services;
            await AssertRunsOnceAsync(first, applications);
        }
        finally
        {
            await ((IAsyncLifetime)seed).DisposeAsync();
        }
    }

    private static async Task AssertRunsOnceAsync(ClusterNodeFactory first, List<Web.Applications.Model.Application> applications)
    {
        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.OverdueReminderRuns.CountAsync(r => r.Event == "finish") < 8)
        {
            Assert.True(DateTime.UtcNow < deadline, "The cluster did not run the reminder job eight times within a minute.");
            await Task.Delay(200);
        }

        var ids = applications.Select(a => a.Id).ToList();
        var notices = await db.OverdueNotices.AsNoTracking().Where(n => ids.Contains(n.ApplicationId)).ToListAsync();
        foreach (var application in applications)
        {
            Assert.Equal(1, notices.Count(n => n.ApplicationId == application.Id && n.Kind == NoticeKinds.Overdue));
            Assert.Equal(1, notices.Count(n => n.ApplicationId == application.Id && n.Kind == NoticeKinds.Escalated));
            Assert.Equal(1, await db.Notifications.CountAsync(m => m.Reference == application.Code && m.Kind == "overdue.escalated"));
        }

        // Start and finish rows are numbered by the database as they are written: runs that overlapped
        // would interleave them. Every run is one start directly followed by its own finish.
        var log = await db.OverdueReminderRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        var completed = log.SkipWhile(r => r.Event == "finish").ToList();
        for (var i = 0; i + 1 < completed.Count; i += 2)
        {
            Assert.Equal("start", completed[i].Event);
            Assert.Equal("finish", completed[i + 1].Event);
            Assert.Equal(completed[i].RunId, completed[i + 1].RunId);
        }

        Assert.All(log, r => Assert.False(string.IsNullOrWhiteSpace(r.InstanceId)));
    }
}
