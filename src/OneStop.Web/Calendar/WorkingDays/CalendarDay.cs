namespace OneStop.Web.Calendar.WorkingDays;

public enum CalendarDayKind
{
    /// <summary>A public holiday computed by rule.</summary>
    Holiday,

    /// <summary>A day off in lieu of a holiday that fell on a weekly day off (nghỉ bù), computed by rule.</summary>
    MakeUpDayOff,

    /// <summary>A day off recorded from the Government's decision for the year.</summary>
    DayOff,

    /// <summary>A weekly day off worked in exchange (làm bù), recorded from the Government's decision.</summary>
    WorkedDay,
}

/// <summary>One day that departs from the weekly pattern, with why.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Reason, string? DecisionReference = null)
{
    public bool IsDayOff => Kind != CalendarDayKind.WorkedDay;
}
