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
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var queue = new StatusLookupQueue(async (codes, _) =>
        {
            queries.Enqueue([.. codes]);
            if (queries.Count == 1)
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }

            return [.. codes.Where(code => code.StartsWith("K", StringComparison.Ordinal)).Select(Row)];
        }, new StatusLookupQueueOptions { Readers = 1 });

        var first = queue.FindAsync("K-1");
        await firstStarted.Task.WaitAsync(Patience);
        var waiting = new[] { queue.FindAsync("K-2"), queue.FindAsync("K-3"), queue.FindAsync("K-2"), queue.FindAsync("unknown") };
        Assert.All(waiting, look => Assert.False(look.IsCompleted));

        releaseFirst.SetResult();
        Assert.Equal("K-1", (await first.WaitAsync(Patience))?.Code);
        var answers = await Task.WhenAll(waiting).WaitAsync(Patience);

        Assert.Equal(["K-2", "K-3", "K-2", null], answers.Select(a => a?.Code));
        Assert.Equal(2, queries.Count);
        Assert.Equal(["K-1"], queries.First());
        Assert.Equal(["K-2", "K-3", "unknown"], queries.Last().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failed_query_fails_only_its_own_look_ups_and_the_next_batch_is_answered()
    {
        var calls = 0;
        using var queue = new StatusLookupQueue((codes, _) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("database unavailable")
                : Task.FromResult<IReadOnlyList<ApplicationStatusRow>>([.. codes.Select(Row)]),
            new StatusLookupQueueOptions { Readers = 1 });

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.FindAsync("K-1").WaitAsync(Patience));
        Assert.Equal("database unavailable", failed.Message);
        Assert.Equal("K-1", (await queue.FindAsync("K-1").WaitAsync(Patience))?.Code);
    }

    [Fact]
    public async Task A_look_up_whose_caller_gives_up_stops_waiting_and_a_stopped_queue_takes_no_more()
    {
        var never = new TaskCompletionSource<IReadOnlyList<ApplicationStatusRow>>();
        var queue = new StatusLookupQueue((_, _) => never.Task, new StatusLookupQueueOptions { Readers = 1 });
        using var giveUp = new CancellationTokenSource();

        var look = queue.FindAsync("K-1", giveUp.Token);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => look.WaitAsync(Patience));

        queue.Dispose();
        Assert.Throws<ObjectDisposedException>(() => { _ = queue.FindAsync("K-2"); });
    }

    private static ApplicationStatusRow Row(string code) =>
        new(code, "001099012345", "1.001", "Đăng ký khai sinh", "00004", ApplicationStatus.Received, DateTimeOffset.UnixEpoch, null);
}
