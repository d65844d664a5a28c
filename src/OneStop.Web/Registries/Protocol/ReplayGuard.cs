using System.Collections.Concurrent;

namespace OneStop.Web.Registries.Protocol;

/// <summary>
/// Refuses a signed message seen before or created outside the accepted window. A nonce is remembered
/// only as long as a message carrying it could still be accepted, so memory stays bounded by the rate of
/// requests times the window. Kept in memory: one instance guards one process (ADR 0041).
/// </summary>
public sealed class ReplayGuard(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);
    private long _nextSweep;

    public TimeSpan Window { get; } = window;

    public ReplayCheck Check(string issuer, string nonce, long createdUnixMilliseconds)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = (long)Window.TotalMilliseconds;
        if (createdUnixMilliseconds > now + window)
        {
            return ReplayCheck.CreatedInTheFuture;
        }

        if (createdUnixMilliseconds < now - window)
        {
            return ReplayCheck.Expired;
        }

        Sweep(now);
        var key = issuer + "\n" + nonce;
        return _seen.TryAdd(key, createdUnixMilliseconds + window) ? ReplayCheck.Accepted : ReplayCheck.Replayed;
    }

    private void Sweep(long now)
    {
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, now + 10_000, next) != next)
        {
            return;
        }

        foreach (var (key, expires) in _seen)
        {
            if (expires < now)
            {
                _seen.TryRemove(key, out _);
            }
        }
    }
}

public enum ReplayCheck
{
    Accepted,
    Replayed,
    Expired,
    CreatedInTheFuture,
}
