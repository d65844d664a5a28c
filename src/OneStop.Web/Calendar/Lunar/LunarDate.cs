using System.Globalization;

namespace OneStop.Web.Calendar.Lunar;

/// <summary>A date of the Vietnamese lunar calendar (âm lịch). <see cref="Year"/> is the year Tết opens.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth)
{
    /// <summary>The can-chi name of the year, e.g. "Bính Ngọ" for 2026.</summary>
    public string YearName => VietnameseLunarCalendar.YearName(Year);

    /// <summary>"1/1 Bính Ngọ", "15/4 nhuận Canh Tý": short, for tables.</summary>
    public string ToShortText() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day}/{Month}{(IsLeapMonth ? " nhuận" : "")} {YearName}");

    /// <summary>"mùng 1 tháng Giêng năm Bính Ngọ", as Vietnamese write lunar dates.</summary>
    public string ToVietnameseText()
    {
        var day = Day <= 10
            ? string.Create(CultureInfo.InvariantCulture, $"mùng {Day}")
            : string.Create(CultureInfo.InvariantCulture, $"ngày {Day}");
        var month = Month switch
        {
            1 => "tháng Giêng",
            11 => "tháng Một",
            12 => "tháng Chạp",
            _ => string.Create(CultureInfo.InvariantCulture, $"tháng {Month}"),
        };
        return $"{day} {month}{(IsLeapMonth ? " nhuận" : "")} năm {YearName}";
    }

    /// <summary>"day 1 of the 1st lunar month, year Bính Ngọ": the English page keeps the year's Vietnamese name.</summary>
    public string ToEnglishText() => string.Format(CultureInfo.InvariantCulture, EnglishTextFormat, YearName);

    /// <summary>
    /// <see cref="ToEnglishText"/> with the year's name as <c>{0}</c>, for a page that marks the name as Vietnamese.
    /// </summary>
    public string EnglishTextFormat =>
        string.Create(CultureInfo.InvariantCulture, $"day {Day} of the {(IsLeapMonth ? "leap " : "")}{Ordinal(Month)} lunar month, year {{0}}");

    private static string Ordinal(int number) => number switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => string.Create(CultureInfo.InvariantCulture, $"{number}th"),
    };

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}{(IsLeapMonth ? "L" : "")}-{Day:00}");
}
