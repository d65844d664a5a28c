using System.Globalization;
using OneStop.Web.Calendar.Lunar;

namespace OneStop.Tests.Calendar;

/// <summary>
/// The Vietnamese lunar calendar against published tables (Data/README.md gives the sources):
/// Tết 1900–2100 from luc-nham/lunarjs (tests/data/lunar-fisrt-new-moon.ts), which agrees year by
/// year with vacanza/holidays (holidays/calendars/chinese.py, Vietnamese overrides); the Chinese new
/// year and the Hùng Kings' day from vacanza/holidays; the leap months 1900–2100 from luc-nham/lunarjs
/// (tests/converters/LunarFirstNmpToLeapMonthNmp.test.ts).
/// </summary>
public sealed class VietnameseLunarCalendarTests
{
    private static readonly IReadOnlyList<string[]> Years = TestData.Rows("tet-and-hung-kings-1900-2100.csv");
    private static readonly IReadOnlyList<string[]> LeapMonths = TestData.Rows("leap-months-1900-2100.csv");

    [Fact]
    public void The_tables_cover_every_year_from_1900_to_2100()
    {
        Assert.Equal(Enumerable.Range(1900, 201), Years.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));
        Assert.Equal(74, LeapMonths.Count);
    }

    [Fact]
    public void Tet_falls_on_the_published_date_every_year_from_1900_to_2100()
    {
        var wrong = new List<string>();
        foreach (var row in Years)
        {
            var year = int.Parse(row[0], CultureInfo.InvariantCulture);
            var expected = TestData.Date(row[1])!.Value;
            var computed = VietnameseLunarCalendar.NewYear(year);
            if (computed != expected)
            {
                wrong.Add($"{year}: expected {expected:yyyy-MM-dd}, computed {computed:yyyy-MM-dd}");
            }

            Assert.Equal(new LunarDate(year, 1, 1, false), VietnameseLunarCalendar.FromSolar(expected));
            Assert.Equal(year - 1, VietnameseLunarCalendar.FromSolar(expected.AddDays(-1)).Year);
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void The_Hung_Kings_day_falls_on_the_published_date_every_year_from_1901_to_2100()
    {
        var wrong = new List<string>();
        foreach (var row in Years.Where(r => r[3].Length > 0))
        {
            var year = int.Parse(row[0], CultureInfo.InvariantCulture);
            var expected = TestData.Date(row[3])!.Value;
            var computed = VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10, false));
            if (computed != expected)
            {
                wrong.Add($"{year}: expected {expected:yyyy-MM-dd}, computed {computed:yyyy-MM-dd}");
            }
        }

        Assert.Empty(wrong);
    }

    /// <summary>
    /// Every published leap month, bar one. In 1938 the autumn equinox fell within seconds of midnight in
    /// Vietnam: a VSOP87-based ephemeris puts it about 1 s after 00:00 on 24/9 (UTC+7), the low-precision
    /// series of the reference method (and so the lunar calendars most Vietnamese software shows) about a
    /// minute before. The published table, from a coarser formula, says leap month 7; the series gives 8.
    /// docs/adr/0030 explains why OneStop keeps the series rather than a hand-made exception.
    /// </summary>
    [Fact]
    public void Every_leap_month_from_1900_to_2100_is_the_published_one_and_starts_on_the_published_day()
    {
        var published = LeapMonths.ToDictionary(
            r => int.Parse(r[0], CultureInfo.InvariantCulture),
            r => (Month: int.Parse(r[1], CultureInfo.InvariantCulture), FirstDay: TestData.Date(r[2])!.Value));

        var wrong = new List<string>();
        for (var year = 1900; year <= 2100; year++)
        {
            var leap = VietnameseLunarCalendar.LeapMonth(year);
            if (!published.TryGetValue(year, out var expected))
            {
                Assert.True(leap is null, $"{year}: expected no leap month, computed {leap}");
                continue;
            }

            if (leap != expected.Month)
            {
                wrong.Add($"{year}: published {expected.Month}, computed {leap}");
                continue;
            }

            var firstDay = VietnameseLunarCalendar.ToSolar(new LunarDate(year, expected.Month, 1, true));
            Assert.Equal(expected.FirstDay, firstDay);
            Assert.Equal(new LunarDate(year, expected.Month, 1, true), VietnameseLunarCalendar.FromSolar(firstDay));
        }

        Assert.Equal(["1938: published 7, computed 8"], wrong);
        Assert.Equal(new DateOnly(1938, 9, 24), VietnameseLunarCalendar.ToSolar(new LunarDate(1938, 8, 1, true)));
    }

    [Fact]
    public void Every_day_from_1900_to_2100_converts_both_ways_and_the_months_run_in_order()
    {
        var day = new DateOnly(1900, 1, 1);
        var previous = VietnameseLunarCalendar.FromSolar(day);
        while (day < new DateOnly(2100, 12, 31))
        {
            day = day.AddDays(1);
            var lunar = VietnameseLunarCalendar.FromSolar(day);
            Assert.Equal(day, VietnameseLunarCalendar.ToSolar(lunar));
            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
                var expectedMonth = lunar.IsLeapMonth ? previous.Month : (previous.Month % 12) + 1;
                Assert.Equal(expectedMonth, lunar.Month);
                Assert.Equal(lunar.Month == 1 && !lunar.IsLeapMonth ? previous.Year + 1 : previous.Year, lunar.Year);
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }

            previous = lunar;
        }
    }

    [Fact]
    public void The_published_tables_differ_from_the_Chinese_new_year_in_ten_years()
    {
        var differing = Years
            .Where(r => r[2].Length > 0 && r[1] != r[2])
            .Select(r => int.Parse(r[0], CultureInfo.InvariantCulture));
        Assert.Equal([1903, 1916, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053], differing);
    }

    /// <summary>
    /// .NET's ChineseLunisolarCalendar (UTC+8) is not the Vietnamese calendar: it gives another Tết in
    /// nine years of 1901–2100, and agrees with the published Chinese dates in each of them. (In 1916 it
    /// keeps 3 February, as Vietnam does; published Chinese tables give 4 February, China then counting
    /// from Beijing's own meridian.)
    /// </summary>
    [Fact]
    public void Tet_differs_from_dotnet_ChineseLunisolarCalendar_in_the_published_years()
    {
        var chinese = new ChineseLunisolarCalendar();
        var differing = new List<int>();
        foreach (var row in Years.Where(r => r[2].Length > 0))
        {
            var year = int.Parse(row[0], CultureInfo.InvariantCulture);
            var dotnet = DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0));
            if (VietnameseLunarCalendar.NewYear(year) != dotnet)
            {
                differing.Add(year);
                Assert.Equal(TestData.Date(row[2]), dotnet);
            }
        }

        Assert.Equal([1903, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053], differing);
    }

    [Theory]
    [InlineData("1985-01-21", "1985-02-20")] // a whole month apart: Vietnam's leap month came in 1985, China's in 1984
    [InlineData("2007-02-17", "2007-02-18")] // the new moon fell just before midnight in Vietnam, after it in China
    [InlineData("2030-02-02", "2030-02-03")]
    public void Tet_is_not_the_Chinese_new_year_in_these_years(string vietnamese, string chinese)
    {
        var tet = DateOnly.Parse(vietnamese, CultureInfo.InvariantCulture);
        Assert.Equal(tet, VietnameseLunarCalendar.NewYear(tet.Year));
        var chineseNewYear = DateOnly.FromDateTime(new ChineseLunisolarCalendar().ToDateTime(tet.Year, 1, 1, 0, 0, 0, 0));
        Assert.Equal(DateOnly.Parse(chinese, CultureInfo.InvariantCulture), chineseNewYear);
    }

    [Theory]
    [InlineData("2026-02-16", 2025, 12, 29, false)] // 29 tháng Chạp Ất Tỵ, as the 2026 Tết notice of the Ministry of Home Affairs says
    [InlineData("2026-02-17", 2026, 1, 1, false)]
    [InlineData("2026-02-20", 2026, 1, 4, false)] // mùng 4 Tết, the last day off in 2026
    [InlineData("2020-05-23", 2020, 4, 1, true)] // first day of the leap 4th month of 2020
    [InlineData("2033-12-22", 2033, 11, 1, true)] // the leap 11th month of 2033
    [InlineData("1900-01-01", 1899, 12, 1, false)]
    public void Known_dates_convert_both_ways(string solar, int year, int month, int day, bool leap)
    {
        var date = DateOnly.Parse(solar, CultureInfo.InvariantCulture);
        var lunar = new LunarDate(year, month, day, leap);
        Assert.Equal(lunar, VietnameseLunarCalendar.FromSolar(date));
        Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar));
    }

    [Theory]
    [InlineData(2024, "Giáp Thìn")]
    [InlineData(2025, "Ất Tỵ")]
    [InlineData(2026, "Bính Ngọ")]
    [InlineData(1945, "Ất Dậu")]
    [InlineData(1900, "Canh Tý")]
    public void Years_have_their_can_chi_names(int year, string name) =>
        Assert.Equal(name, VietnameseLunarCalendar.YearName(year));

    [Fact]
    public void Lunar_dates_read_the_Vietnamese_way()
    {
        Assert.Equal("mùng 1 tháng Giêng năm Bính Ngọ", VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 2, 17)).ToVietnameseText());
        Assert.Equal("ngày 29 tháng Chạp năm Ất Tỵ", VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 2, 16)).ToVietnameseText());
        Assert.Equal("mùng 1 tháng 4 nhuận năm Canh Tý", VietnameseLunarCalendar.FromSolar(new DateOnly(2020, 5, 23)).ToVietnameseText());
    }

    [Fact]
    public void Lunar_dates_read_in_English_keep_the_years_name()
    {
        Assert.Equal("day 1 of the 1st lunar month, year Bính Ngọ", VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 2, 17)).ToEnglishText());
        Assert.Equal("day 29 of the 12th lunar month, year Ất Tỵ", VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 2, 16)).ToEnglishText());
        Assert.Equal("day 1 of the leap 4th lunar month, year Canh Tý", VietnameseLunarCalendar.FromSolar(new DateOnly(2020, 5, 23)).ToEnglishText());
        Assert.Equal("day 10 of the 3rd lunar month, year Bính Ngọ", VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 4, 26)).ToEnglishText());
    }

    [Fact]
    public void Lunar_dates_that_do_not_exist_are_refused()
    {
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2026, 4, 1, true), out _)); // 2026 has no leap month
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2025, 12, 30, false), out _)); // Chạp Ất Tỵ has 29 days
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2026, 13, 1, false), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2020, 5, 1, true)));
        Assert.Equal(29, VietnameseLunarCalendar.DaysInMonth(2025, 12, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(new DateOnly(2200, 1, 1)));
    }
}
