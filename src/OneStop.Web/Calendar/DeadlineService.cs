using OneStop.Web.Calendar.Deadlines;

namespace OneStop.Web.Calendar;

/// <summary>
/// Legal deadlines of applications on their province's working calendar: what the officer workflow
/// calls to set the appointment (ngày hẹn trả) and to follow the time left. Instants are UTC.
/// </summary>
public sealed class DeadlineService(WorkingCalendarService calendars)
{
    /// <summary>
    /// The due moment of an application received at <paramref name="receivedAt"/> with a time limit,
    /// the clock stopped during <paramref name="stops"/>; null while an open stop holds the clock.
    /// </summary>
    public async Task<DateTimeOffset?> DueAsync(
        string provinceCode,
        DateTimeOffset receivedAt,
        TimeLimit limit,
        IReadOnlyCollection<ClockStop>? stops = null,
        CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync(provinceCode, cancellationToken);
        return DeadlineCalculator.Due(calendar, receivedAt, limit, stops);
    }

    /// <summary>Working time elapsed and remaining at <paramref name="at"/>, the due moment and whether it is overdue.</summary>
    public async Task<DeadlineProgress> ProgressAsync(
        string provinceCode,
        DateTimeOffset receivedAt,
        TimeLimit limit,
        IReadOnlyCollection<ClockStop>? stops,
        DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync(provinceCode, cancellationToken);
        return DeadlineCalculator.Progress(calendar, receivedAt, limit, stops, at);
    }

    /// <summary>When the clock starts for a receipt: at once inside working hours, otherwise at the next working period.</summary>
    public async Task<DateTimeOffset> CountingStartAsync(string provinceCode, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync(provinceCode, cancellationToken);
        return DeadlineCalculator.CountingStart(calendar, receivedAt);
    }

    /// <summary>Whether a date is a working day in a province (holidays, make-up days and worked Saturdays included).</summary>
    public async Task<bool> IsWorkingDayAsync(string provinceCode, DateOnly date, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync(provinceCode, cancellationToken);
        return calendar.IsWorkingDay(date);
    }
}
