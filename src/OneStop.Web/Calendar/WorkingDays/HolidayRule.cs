using OneStop.Web.Calendar.Lunar;

namespace OneStop.Web.Calendar.WorkingDays;

public enum HolidayCalendar
{
    Solar,
    Lunar,
}

/// <summary>Whether a holiday brings a day next to it, as Quốc khánh does (2/9 and one day before or after).</summary>
public enum AdjacentDay
{
    None,
    Before,
    After,

    /// <summary>
    /// The side that joins the weekend: the day before when the holiday is a Tuesday, Friday or
    /// Saturday, otherwise the day after. It reproduces the Government's choices of 2021–2025; the
    /// province administrator confirms each year's actual decision.
    /// </summary>
    ByWeekday,
}

/// <summary>
/// A public holiday by rule (ngày nghỉ lễ, tết theo quy định): a solar or lunar anniversary, with how
/// many days it lasts and from which day. Tết is the lunar 1/1 starting one day earlier (the last day of
/// the old year) and lasting 5 days.
/// </summary>
public sealed record HolidayRuleDefinition(
    string Key,
    string Name,
    HolidayCalendar Calendar,
    int Month,
    int Day,
    int FirstDayOffset = 0,
    int Days = 1,
    AdjacentDay AdjacentDay = AdjacentDay.None,
    int? FromYear = null,
    int? ToYear = null,
    string? Basis = null)
{
    public bool AppliesIn(int year) => (FromYear is null || year >= FromYear) && (ToYear is null || year <= ToYear);

    /// <summary>The holiday's days falling in a solar year, whatever year their anniversary belongs to.</summary>
    public IEnumerable<DateOnly> DatesIn(int solarYear)
    {
        if (!AppliesIn(solarYear) || Days < 1)
        {
            yield break;
        }

        // A holiday near New Year may belong to the anniversary of the year before or after.
        for (var anniversary = solarYear - 1; anniversary <= solarYear + 1; anniversary++)
        {
            if (Anchor(anniversary) is not { } anchor)
            {
                continue;
            }

            var first = anchor.AddDays(FirstDayOffset);
            var last = first.AddDays(Days - 1);
            var adjacent = AdjacentDay switch
            {
                AdjacentDay.Before => first.AddDays(-1),
                AdjacentDay.After => last.AddDays(1),
                AdjacentDay.ByWeekday => anchor.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Friday or DayOfWeek.Saturday
                    ? first.AddDays(-1)
                    : last.AddDays(1),
                _ => (DateOnly?)null,
            };

            if (adjacent is { } before && before < first && before.Year == solarYear)
            {
                yield return before;
            }

            for (var date = first; date <= last; date = date.AddDays(1))
            {
                if (date.Year == solarYear)
                {
                    yield return date;
                }
            }

            if (adjacent is { } after && after > last && after.Year == solarYear)
            {
                yield return after;
            }
        }
    }

    private DateOnly? Anchor(int year)
    {
        if (year is < VietnameseLunarCalendar.MinSupportedYear or > VietnameseLunarCalendar.MaxSupportedYear)
        {
            return null;
        }

        if (Calendar == HolidayCalendar.Lunar)
        {
            return VietnameseLunarCalendar.TryToSolar(new LunarDate(year, Month, Day, false), out var solar) ? solar : null;
        }

        return Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(year, Month)
            ? new DateOnly(year, Month, Day)
            : null;
    }
}

/// <summary>
/// The public holidays of the Labour Code 2019, art. 112(1), as OneStop seeds them for every
/// province, plus the Vietnamese Culture Day announced in January 2026. They are data: a province
/// administrator may change or disable them (holiday_rules), and each year's Government decision
/// overrides them once recorded.
/// </summary>
public static class DefaultHolidayRules
{
    public const string LabourCode = "Bộ luật Lao động 2019, Điều 112 khoản 1";

    public static readonly IReadOnlyList<HolidayRuleDefinition> All =
    [
        new("new-year", "Tết Dương lịch", HolidayCalendar.Solar, 1, 1, Basis: LabourCode + " điểm a"),
        new("tet", "Tết Nguyên đán", HolidayCalendar.Lunar, 1, 1, FirstDayOffset: -1, Days: 5, Basis: LabourCode + " điểm b (05 ngày; Thủ tướng quyết định ngày cụ thể)"),
        new("hung-kings", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", HolidayCalendar.Lunar, 3, 10, Basis: LabourCode + " điểm e"),
        new("reunification", "Ngày Chiến thắng (30/4)", HolidayCalendar.Solar, 4, 30, Basis: LabourCode + " điểm c"),
        new("labour-day", "Ngày Quốc tế Lao động (1/5)", HolidayCalendar.Solar, 5, 1, Basis: LabourCode + " điểm d"),
        new("national-day", "Quốc khánh (2/9 và 01 ngày liền kề)", HolidayCalendar.Solar, 9, 2, AdjacentDay: AdjacentDay.ByWeekday, Basis: LabourCode + " điểm đ (Thủ tướng quyết định ngày liền kề)"),
        new(
            "culture-day",
            "Ngày Văn hóa Việt Nam (24/11)",
            HolidayCalendar.Solar,
            11,
            24,
            FromYear: 2026,
            Basis: "Nghị quyết 80-NQ/TW của Bộ Chính trị (công bố 01/2026): chủ trương là ngày nghỉ hưởng nguyên lương; chờ văn bản quy phạm pháp luật"),
    ];
}
