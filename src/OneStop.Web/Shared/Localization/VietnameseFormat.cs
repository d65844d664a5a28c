using System.Globalization;

namespace OneStop.Web.Shared.Localization;

/// <summary>Dates, times and money the way Vietnamese documents write them, in Vietnam's time zone.</summary>
public static class VietnameseFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Vietnam keeps UTC+7 all year, with no daylight saving.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToVietnamTime(DateTimeOffset instant) => instant.ToOffset(VietnamOffset);

    /// <summary>23/11/2026</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>14 giờ 05 phút, ngày 23/11/2026</summary>
    public static string Moment(DateTimeOffset instant)
    {
        var local = ToVietnamTime(instant);
        return $"{local:HH} giờ {local:mm} phút, ngày {local:dd/MM/yyyy}";
    }

    /// <summary>
    /// A moment on a page, in the language the person reads it in: "14 giờ 05 phút, ngày 23/11/2026", or in English
    /// "14:05, 23/11/2026" (Vietnam's time and day-month-year order either way). Documents and messages that
    /// leave OneStop use <see cref="Moment"/>, which is always Vietnamese.
    /// </summary>
    public static string LocalizedMoment(DateTimeOffset instant)
    {
        if (!ReaderLanguage.IsEnglish)
        {
            return Moment(instant);
        }

        var local = ToVietnamTime(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{local:HH:mm}, {local:dd/MM/yyyy}");
    }

    /// <summary>
    /// "ngày 05 tháng 02 năm 2026", as written under the national motto: Decree 30/2020/NĐ-CP puts a 0
    /// before days below 10 and before months below 3 (so "tháng 3", but "tháng 02").
    /// </summary>
    public static string DocumentDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {(date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");

    /// <summary>1.250.000 đồng; 0 is "Miễn phí" (free).</summary>
    public static string Money(long dong) =>
        dong == 0 ? "Miễn phí" : string.Create(Culture, $"{dong:#,0} đồng");
}
