using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Tracking;

namespace OneStop.Tests.Applications;

public sealed class ApplicationStatusCacheTests
{
    private const string Applicant = "033085001234";

    private static PublicStatus Status(string code) =>
        new(code, "1.004222", "Đăng ký thường trú", "Phường Ba Đình", ApplicationStatus.New, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void A_kept_status_answers_its_applicant_only_and_is_forgotten_on_request()
    {
        using var cache = new ApplicationStatusCache(new ApplicationStatusCacheOptions { Seconds = 60 });
        cache.Keep(Applicant, Status("K-1"));
        cache.Keep(Applicant, Status("K-2"));

        Assert.True(cache.TryGet("K-1", Applicant, out var found));
        Assert.Equal("K-1", found?.Code);
        Assert.True(cache.TryGet("K-2", Applicant, out found));
        Assert.Equal("K-2", found?.Code);

        // Kept, but not for someone else: the same answer as an unknown pair, without asking the database.
        Assert.True(cache.TryGet("K-1", "001099000001", out found));
        Assert.Null(found);

        cache.Forget("K-1");
        Assert.False(cache.TryGet("K-1", Applicant, out _));
        Assert.True(cache.TryGet("K-2", Applicant, out _));
    }

    [Fact]
    public void Zero_seconds_keeps_nothing()
    {
        using var cache = new ApplicationStatusCache(new ApplicationStatusCacheOptions { Seconds = 0 });
        Assert.False(cache.Enabled);
        cache.Keep(Applicant, Status("K-1"));
        Assert.False(cache.TryGet("K-1", Applicant, out _));
    }

    [Fact]
    public void At_most_the_configured_number_of_statuses_is_kept()
    {
        using var cache = new ApplicationStatusCache(new ApplicationStatusCacheOptions { Seconds = 60, MaxEntries = 2 });
        cache.Keep(Applicant, Status("K-1"));
        cache.Keep(Applicant, Status("K-2"));
        cache.Keep(Applicant, Status("K-3"));

        var kept = new[] { "K-1", "K-2", "K-3" }.Count(code => cache.TryGet(code, Applicant, out _));
        // Over the limit a status is not kept (and the cache compacts in the background), never held beyond it.
        Assert.InRange(kept, 1, 2);
    }

    [Fact]
    public async Task Expired_statuses_leave_the_cache_about_when_they_expire_though_nobody_asks_for_them_again()
    {
        using var cache = new ApplicationStatusCache(new ApplicationStatusCacheOptions { Seconds = 1 });
        cache.Keep(Applicant, Status("K-1"));
        cache.Keep(Applicant, Status("K-2"));
        Assert.Equal(2, cache.Count);

        // Past their lifetime, other look-ups go on (they start the scan); K-1 and K-2 are never asked for again.
        // Left to the default scan, once a minute, they would still count against the limit.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var patience = DateTime.UtcNow.AddSeconds(10);
        while (cache.Count > 0 && DateTime.UtcNow < patience)
        {
            cache.TryGet("K-3", Applicant, out _);
            await Task.Delay(50);
        }

        Assert.Equal(0, cache.Count);
    }
}
