using System.Collections.Concurrent;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Tracking;

namespace OneStop.Tests.Applications;

public sealed class StatusLookupQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Codes_asked_for_while_a_query_runs_go_together_in_the_next_query()
    {
        var queries = new ConcurrentQueue<string[]>();
        using var firstStarted = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        using var queue = new StatusLookupQueue(codes =>
        {
            queries.Enqueue([.. codes]);
            if (queries.Count == 1)
            {
                firstStarted.Set();
                releaseFirst.Wait(Patience);
            }

            return [.. codes.Where(code => code.StartsWith("K", StringComparison.Ordinal)).Select(Row)];
        }, new StatusLookupQueueOptions { Readers = 1 });

        var first = queue.FindAsync("K-1");
        Assert.True(firstStarted.Wait(Patience));
        var waiting = new[] { queue.FindAsync("K-2"), queue.FindAsync("K-3"), queue.FindAsync("K-2"), queue.FindAsync("unknown") };
        Assert.All(waiting, look => Assert.False(look.IsCompleted));

        releaseFirst.Set();
        Assert.Equal("K-1", (await first.WaitAsync(Patience))?.Code);
        var answers = await Task.WhenAll(waiting).WaitAsync(Patience);

        Assert.Equal(["K-2", "K-3", "K-2", null], answers.Select(a => a?.Code));
        Assert.Equal(2, queries.Count);
        Assert.Equal(["K-1"], queries.First());
        Assert.Equal(["K-2", "K-3", "unknown"], queries.Last().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_two_readers_a_second_query_runs_while_the_first_waits_for_the_database()
    {
        using var bothRunning = new CountdownEvent(2);
        using var release = new ManualResetEventSlim();
        using var queue = new StatusLookupQueue(codes =>
        {
            bothRunning.Signal();
            release.Wait(Patience);
            return [.. codes.Select(Row)];
        }, new StatusLookupQueueOptions { Readers = 2 });

        var first = queue.FindAsync("K-1");
        Assert.True(SpinWait.SpinUntil(() => bothRunning.CurrentCount == 1, Patience));
        var second = queue.FindAsync("K-2");

        Assert.True(bothRunning.Wait(Patience), "the second look-up waited for the first query instead of running its own");
        release.Set();
        Assert.Equal(["K-1", "K-2"], (await Task.WhenAll(first, second).WaitAsync(Patience)).Select(a => a?.Code));
    }

    [Fact]
    public void By_default_there_is_one_reader_per_two_processors_and_at_least_one()
    {
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), new StatusLookupQueueOptions().Readers);
    }

    [Fact]
    public async Task An_answered_look_up_goes_on_on_the_reader_without_waiting_for_the_thread_pool()
    {
        using var release = new ManualResetEventSlim();
        using var queue = new StatusLookupQueue(codes =>
        {
            release.Wait(Patience);
            return [.. codes.Select(Row)];
        }, new StatusLookupQueueOptions { Readers = 1 });

        var look = queue.FindAsync("K-1");
        var continuedOn = look.ContinueWith(_ => Thread.CurrentThread.Name, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        release.Set();

        Assert.Equal("Status reader 1", await continuedOn.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_failed_query_fails_only_its_own_look_ups_and_the_next_batch_is_answered()
    {
        var calls = 0;
        using var queue = new StatusLookupQueue(codes =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("database unavailable")
                : [.. codes.Select(Row)],
            new StatusLookupQueueOptions { Readers = 1 });

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.FindAsync("K-1").WaitAsync(Patience));
        Assert.Equal("database unavailable", failed.Message);
        Assert.Equal("K-1", (await queue.FindAsync("K-1").WaitAsync(Patience))?.Code);
    }

    [Fact]
    public async Task A_look_up_whose_caller_gives_up_stops_waiting_and_a_stopped_queue_takes_no_more()
    {
        using var release = new ManualResetEventSlim();
        var queue = new StatusLookupQueue(codes =>
        {
            release.Wait(Patience);
            return [.. codes.Select(Row)];
        }, new StatusLookupQueueOptions { Readers = 1 });
        using var giveUp = new CancellationTokenSource();

        var look = queue.FindAsync("K-1", giveUp.Token);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => look.WaitAsync(Patience));

        release.Set();
        queue.Dispose();
        Assert.Throws<ObjectDisposedException>(() => { _ = queue.FindAsync("K-2"); });
    }

    [Fact]
    public async Task Stopping_lets_the_query_in_flight_finish_and_cancels_the_look_ups_still_waiting()
    {
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var finished = 0;
        var queue = new StatusLookupQueue(codes =>
        {
            started.Set();
            release.Wait(Patience);
            Interlocked.Exchange(ref finished, 1);
            return [.. codes.Select(Row)];
        }, new StatusLookupQueueOptions { Readers = 1 });

        var inFlight = queue.FindAsync("K-1");
        Assert.True(started.Wait(Patience));
        var waiting = queue.FindAsync("K-2");
        var releasing = Task.Run(async () =>
        {
            await Task.Delay(200);
            release.Set();
        });

        queue.Dispose();

        // Dispose returned only after the query in flight: it never runs against a database already shut down.
        Assert.Equal(1, Volatile.Read(ref finished));
        Assert.Equal("K-1", (await inFlight.WaitAsync(Patience))?.Code);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        await releasing;
    }

    private static ApplicationStatusRow Row(string code) =>
        new(code, "001099012345", "1.001", "Đăng ký khai sinh", "00004", ApplicationStatus.Received, DateTimeOffset.UnixEpoch, null);
}
