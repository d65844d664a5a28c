using System.Collections.Concurrent;
using System.Globalization;

namespace OneStop.Web.Calendar.WorkingDays;

/// <summary>A year as the Government decided it, recorded by the province administrator.</summary>
public sealed record ConfirmedYear(
    int Year,
    IReadOnlyList<CalendarDay> DaysOff,
    IReadOnlyList<CalendarDay> WorkedDays,
    DateTimeOffset ConfirmedAt,
    string ConfirmedBy);

/// <summary>The days of one year that depart from the weekly pattern, and where they come from.</summary>
public sealed class CalendarYear
{
    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _workedDays;

    internal CalendarYear(int year, IReadOnlyList<CalendarDay> daysOff, IReadOnlyList<CalendarDay> workedDays, ConfirmedYear? confirmation)
    {
        Year = year;
        DaysOff = daysOff;
        WorkedDays = workedDays;
        Confirmation = confirmation;
        _daysOff = [.. daysOff.Select(d => d.Date)];
        _workedDays = [.. workedDays.Select(d => d.Date)];
    }

    public int Year { get; }

    /// <summary>Holidays and other days off, in date order.</summary>
    public IReadOnlyList<CalendarDay> DaysOff { get; }

    /// <summary>Weekly days off worked in exchange, in date order.</summary>
    public IReadOnlyList<CalendarDay> WorkedDays { get; }

    /// <summary>Who confirmed the year and when; null while the days are computed by rule.</summary>
    public ConfirmedYear? Confirmation { get; }

    public bool IsConfirmed => Confirmation is not null;

    internal bool IsDayOff(DateOnly date) => _daysOff.Contains(date);

    internal bool IsWorkedDay(DateOnly date) => _workedDays.Contains(date);
}

/// <summary>
/// A province's working calendar: office hours, weekly days off, holidays by rule, and the years whose
/// Government decision the administrator recorded. Immutable and safe to share; the years computed by
/// rule are worked out once, when first asked for.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly IReadOnlyList<WorkingPeriod> DefaultPeriods =
    [
        new(new TimeOnly(7, 30), new TimeOnly(11, 30)),
        new(new TimeOnly(13, 30), new TimeOnly(17, 0)),
    ];

    public const WeekDays DefaultWeeklyDaysOff = WeekDays.Saturday | WeekDays.Sunday;

    private readonly IReadOnlyDictionary<int, ConfirmedYear> _confirmedYears;
    private readonly ConcurrentDictionary<int, CalendarYear> _years = new();

    public WorkingCalendar(
        string provinceCode,
        IReadOnlyList<WorkingPeriod> periods,
        WeekDays weeklyDaysOff,
        IReadOnlyList<HolidayRuleDefinition> rules,
        IEnumerable<ConfirmedYear>? confirmedYears = null)
    {
        if (periods.Count == 0)
        {
            throw new ArgumentException("A working day needs at least one period.", nameof(periods));
        }

        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].End <= periods[i].Start || (i > 0 && periods[i].Start < periods[i - 1].End))
            {
                throw new ArgumentException($"Working periods must be in order and not overlap: {string.Join(", ", periods)}.", nameof(periods));
            }
        }

        if (weeklyDaysOff == (WeekDays)127)
        {
            throw new ArgumentException("Every day of the week cannot be a day off.", nameof(weeklyDaysOff));
        }

        ProvinceCode = provinceCode;
        Periods = [.. periods];
        WeeklyDaysOff = weeklyDaysOff;
        Rules = [.. rules];
        _confirmedYears = (confirmedYears ?? []).ToDictionary(y => y.Year);
        WorkingDayLength = TimeSpan.FromTicks(Periods.Sum(p => p.Length.Ticks));
    }

    /// <summary>The national defaults: 07:30–11:30 and 13:30–17:00, Saturday and Sunday off, the Labour Code holidays.</summary>
    public static WorkingCalendar Default(string provinceCode, IEnumerable<ConfirmedYear>? confirmedYears = null) =>
        new(provinceCode, DefaultPeriods, DefaultWeeklyDaysOff, DefaultHolidayRules.All, confirmedYears);

    public string ProvinceCode { get; }

    public IReadOnlyList<WorkingPeriod> Periods { get; }

    public WeekDays WeeklyDaysOff { get; }

    public IReadOnlyList<HolidayRuleDefinition> Rules { get; }

    /// <summary>The working time of one working day: the sum of its periods (7 h 30 with the defaults).</summary>
    public TimeSpan WorkingDayLength { get; }

    public bool IsWeeklyDayOff(DateOnly date) => WeeklyDaysOff.Contains(date.DayOfWeek);

    public bool IsWorkingDay(DateOnly date)
    {
        var year = Year(date.Year);
        return year.IsWorkedDay(date) || (!IsWeeklyDayOff(date) && !year.IsDayOff(date));
    }

    /// <summary>The year as confirmed by the administrator or, until then, as computed by rule.</summary>
    public CalendarYear Year(int year) => _years.GetOrAdd(year, Resolve);

    /// <summary>The year as the rules alone give it, whether or not it was confirmed: where an administrator starts.</summary>
    public CalendarYear ComputedYear(int year) =>
        new(year, HolidayRulesEvaluator.DaysOff(year, Rules, WeeklyDaysOff), [], null);

    private CalendarYear Resolve(int year) =>
        _confirmedYears.TryGetValue(year, out var confirmed)
            ? new CalendarYear(year, [.. confirmed.DaysOff.OrderBy(d => d.Date)], [.. confirmed.WorkedDays.OrderBy(d => d.Date)], confirmed)
            : ComputedYear(year);
}

/// <summary>Works out a year's days off from the holiday rules and the make-up rule.</summary>
public static class HolidayRulesEvaluator
{
    /// <summary>
    /// The holidays of a solar year by rule, and the make-up days (nghỉ bù): a holiday on a weekly day off
    /// is made up on the next working day (Labour Code 2019, art. 111(3)). Holidays of the year before are
    /// taken into account, since their make-up day may fall in this year.
    /// </summary>
    public static IReadOnlyList<CalendarDay> DaysOff(int year, IReadOnlyList<HolidayRuleDefinition> rules, WeekDays weeklyDaysOff)
    {
        var holidays = new SortedDictionary<DateOnly, string>();
        foreach (var solarYear in new[] { year - 1, year })
        {
            foreach (var rule in rules)
            {
                foreach (var date in rule.DatesIn(solarYear))
                {
                    holidays[date] = holidays.TryGetValue(date, out var other) ? $"{other}; {rule.Name}" : rule.Name;
                }
            }
        }

        var taken = new HashSet<DateOnly>(holidays.Keys);
        var makeUps = new List<CalendarDay>();
        foreach (var (date, name) in holidays)
        {
            if (!weeklyDaysOff.Contains(date.DayOfWeek))
            {
                continue;
            }

            var makeUp = date.AddDays(1);
            while (weeklyDaysOff.Contains(makeUp.DayOfWeek) || taken.Contains(makeUp))
            {
                makeUp = makeUp.AddDays(1);
            }

            taken.Add(makeUp);
            makeUps.Add(new CalendarDay(makeUp, CalendarDayKind.MakeUpDayOff, string.Create(CultureInfo.InvariantCulture, $"Nghỉ bù {name} ({date:dd\\/MM})")));
        }

        return
        [
            .. holidays.Where(h => h.Key.Year == year).Select(h => new CalendarDay(h.Key, CalendarDayKind.Holiday, h.Value))
                .Concat(makeUps.Where(m => m.Date.Year == year))
                .OrderBy(d => d.Date),
        ];
    }
}
