using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace OneStop.Web.Applications.Tracking;

/// <summary><c>Applications:StatusCache</c> settings.</summary>
public sealed class ApplicationStatusCacheOptions
{
    /// <summary>
    /// How long a looked-up status is kept. The journal forgets an application's status on this instance the
    /// moment a step is recorded; another instance's copy is at most this old. 0 turns the cache off.
    /// </summary>
    public int Seconds { get; set; } = 5;

    /// <summary>At most this many statuses are kept.</summary>
    public int MaxEntries { get; set; } = 100_000;
}

/// <summary>
/// The public status look-up is the busiest read of the portal (citizens and the national portal ask again
/// and again): its answers are kept for a few seconds, with the applicant's ID number so that the check stays
/// the same as the database's.
/// </summary>
public sealed class ApplicationStatusCache : IDisposable
{
    private readonly MemoryCache _statuses;
    private readonly TimeSpan _lifetime;
    private readonly MemoryCacheEntryOptions _keeping;

    /// <summary>The gauge of how many statuses are kept, on the <c>OneStop</c> meter.</summary>
    public const string EntriesInstrument = "onestop.applications.status_cache.entries";

    /// <param name="options">How long and how many.</param>
    /// <param name="meter">Where the number kept is observed, so that an operator sees how near the limit the cache runs.</param>
    public ApplicationStatusCache(ApplicationStatusCacheOptions options, Meter? meter = null)
    {
        _lifetime = TimeSpan.FromSeconds(Math.Max(0, options.Seconds));
        _statuses = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = Math.Max(1, options.MaxEntries),

            // An expired status still counts against the limit until a scan removes it, by default once a minute: a
            // busy minute of look-ups of different applications would fill the cache with dead entries, and past
            // the limit every status not kept starts a compaction that goes through all of them. Scanned as often as
            // statuses expire, only live ones count.
            ExpirationScanFrequency = _lifetime > TimeSpan.Zero ? _lifetime : TimeSpan.FromMinutes(1),
        });

        meter?.CreateObservableGauge(EntriesInstrument, () => Count, unit: "{status}", description: "Application statuses kept for the public look-up.");

        // Copied into each entry when it is set, so one instance serves them all.
        _keeping = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime > TimeSpan.Zero ? _lifetime : null };
    }

    public bool Enabled => _lifetime > TimeSpan.Zero;

    /// <summary>How many statuses are kept, expired ones not yet removed included.</summary>
    public int Count => _statuses.Count;

    /// <summary>True when the code's status is kept; <paramref name="status"/> is null when the ID number is not the applicant's.</summary>
    public bool TryGet(string code, string idNumber, out PublicStatus? status)
    {
        if (Enabled && _statuses.TryGetValue(code, out KeptStatus? kept) && kept is not null)
        {
            status = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(idNumber), Encoding.ASCII.GetBytes(kept.ApplicantIdNumber))
                ? kept.Status
                : null;
            return true;
        }

        status = null;
        return false;
    }

    public void Keep(string applicantIdNumber, PublicStatus status)
    {
        if (Enabled)
        {
            _statuses.Set(status.Code, new KeptStatus(applicantIdNumber, status), _keeping);
        }
    }

    /// <summary>Called by the journal after every recorded step.</summary>
    public void Forget(string code) => _statuses.Remove(code);

    public void Dispose() => _statuses.Dispose();

    private sealed record KeptStatus(string ApplicantIdNumber, PublicStatus Status);
}
