using System.Globalization;
using OneStop.Web.Calendar.WorkingDays;

namespace OneStop.Web.Calendar.Deadlines;

public enum TimeLimitUnit
{
    WorkingDays,
    WorkingHours,
}

/// <summary>
/// A procedure's legal processing time (thời hạn giải quyết) in working days or working hours. N working
/// days are N times the province's working day (<see cref="WorkingCalendar.WorkingDayLength"/>).
/// </summary>
public readonly record struct TimeLimit
{
    private TimeLimit(decimal amount, TimeLimitUnit unit)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A time limit must be greater than zero.");
        }

        Amount = amount;
        Unit = unit;
    }

    public decimal Amount { get; }

    public TimeLimitUnit Unit { get; }

    public static TimeLimit WorkingDays(decimal days) => new(days, TimeLimitUnit.WorkingDays);

    public static TimeLimit WorkingHours(decimal hours) => new(hours, TimeLimitUnit.WorkingHours);

    /// <summary>The working time this limit grants on a calendar.</summary>
    public TimeSpan ToWorkingTime(WorkingCalendar calendar) => Unit switch
    {
        TimeLimitUnit.WorkingDays => TimeSpan.FromTicks(decimal.ToInt64(decimal.Round(Amount * calendar.WorkingDayLength.Ticks))),
        _ => TimeSpan.FromTicks(decimal.ToInt64(decimal.Round(Amount * TimeSpan.TicksPerHour))),
    };

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Amount:0.##} {(Unit == TimeLimitUnit.WorkingDays ? "ngày làm việc" : "giờ làm việc")}");
}

/// <summary>
/// A stretch during which the clock stops [From, Until): the application waits for the citizen (a
/// supplement, a financial obligation). <see cref="Until"/> is null while it still waits.
/// </summary>
public readonly record struct ClockStop(DateTimeOffset From, DateTimeOffset? Until)
{
    public bool IsOpen => Until is null;

    public bool Covers(DateTimeOffset instant) => instant >= From && (Until is null || instant < Until);
}

/// <summary>Where an application stands against its time limit at a moment.</summary>
/// <param name="CountingFrom">When the clock started: the receipt, or the next working period after it.</param>
/// <param name="WorkingTime">The working time the limit grants.</param>
/// <param name="Elapsed">Working time counted so far, stops excluded.</param>
/// <param name="Remaining">Working time left; negative once overdue.</param>
/// <param name="Due">The due moment, or null while an open stop holds the clock.</param>
/// <param name="IsClockStopped">The moment falls in a stop.</param>
/// <param name="IsOverdue">The moment is past the due moment.</param>
public sealed record DeadlineProgress(
    DateTimeOffset CountingFrom,
    TimeSpan WorkingTime,
    TimeSpan Elapsed,
    TimeSpan Remaining,
    DateTimeOffset? Due,
    bool IsClockStopped,
    bool IsOverdue);
