namespace OneStop.IntegrationTests.Overdue;

/// <summary>
/// The application's clock in a test: the real time moved by <see cref="Offset"/>, or a frozen instant.
/// Sign-ins happen at the real time (their codes are time-based); data is made in the past or the future.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private DateTimeOffset? _frozen;

    public TimeSpan Offset
    {
        get { lock (_gate) { return _offset; } }
        set { lock (_gate) { _offset = value; _frozen = null; } }
    }

    public void Freeze(DateTimeOffset at)
    {
        lock (_gate)
        {
            _frozen = at.ToUniversalTime();
        }
    }

    public void Real() => Offset = TimeSpan.Zero;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _frozen ?? System.GetUtcNow() + _offset;
        }
    }
}
