using OneStop.Web.Calendar.WorkingDays;

namespace OneStop.Web.Calendar.Persistence;

/// <summary>A province's office hours and weekly days off (province_calendars).</summary>
public sealed class ProvinceCalendarSettings
{
    public string ProvinceCode { get; set; } = "";

    public TimeOnly MorningStart { get; set; }

    public TimeOnly MorningEnd { get; set; }

    public TimeOnly AfternoonStart { get; set; }

    public TimeOnly AfternoonEnd { get; set; }

    public WeekDays WeeklyDaysOff { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<WorkingPeriod> Periods() =>
        [new(MorningStart, MorningEnd), new(AfternoonStart, AfternoonEnd)];
}

/// <summary>A province's public holiday by rule (holiday_rules); seeded from the Labour Code, changeable.</summary>
public sealed class HolidayRule
{
    public int Id { get; set; }

    public string ProvinceCode { get; set; } = "";

    /// <summary>Stable name of the rule ("tet", "national-day"…), so that seeding never adds it twice.</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public HolidayCalendar Calendar { get; set; }

    public int Month { get; set; }

    public int Day { get; set; }

    public int FirstDayOffset { get; set; }

    public int Days { get; set; } = 1;

    public AdjacentDay AdjacentDay { get; set; }

    public int? FromYear { get; set; }

    public int? ToYear { get; set; }

    public string? Basis { get; set; }

    public bool IsEnabled { get; set; } = true;

    public HolidayRuleDefinition ToDefinition() =>
        new(Key, Name, Calendar, Month, Day, FirstDayOffset, Days, AdjacentDay, FromYear, ToYear, Basis);

    public static HolidayRule From(string provinceCode, HolidayRuleDefinition rule) => new()
    {
        ProvinceCode = provinceCode,
        Key = rule.Key,
        Name = rule.Name,
        Calendar = rule.Calendar,
        Month = rule.Month,
        Day = rule.Day,
        FirstDayOffset = rule.FirstDayOffset,
        Days = rule.Days,
        AdjacentDay = rule.AdjacentDay,
        FromYear = rule.FromYear,
        ToYear = rule.ToYear,
        Basis = rule.Basis,
    };
}

/// <summary>A year whose Government decision the administrator recorded (calendar_years).</summary>
public sealed class CalendarYearDecision
{
    public string ProvinceCode { get; set; } = "";

    public int Year { get; set; }

    public DateTimeOffset ConfirmedAt { get; set; }

    public string ConfirmedBy { get; set; } = "";

    public List<CalendarYearDay> Days { get; set; } = [];
}

/// <summary>One day off or worked day of a recorded year (calendar_days).</summary>
public sealed class CalendarYearDay
{
    public int Id { get; set; }

    public string ProvinceCode { get; set; } = "";

    public int Year { get; set; }

    public DateOnly Date { get; set; }

    /// <summary><see cref="CalendarDayKind.DayOff"/> or <see cref="CalendarDayKind.WorkedDay"/>.</summary>
    public CalendarDayKind Kind { get; set; }

    public string Reason { get; set; } = "";

    public string? DecisionReference { get; set; }

    public CalendarDay ToCalendarDay() => new(Date, Kind, Reason, DecisionReference);
}
