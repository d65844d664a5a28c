using OneStop.Web.Calendar.WorkingDays;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Calendar.Deadlines;

/// <summary>
/// Legal deadline arithmetic on a working calendar, pure and allocation-light. Instants come and go in
/// UTC; the counting happens in Vietnam time (UTC+7, no daylight saving). The clock runs only inside
/// working periods of working days and outside clock stops; a receipt outside working hours starts the
/// clock at the next working period; a deadline that ends exactly at the close of a period ends there,
/// not at the start of the next. See docs/adr/0031.
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>More than a year without a working day means the calendar is wrong, not the deadline long.</summary>
    private const int MaxDaysWithoutWork = 366;

    /// <summary>When the clock starts for a receipt: the receipt itself inside a working period, otherwise the next period's start.</summary>
    public static DateTimeOffset CountingStart(WorkingCalendar calendar, DateTimeOffset receivedAt)
    {
        foreach (var (from, _) in CountingIntervals(calendar, ToVietnamTime(receivedAt), []))
        {
            return FromVietnamTime(from);
        }

        throw new InvalidOperationException("The counting never starts.");
    }

    /// <summary>The due moment of a time limit counted from a receipt, or null while an open stop holds the clock.</summary>
    public static DateTimeOffset? Due(WorkingCalendar calendar, DateTimeOffset receivedAt, TimeLimit limit, IReadOnlyCollection<ClockStop>? stops = null) =>
        Due(calendar, receivedAt, limit.ToWorkingTime(calendar), stops);

    /// <summary>The due moment once <paramref name="workingTime"/> of working time has run from a receipt.</summary>
    public static DateTimeOffset? Due(WorkingCalendar calendar, DateTimeOffset receivedAt, TimeSpan workingTime, IReadOnlyCollection<ClockStop>? stops = null)
    {
        if (workingTime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(workingTime), workingTime, "The working time must be greater than zero.");
        }

        var remaining = workingTime;
        foreach (var (from, to) in CountingIntervals(calendar, ToVietnamTime(receivedAt), Normalize(stops)))
        {
            var length = to - from;
            if (remaining <= length)
            {
                return FromVietnamTime(from + remaining);
            }

            remaining -= length;
        }

        return null;
    }

    /// <summary>Working time elapsed and remaining at <paramref name="at"/>, with the due moment and whether it is overdue.</summary>
    public static DeadlineProgress Progress(WorkingCalendar calendar, DateTimeOffset receivedAt, TimeLimit limit, IReadOnlyCollection<ClockStop>? stops, DateTimeOffset at)
    {
        var workingTime = limit.ToWorkingTime(calendar);
        stops ??= [];
        var elapsed = WorkingTimeBetween(calendar, receivedAt, at, stops);
        var due = Due(calendar, receivedAt, workingTime, stops);
        return new DeadlineProgress(
            CountingStart(calendar, receivedAt),
            workingTime,
            elapsed,
            workingTime - elapsed,
            due,
            stops.Any(s => s.Covers(at)),
            due is { } dueMoment ? at > dueMoment : elapsed > workingTime);
    }

    /// <summary>The working time between two instants, clock stops excluded; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public static TimeSpan WorkingTimeBetween(WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<ClockStop>? stops = null)
    {
        var end = ToVietnamTime(to);
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (start, stop) in CountingIntervals(calendar, ToVietnamTime(from), Normalize(stops)))
        {
            if (start >= end)
            {
                break;
            }

            total += (stop < end ? stop : end) - start;
        }

        return total;
    }

    internal static DateTime ToVietnamTime(DateTimeOffset instant) => VietnameseFormat.ToVietnamTime(instant).DateTime;

    internal static DateTimeOffset FromVietnamTime(DateTime local) =>
        new DateTimeOffset(local, VietnameseFormat.VietnamOffset).ToUniversalTime();

    /// <summary>The stops in Vietnam time, sorted, overlapping ones merged; an open stop swallows every later one.</summary>
    private static List<(DateTime From, DateTime? To)> Normalize(IReadOnlyCollection<ClockStop>? stops)
    {
        var merged = new List<(DateTime From, DateTime? To)>();
        if (stops is null || stops.Count == 0)
        {
            return merged;
        }

        foreach (var stop in stops.OrderBy(s => s.From))
        {
            if (stop.Until is { } until && until < stop.From)
            {
                throw new ArgumentException($"A clock stop ends ({until:O}) before it starts ({stop.From:O}).", nameof(stops));
            }

            var from = ToVietnamTime(stop.From);
            DateTime? to = stop.Until is { } u ? ToVietnamTime(u) : null;
            if (merged.Count > 0 && (merged[^1].To is null || from <= merged[^1].To))
            {
                var last = merged[^1];
                merged[^1] = (last.From, last.To is null || to is null ? null : (to > last.To ? to : last.To));
                continue;
            }

            merged.Add((from, to));
        }

        return merged;
    }

    /// <summary>
    /// The stretches of time the clock runs, in order from <paramref name="start"/>: the working periods of
    /// working days, less the stops. Ends when an open stop is reached; otherwise it never ends.
    /// </summary>
    private static IEnumerable<(DateTime From, DateTime To)> CountingIntervals(WorkingCalendar calendar, DateTime start, List<(DateTime From, DateTime? To)> stops)
    {
        var date = DateOnly.FromDateTime(start);
        var daysWithoutWork = 0;
        var firstStop = 0;
        while (true)
        {
            if (!calendar.IsWorkingDay(date))
            {
                if (++daysWithoutWork > MaxDaysWithoutWork)
                {
                    throw new InvalidOperationException($"The calendar of province {calendar.ProvinceCode} has no working day for a year after {date.AddDays(-MaxDaysWithoutWork):yyyy-MM-dd}.");
                }

                date = date.AddDays(1);
                continue;
            }

            daysWithoutWork = 0;
            foreach (var period in calendar.Periods)
            {
                var from = date.ToDateTime(period.Start);
                var to = date.ToDateTime(period.End);
                if (to <= start)
                {
                    continue;
                }

                if (from < start)
                {
                    from = start;
                }

                // Stops wholly before this stretch never matter again: the stretches only move forward.
                while (firstStop < stops.Count && stops[firstStop].To is { } over && over <= from)
                {
                    firstStop++;
                }

                var cursor = from;
                for (var i = firstStop; i < stops.Count && stops[i].From < to; i++)
                {
                    var (stopFrom, stopTo) = stops[i];
                    if (stopFrom > cursor)
                    {
                        yield return (cursor, stopFrom);
                    }

                    if (stopTo is not { } resumed)
                    {
                        yield break;
                    }

                    if (resumed > cursor)
                    {
                        cursor = resumed;
                    }
                }

                if (cursor < to)
                {
                    yield return (cursor, to);
                }
            }

            date = date.AddDays(1);
        }
    }
}
