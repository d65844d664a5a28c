using Microsoft.Extensions.Localization;
using OneStop.Web.Calendar.WorkingDays;

namespace OneStop.Web.Calendar.Pages;

/// <summary>Words the calendar pages share, in the reader's language.</summary>
internal static class CalendarPageText
{
    public static string Kind(IStringLocalizer<CalendarText> t, CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => t["Ngày lễ, tết"],
        CalendarDayKind.MakeUpDayOff => t["Nghỉ bù"],
        CalendarDayKind.DayOff => t["Ngày nghỉ theo quyết định"],
        _ => t["Ngày làm bù"],
    };

    public static string Weekday(IStringLocalizer<CalendarText> t, DayOfWeek day) => t[day.VietnameseName()];
}
