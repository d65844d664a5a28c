using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Notifications;
using OneStop.Web.Overdue;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Scheduling;
using Quartz;

namespace OneStop.IntegrationTests.Overdue;

/// <summary>The reminder job's logic driven past the warnings and the due moment by the test's clock.</summary>
public sealed class OverdueReminderTests(OverdueAppFactory app) : IClassFixture<OverdueAppFactory>
{
    /// <summary>Monday 1 June 2026, 09:00 in Vietnam: an ordinary working day.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7));

    private async Task<ReminderPass> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueReminders>().RunAsync();
    }

    private async Task<List<OverdueNotice>> NoticesAsync(Guid applicationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().OverdueNotices.AsNoTracking()
            .Where(n => n.ApplicationId == applicationId).OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<List<NotificationMessage>> OverdueMessagesAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Notifications.AsNoTracking()
            .Where(m => m.Reference == code && m.Kind.StartsWith("overdue.")).ToListAsync();
    }

    [Fact]
    public async Task Warnings_then_overdue_then_escalation_each_once_even_when_run_twice()
    {
        app.Clock.Freeze(Monday);
        var submitted = await app.SubmitAsync("033085001234");
        await app.AssignAsync(submitted.Id, "chuyenvien.badinh@onestop.example");
        var application = await app.LoadAsync(submitted.Id);
        Assert.NotNull(application.StepDueAt);
        var stepDue = application.StepDueAt!.Value;
        var due = application.DueAt!.Value;

        // Long before anything falls due: nothing, and the application is not read.
        Assert.Equal(0, (await RunAsync()).Considered);
        Assert.Empty(await NoticesAsync(application.Id));

        // An hour (of wall time, so at most an hour of working time) before the step falls due.
        app.Clock.Freeze(stepDue.AddHours(-1));
        await RunAsync();
        await RunAsync();
        var notices = await NoticesAsync(application.Id);
        var stepWarning = Assert.Single(notices);
        Assert.Equal(NoticeKinds.StepWarning, stepWarning.Kind);
        Assert.Equal(stepDue, stepWarning.DueMoment);
        var toOfficer = Assert.Single(await OverdueMessagesAsync(application.Code));
        Assert.Equal("chuyenvien.badinh@onestop.example", toOfficer.Recipient);
        Assert.Equal("overdue.step-warning", toOfficer.Kind);

        // Within a working day of the application's due moment.
        app.Clock.Freeze(due.AddHours(-1));
        await RunAsync();
        await RunAsync();
        notices = await NoticesAsync(application.Id);
        Assert.Equal([NoticeKinds.StepWarning, NoticeKinds.DueWarning], notices.Select(n => n.Kind));
        Assert.Equal(due, notices[1].DueMoment);

        // Past due: overdue to the officer, escalated to the unit's leader; twice run, once written.
        app.Clock.Freeze(due.AddMinutes(1));
        var first = await RunAsync();
        var second = await RunAsync();
        Assert.True(first.Notices >= 2);
        Assert.Equal(0, second.Notices);
        // Once told, an application is no longer even read: the second run finds nothing left to consider.
        Assert.Equal(0, second.Considered);
        notices = await NoticesAsync(application.Id);
        Assert.Equal([NoticeKinds.StepWarning, NoticeKinds.DueWarning, NoticeKinds.Overdue, NoticeKinds.Escalated], notices.Select(n => n.Kind));
        var messages = await OverdueMessagesAsync(application.Code);
        Assert.Equal(4, messages.Count);
        var escalation = Assert.Single(messages, m => m.Kind == "overdue.escalated");
        Assert.Equal("lanhdao.badinh@onestop.example", escalation.Recipient);
        Assert.Contains("quá hạn", escalation.Body, StringComparison.Ordinal);
        Assert.Equal("Lê Quang Huy", notices[3].NotifiedOfficers);
    }

    [Fact]
    public async Task Without_an_assigned_officer_the_overdue_notice_waits_in_the_workspace_and_the_leader_is_still_told()
    {
        app.Clock.Freeze(Monday.AddDays(-60));
        var application = await app.SubmitAsync("033188004321", commune: "11953");
        app.Clock.Freeze(application.DueAt!.Value.AddDays(2));

        await RunAsync();

        var notices = await NoticesAsync(application.Id);
        var overdue = Assert.Single(notices, n => n.Kind == NoticeKinds.Overdue);
        Assert.Null(overdue.NotifiedOfficers);
        Assert.Equal(0, overdue.Messages);
        Assert.Equal("11953", overdue.UnitCode);
        var escalation = Assert.Single(await OverdueMessagesAsync(application.Code));
        Assert.Equal("lanhdao.phohien@onestop.example", escalation.Recipient);

        var leader = await app.OfficerAsync("lanhdao.phohien@onestop.example");
        var page = await leader.GetStringAsync("/workspace/overdue");
        var waiting = page.IndexOf("Nhắc hạn chưa gửi được cho ai", StringComparison.Ordinal);
        Assert.True(waiting > 0, "The page lists the notices that reached no one.");
        Assert.Contains($"<strong>{application.Code}</strong>", page[waiting..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scheduler_runs_the_job_and_logs_its_run()
    {
        app.Clock.Freeze(Monday.AddDays(-120));
        var application = await app.SubmitAsync("033090005678");
        app.Clock.Freeze(application.DueAt!.Value.AddHours(3));

        // Scheduling is off in this host: the scheduler exists but is not started, so the test starts it.
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var runsBefore = await db.OverdueReminderRuns.CountAsync(r => r.Event == "finish");
        await scheduler.Start();
        try
        {
            await scheduler.TriggerJob(SchedulingSetup.JobKeyOf(OverdueReminderJob.Name));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await db.OverdueReminderRuns.CountAsync(r => r.Event == "finish") <= runsBefore)
            {
                Assert.True(DateTime.UtcNow < deadline, "The scheduler did not run the reminder job within a minute.");
                await Task.Delay(100);
            }
        }
        finally
        {
            await scheduler.Standby();
        }

        var kinds = (await NoticesAsync(application.Id)).Select(n => n.Kind).ToList();
        Assert.Contains(NoticeKinds.Overdue, kinds);
        Assert.Contains(NoticeKinds.Escalated, kinds);
    }
}
