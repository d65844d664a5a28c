using OneStop.Web.Calendar.WorkingDays;

namespace OneStop.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar HaNoi = WorkingCalendar.Default("01");

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static IEnumerable<DateOnly> DaysOff(int year, CalendarDayKind kind) =>
        HaNoi.Year(year).DaysOff.Where(d => d.Kind == kind).Select(d => d.Date);

    [Fact]
    public void The_2026_holidays_by_rule_follow_the_Labour_Code_and_the_lunar_calendar()
    {
        Assert.Equal(
            [
                D(2026, 1, 1),
                D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20), // 29 Chạp Ất Tỵ to mùng 4 Bính Ngọ
                D(2026, 4, 26), // 10/3 Bính Ngọ, a Sunday
                D(2026, 4, 30), D(2026, 5, 1),
                D(2026, 9, 2), D(2026, 9, 3), // a Wednesday: the adjacent day after
                D(2026, 11, 24), // Vietnamese Culture Day, from 2026
            ],
            DaysOff(2026, CalendarDayKind.Holiday));
        Assert.Equal([D(2026, 4, 27)], DaysOff(2026, CalendarDayKind.MakeUpDayOff));
        Assert.Contains("Giỗ Tổ Hùng Vương", HaNoi.Year(2026).DaysOff.Single(d => d.Date == D(2026, 4, 27)).Reason);
        Assert.False(HaNoi.Year(2026).IsConfirmed);
    }

    [Fact]
    public void Tet_is_the_last_day_of_the_lunar_year_and_the_first_four_days_of_the_next()
    {
        // Chạp of Giáp Thìn had 29 days in 2025: 28/01/2025 was its last day, a Tuesday.
        Assert.Equal([D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31), D(2025, 2, 1)], DaysOff(2025, CalendarDayKind.Holiday).Where(d => (d.Month == 1 && d.Day > 1) || d.Month == 2));
        // Mùng 4 was a Saturday: made up on Monday.
        Assert.Contains(D(2025, 2, 3), DaysOff(2025, CalendarDayKind.MakeUpDayOff));
        Assert.DoesNotContain(D(2025, 11, 24), HaNoi.Year(2025).DaysOff.Select(d => d.Date));
    }

    [Fact]
    public void Holidays_on_a_weekend_are_made_up_on_the_next_working_days_in_turn()
    {
        // 30/4/2022 and 1/5/2022 were a Saturday and a Sunday: made up on Monday 2/5 and Tuesday 3/5, as decided that year.
        Assert.Equal([D(2022, 5, 2), D(2022, 5, 3)], DaysOff(2022, CalendarDayKind.MakeUpDayOff).Where(d => d.Month == 5));
        // 1/1/2028 is a Saturday.
        Assert.Contains(D(2028, 1, 3), DaysOff(2028, CalendarDayKind.MakeUpDayOff));
        Assert.False(HaNoi.IsWorkingDay(D(2028, 1, 3)));
    }

    [Theory]
    [InlineData(2021, 3)] // Thursday: 2–3/9
    [InlineData(2022, 1)] // Friday: 1–2/9
    [InlineData(2023, 1)] // Saturday: 1–2/9, and 2/9 made up on Monday 4/9
    [InlineData(2024, 3)] // Monday: 2–3/9
    [InlineData(2025, 1)] // Tuesday: 1–2/9
    public void The_day_next_to_National_Day_joins_the_weekend_as_the_Government_chose_in_2021_to_2025(int year, int adjacentDay)
    {
        var holidays = DaysOff(year, CalendarDayKind.Holiday).Where(d => d.Month == 9).ToList();
        Assert.Equal([D(year, 9, Math.Min(2, adjacentDay)), D(year, 9, Math.Max(2, adjacentDay))], holidays);
    }

    [Fact]
    public void A_confirmed_year_replaces_the_rules_and_its_worked_Saturday_is_a_working_day()
    {
        var confirmed = new ConfirmedYear(
            2026,
            [new CalendarDay(D(2026, 1, 1), CalendarDayKind.DayOff, "Tết Dương lịch"), new CalendarDay(D(2026, 1, 2), CalendarDayKind.DayOff, "Hoán đổi ngày làm việc", "12729/VPCP-KGVX")],
            [new CalendarDay(D(2026, 1, 10), CalendarDayKind.WorkedDay, "Làm bù cho ngày 02/01/2026", "12729/VPCP-KGVX")],
            DateTimeOffset.UnixEpoch,
            "admin");
        var calendar = WorkingCalendar.Default("01", [confirmed]);

        Assert.True(calendar.Year(2026).IsConfirmed);
        Assert.False(calendar.IsWorkingDay(D(2026, 1, 2)));
        Assert.True(calendar.IsWorkingDay(D(2026, 1, 10)));
        Assert.False(calendar.IsWorkingDay(D(2026, 1, 17)));
        // Only what the decision lists: Tết by rule no longer applies to a confirmed year.
        Assert.True(calendar.IsWorkingDay(D(2026, 2, 17)));
        // The computed year is still there for the administrator to start from.
        Assert.Contains(calendar.ComputedYear(2026).DaysOff, d => d.Date == D(2026, 2, 17));
        // Other years keep their rules.
        Assert.False(calendar.IsWorkingDay(D(2027, 1, 1)));
    }

    [Fact]
    public void The_default_working_day_is_07_30_to_11_30_and_13_30_to_17_00()
    {
        Assert.Equal(TimeSpan.FromHours(7.5), HaNoi.WorkingDayLength);
        Assert.False(HaNoi.IsWorkingDay(D(2026, 3, 7)));
        Assert.True(HaNoi.IsWorkingDay(D(2026, 3, 9)));
    }

    [Fact]
    public void A_calendar_with_overlapping_periods_or_no_working_weekday_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar("01", [new(new(8, 0), new(12, 0)), new(new(11, 0), new(17, 0))], WeekDays.Sunday, []));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar("01", WorkingCalendar.DefaultPeriods, (WeekDays)127, []));
    }

    /// <summary>The embedded list of provinces must stay the one the administrative units ship.</summary>
    [Fact]
    public void The_provinces_are_the_34_of_the_administrative_units_data()
    {
        var json = File.ReadAllText(Path.Combine(Repository.Root, "src", "OneStop.Web", "AdministrativeUnits", "Data", "units-2026-04-30.json"));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var published = document.RootElement.EnumerateArray()
            .Select(p => (p.GetProperty("Code").GetString(), p.GetProperty("FullName").GetString()))
            .ToList();
        Assert.Equal(published, Provinces.All.Select(p => ((string?)p.Code, (string?)p.Name)));

        // English names as OneStop shows the units, after the loader's respelling ("Ha Noi", not the export's "Hanoi").
        var shown = OneStop.Web.AdministrativeUnits.Loading.AdministrativeUnitLoader.LoadEmbedded();
        var english = shown.UnitsOf(shown.Sets[^1]).Where(u => u.Level == OneStop.Web.AdministrativeUnits.UnitLevel.Province).Select(u => (u.Code, u.NameEn));
        Assert.Equal(english, Provinces.All.Select(p => (p.Code, p.NameEn)));
    }
}
