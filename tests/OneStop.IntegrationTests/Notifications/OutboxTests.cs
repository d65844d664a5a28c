using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.IntegrationTests.Overdue;
using OneStop.Web.Notifications;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Notifications;

/// <summary>An e-mail sender the test switches between failing and delivering, recording what it delivered.</summary>
public sealed class ControllableEmailSender : IEmailSender
{
    private volatile bool _fail;

    public bool Fail
    {
        get => _fail;
        set => _fail = value;
    }

    public ConcurrentQueue<Guid> Delivered { get; } = new();

    /// <summary>Called after each delivery (e.g. to stop the pass).</summary>
    public Action? AfterDelivery { get; set; }

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Fail)
        {
            throw new IOException("SMTP server not reachable");
        }

        Delivered.Enqueue(message.Id);
        AfterDelivery?.Invoke();
        return Task.CompletedTask;
    }
}

public class OutboxAppFactory : OverdueAppFactory
{
    public ControllableEmailSender Email { get; } = new();

    public bool SchedulingEnabled { get; init; }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Notifications:Outbox:MaxAttempts", "3"),
        new("Notifications:Outbox:FirstRetrySeconds", "60"),
        new("Notifications:Outbox:IntervalSeconds", "1"),
        new("Scheduling:Enabled", SchedulingEnabled ? "true" : "false"),
    ];

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton<IEmailSender>(Email);
    }

    public async Task<Guid> EnqueueAsync(string reference, DateTimeOffset at)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var message = new NotificationMessage
        {
            Channel = NotificationChannel.Email,
            Recipient = "an@example.vn",
            Subject = "Hồ sơ đã được tiếp nhận",
            Body = "Kính gửi Ông/Bà…",
            Reference = reference,
            Kind = "test.outbox",
            CreatedAt = at,
            NextAttemptAt = at,
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public async Task<NotificationMessage> MessageAsync(Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Notifications.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async Task<OutboxPass> DispatchAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
    }
}

public sealed class OutboxTests(OutboxAppFactory app) : IClassFixture<OutboxAppFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failing_sender_retries_with_a_doubling_wait_and_gives_up_after_the_last_try()
    {
        app.Clock.Freeze(Start);
        app.Email.Fail = true;
        try
        {
            var id = await app.EnqueueAsync("RETRY-1", Start);

            await app.DispatchAsync();
            var message = await app.MessageAsync(id);
            Assert.Equal((DeliveryState.Pending, 1, Start.AddSeconds(60)), (message.State, message.Attempts, message.NextAttemptAt));
            Assert.Contains("SMTP server not reachable", message.LastError, StringComparison.Ordinal);
            Assert.Null(message.ClaimedBy);

            await app.DispatchAsync(); // not due yet
            Assert.Equal(1, (await app.MessageAsync(id)).Attempts);

            app.Clock.Freeze(Start.AddSeconds(60));
            await app.DispatchAsync();
            message = await app.MessageAsync(id);
            Assert.Equal((DeliveryState.Pending, 2, Start.AddSeconds(60 + 120)), (message.State, message.Attempts, message.NextAttemptAt));

            app.Clock.Freeze(Start.AddSeconds(180));
            await app.DispatchAsync();
            message = await app.MessageAsync(id);
            Assert.Equal((DeliveryState.Failed, 3), (message.State, message.Attempts));
            Assert.Null(message.SentAt);

            app.Clock.Freeze(Start.AddDays(1));
            await app.DispatchAsync();
            Assert.Equal(3, (await app.MessageAsync(id)).Attempts);
        }
        finally
        {
            app.Email.Fail = false;
        }
    }

    [Fact]
    public async Task A_working_sender_marks_the_message_sent_and_two_senders_at_once_send_each_message_once()
    {
        app.Clock.Freeze(Start.AddDays(10));
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await app.EnqueueAsync("ONCE-" + i, Start.AddDays(10)));
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while ((await app.DispatchAsync()).Handled > 0)
            {
            }
        })));

        foreach (var id in ids)
        {
            var message = await app.MessageAsync(id);
            Assert.Equal(DeliveryState.Sent, message.State);
            Assert.Equal(Start.AddDays(10), message.SentAt);
            Assert.Equal(1, message.Attempts);
            Assert.Equal(1, app.Email.Delivered.Count(d => d == id));
        }
    }

    [Fact]
    public async Task A_pass_stopped_midway_gives_back_at_once_what_it_did_not_send()
    {
        var at = Start.AddDays(20);
        app.Clock.Freeze(at);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await app.EnqueueAsync("STOP-" + i, at));
        }

        using var stop = new CancellationTokenSource();
        app.Email.AfterDelivery = stop.Cancel;
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(stop.Token));
        }
        finally
        {
            app.Email.AfterDelivery = null;
        }

        var afterStop = await Task.WhenAll(ids.Select(app.MessageAsync));
        Assert.Single(afterStop, m => m.State == DeliveryState.Sent);
        Assert.All(afterStop, m => Assert.Null(m.ClaimedBy));

        // The clock has not moved, so no claim could have lapsed: the next pass takes the other two at once.
        await app.DispatchAsync();
        var afterNextPass = await Task.WhenAll(ids.Select(app.MessageAsync));
        Assert.All(afterNextPass, m => Assert.Equal((DeliveryState.Sent, 1), (m.State, m.Attempts)));
        Assert.All(ids, id => Assert.Equal(1, app.Email.Delivered.Count(d => d == id)));
    }

    [Fact]
    public async Task The_sender_job_ends_after_the_pass_in_progress_when_the_host_is_stopping()
    {
        var at = Start.AddDays(30);
        app.Clock.Freeze(at);
        while ((await app.DispatchAsync()).Handled > 0)
        {
            // Messages other tests of the class left due at this moment would share the job's first pass.
        }

        var options = app.Services.GetRequiredService<OutboxOptions>();
        var ids = new List<Guid>();
        for (var i = 0; i < options.BatchSize + 5; i++)
        {
            ids.Add(await app.EnqueueAsync("BACKLOG-" + i, at));
        }

        var job = new OutboxSenderJob(app.Services.GetRequiredService<IServiceScopeFactory>(), options, new StoppingHost());
        await job.Execute(null!); // the job reads nothing of its Quartz context

        var messages = await Task.WhenAll(ids.Select(app.MessageAsync));
        Assert.Equal(options.BatchSize, messages.Count(m => m.State == DeliveryState.Sent));
        Assert.All(messages.Where(m => m.State != DeliveryState.Sent), m => Assert.Equal((DeliveryState.Pending, 0, (string?)null), (m.State, m.Attempts, m.ClaimedBy)));
    }

    [PostgresFact("The statistics the job refreshes are PostgreSQL's planner's; SQLite's planner does without them.")]
    public async Task A_job_that_meets_a_backlog_has_PostgreSQL_count_the_pending_messages_again()
    {
        var at = Start.AddDays(40);
        app.Clock.Freeze(at);
        while ((await app.DispatchAsync()).Handled > 0)
        {
            // Messages other tests of the class left due at this moment.
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Database.ExecuteSqlRawAsync("ANALYZE notification_outbox");
        }

        Assert.DoesNotContain("Pending", await PlannerStatesAsync());

        var options = app.Services.GetRequiredService<OutboxOptions>();
        var ids = new List<Guid>();
        for (var i = 0; i < options.BatchSize + 5; i++)
        {
            ids.Add(await app.EnqueueAsync("STATISTICS-" + i, at));
        }

        var job = new OutboxSenderJob(app.Services.GetRequiredService<IServiceScopeFactory>(), options, app.Services.GetRequiredService<IHostApplicationLifetime>());
        await job.Execute(null!);

        // Counted after the first pass, when five were still pending; the job then sent them too.
        Assert.Contains("Pending", await PlannerStatesAsync());
        Assert.All(await Task.WhenAll(ids.Select(app.MessageAsync)), m => Assert.Equal(DeliveryState.Sent, m.State));
    }

    /// <summary>The delivery states PostgreSQL's planner knows to be common in the outbox.</summary>
    private async Task<string> PlannerStatesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var values = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Database.SqlQueryRaw<string>(
            """SELECT coalesce(most_common_vals::text, '') AS "Value" FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'notification_outbox' AND attname = 'State'""")
            .ToListAsync();
        return string.Join(",", values);
    }

    private sealed class StoppingHost : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping { get; } = new(canceled: true);

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    [Fact]
    public async Task The_system_administrator_reads_the_messages_of_an_application()
    {
        app.Clock.Real();
        var admin = await app.OfficerAsync("quantri.hethong@onestop.example");
        await app.EnqueueAsync("00004-260701-0042", DateTimeOffset.UtcNow);

        var rows = await admin.GetFromJsonAsync<JsonElement>("/api/notifications?reference=00004-260701-0042");
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal("pending", row.GetProperty("state").GetString());
        Assert.Equal("an@example.vn", row.GetProperty("recipient").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/notifications")).StatusCode);
    }
}

/// <summary>Messages are rows: a new host on the same database sends what the old one left, through its scheduler.</summary>
public sealed class OutboxRestartTests
{
    [Fact]
    public async Task A_restarted_host_sends_the_messages_left_pending()
    {
        var first = new OutboxAppFactory();
        Guid id;
        try
        {
            _ = first.Services; // start: migrate
            id = await first.EnqueueAsync("RESTART-1", DateTimeOffset.UtcNow);
            await first.StopHostAsync();

            await using var second = new OutboxAppFactory { SharedConnectionString = first.ConnectionString, SchedulingEnabled = true };
            _ = second.Services;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await second.MessageAsync(id)).State != DeliveryState.Sent)
            {
                Assert.True(DateTime.UtcNow < deadline, "The restarted host did not send the pending message within a minute.");
                await Task.Delay(100);
            }

            Assert.Equal([id], second.Email.Delivered);
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }
}
