using System.Globalization;
using OneStop.Web.Calendar.Lunar;
using OneStop.Web.Calendar.WorkingDays;

namespace OneStop.Web.Calendar.Api;

/// <summary>The due moment of a time limit counted from a receipt.</summary>
/// <param name="Province">The province whose calendar counted.</param>
/// <param name="ReceivedAt">The receipt, in UTC.</param>
/// <param name="CountingFrom">When the clock started (UTC): the receipt, or the next working period after it.</param>
/// <param name="WorkingHours">The working time granted, in hours (working days × the province's working day).</param>
/// <param name="Due">The due moment, in UTC.</param>
/// <param name="DueInVietnamTime">The same moment in Vietnam time (UTC+7).</param>
/// <param name="DueText">The due moment as an appointment slip writes it.</param>
public sealed record DueResponse(
    string Province,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CountingFrom,
    decimal WorkingHours,
    DateTimeOffset Due,
    DateTimeOffset DueInVietnamTime,
    string DueText);

/// <summary>A date of the Vietnamese lunar calendar.</summary>
public sealed record LunarDateResponse(int Day, int Month, int Year, bool IsLeapMonth, string YearName, string Text)
{
    public static LunarDateResponse From(LunarDate lunar) =>
        new(lunar.Day, lunar.Month, lunar.Year, lunar.IsLeapMonth, lunar.YearName, lunar.ToVietnameseText());
}

/// <summary>A solar date and its Vietnamese lunar date.</summary>
public sealed record LunarConversionResponse(DateOnly Date, string Weekday, LunarDateResponse Lunar)
{
    public static LunarConversionResponse From(DateOnly date) =>
        new(date, date.DayOfWeek.ToString(), LunarDateResponse.From(VietnameseLunarCalendar.FromSolar(date)));
}

/// <summary>
/// A day off or worked day. Kind is holiday or make-up-day-off (by rule), day-off or worked-day (by the
/// recorded decision).
/// </summary>
public sealed record CalendarDayResponse(DateOnly Date, string Weekday, string Kind, string Reason, string? DecisionReference, LunarDateResponse LunarDate)
{
    public static CalendarDayResponse From(CalendarDay day) => new(
        day.Date,
        day.Date.DayOfWeek.ToString(),
        KindName(day.Kind),
        day.Reason,
        day.DecisionReference,
        LunarDateResponse.From(VietnameseLunarCalendar.FromSolar(day.Date)));

    public static string KindName(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => "holiday",
        CalendarDayKind.MakeUpDayOff => "make-up-day-off",
        CalendarDayKind.DayOff => "day-off",
        _ => "worked-day",
    };
}

public sealed record WorkingPeriodResponse(string Start, string End);

/// <summary>
/// A province's year: days off and worked days, and whether an administrator confirmed them. Status is
/// confirmed (the Government's decision was recorded) or computed (by rule); Changed, on a write only,
/// tells whether it changed anything (repeating the same list changes nothing).
/// </summary>
public sealed record CalendarYearResponse(
    string Province,
    string ProvinceName,
    int Year,
    string Status,
    DateTimeOffset? ConfirmedAt,
    IReadOnlyList<WorkingPeriodResponse> WorkingHours,
    decimal WorkingDayHours,
    IReadOnlyList<string> WeeklyDaysOff,
    IReadOnlyList<CalendarDayResponse> DaysOff,
    IReadOnlyList<CalendarDayResponse> WorkedDays,
    bool? Changed = null)
{
    public static CalendarYearResponse From(Province province, WorkingCalendar calendar, CalendarYear year, bool? changed = null) => new(
        province.Code,
        province.Name,
        year.Year,
        year.IsConfirmed ? "confirmed" : "computed",
        year.Confirmation?.ConfirmedAt,
        [.. calendar.Periods.Select(p => new WorkingPeriodResponse(
            p.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
            p.End.ToString("HH:mm", CultureInfo.InvariantCulture)))],
        (decimal)calendar.WorkingDayLength.TotalHours,
        [.. calendar.WeeklyDaysOff.Days().Select(d => d.ToString())],
        [.. year.DaysOff.Select(CalendarDayResponse.From)],
        [.. year.WorkedDays.Select(CalendarDayResponse.From)],
        changed);
}

/// <summary>A province's office hours, weekly days off and holiday rules.</summary>
/// <param name="Province">The province's two-digit code.</param>
/// <param name="ProvinceName">The province's name.</param>
/// <param name="MorningStart">Start of the morning period, HH:mm.</param>
/// <param name="MorningEnd">End of the morning period, HH:mm.</param>
/// <param name="AfternoonStart">Start of the afternoon period, HH:mm.</param>
/// <param name="AfternoonEnd">End of the afternoon period, HH:mm.</param>
/// <param name="WorkingHoursPerDay">The length of a working day, in hours.</param>
/// <param name="WeeklyDaysOff">English weekday names, e.g. Saturday, Sunday.</param>
/// <param name="HolidayRules">All holiday rules, disabled ones too.</param>
/// <param name="Changed">After a PUT: whether anything changed; null on a GET.</param>
public sealed record CalendarSettingsResponse(
    string Province,
    string ProvinceName,
    string MorningStart,
    string MorningEnd,
    string AfternoonStart,
    string AfternoonEnd,
    decimal WorkingHoursPerDay,
    IReadOnlyList<string> WeeklyDaysOff,
    IReadOnlyList<HolidayRuleResponse> HolidayRules,
    bool? Changed = null)
{
    public static CalendarSettingsResponse From(Province province, CalendarSettingsSnapshot settings, bool? changed = null) => new(
        province.Code,
        province.Name,
        Hours(settings.Morning.Start),
        Hours(settings.Morning.End),
        Hours(settings.Afternoon.Start),
        Hours(settings.Afternoon.End),
        (decimal)(settings.Morning.Length + settings.Afternoon.Length).TotalHours,
        [.. settings.WeeklyDaysOff.Days().Select(d => d.ToString())],
        [.. settings.Rules.Select(r => HolidayRuleResponse.From(r.Rule, r.Enabled))],
        changed);

    private static string Hours(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A holiday rule: a solar or lunar anniversary, its first day (offset), how many days, an adjacent day, the years it applies.</summary>
public sealed record HolidayRuleResponse(
    string Key,
    string Name,
    string Calendar,
    int Month,
    int Day,
    int FirstDayOffset,
    int Days,
    string AdjacentDay,
    int? FromYear,
    int? ToYear,
    string? Basis,
    bool Enabled)
{
    public static HolidayRuleResponse From(HolidayRuleDefinition rule, bool enabled) => new(
        rule.Key, rule.Name, rule.Calendar.ToString(), rule.Month, rule.Day, rule.FirstDayOffset, rule.Days, rule.AdjacentDay.ToString(), rule.FromYear, rule.ToYear, rule.Basis, enabled);
}
