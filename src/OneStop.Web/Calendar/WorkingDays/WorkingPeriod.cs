using System.Globalization;

namespace OneStop.Web.Calendar.WorkingDays;

/// <summary>One stretch of office hours within a working day, e.g. 07:30–11:30.</summary>
public readonly record struct WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:HH\\:mm}–{End:HH\\:mm}");
}

/// <summary>The days of the week, as flags, for a province's weekly days off.</summary>
[Flags]
public enum WeekDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}

public static class WeekDaysExtensions
{
    public static WeekDays ToFlag(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => WeekDays.Monday,
        DayOfWeek.Tuesday => WeekDays.Tuesday,
        DayOfWeek.Wednesday => WeekDays.Wednesday,
        DayOfWeek.Thursday => WeekDays.Thursday,
        DayOfWeek.Friday => WeekDays.Friday,
        DayOfWeek.Saturday => WeekDays.Saturday,
        _ => WeekDays.Sunday,
    };

    public static bool Contains(this WeekDays days, DayOfWeek day) => (days & day.ToFlag()) != 0;

    /// <summary>"Thứ Hai", "Chủ nhật": the weekday as Vietnamese documents write it.</summary>
    public static string VietnameseName(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };

    public static IEnumerable<DayOfWeek> Days(this WeekDays days) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }
            .Where(d => days.Contains(d));
}
