using System.Collections.Concurrent;

namespace OneStop.Web.Calendar.Lunar;

/// <summary>
/// The Vietnamese lunisolar calendar, computed for Vietnam's meridian (UTC+7). A month begins on the
/// day of new moon in Vietnam; month 11 is the month holding the winter solstice; when 13 months
/// separate two months 11, the first month without a principal solar term (trung khí) repeats the
/// number of the month before it as a leap month. The Chinese calendar follows the same rules at
/// UTC+8, which is why Tết differs in some years (1985, 2007, 2030…). See docs/adr/0030.
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>Vietnam's offset from UT, in days, for placing an instant on its local day.</summary>
    private const double VietnamOffsetDays = 7.0 / 24;

    /// <summary>Julian day number of 0001-01-01, to convert <see cref="DateOnly.DayNumber"/>.</summary>
    private const int JulianDayOfDayNumberZero = 1721426;

    private static readonly string[] Stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
    private static readonly string[] Branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

    private static readonly ConcurrentDictionary<int, MonthRun> Runs = new();

    /// <summary>The first solar date converted (the astronomy holds well beyond; it is tested 1900–2100).</summary>
    public static readonly DateOnly MinSupportedDate = new(1800, 1, 1);

    /// <summary>The last solar date converted.</summary>
    public static readonly DateOnly MaxSupportedDate = new(2199, 12, 31);

    public const int MinSupportedYear = 1800;
    public const int MaxSupportedYear = 2199;

    /// <summary>The lunar date of a solar (Gregorian) date.</summary>
    public static LunarDate FromSolar(DateOnly date)
    {
        EnsureSupported(date);
        var day = JulianDay(date);
        var run = Run(date.Year);
        if (day < run.Starts[0])
        {
            run = Run(date.Year - 1);
        }

        var index = run.IndexOf(day);
        return new LunarDate(run.LunarYearOf(index), run.Numbers[index], day - run.Starts[index] + 1, run.IsLeap[index]);
    }

    /// <summary>The solar date of a lunar date; throws when the date does not exist.</summary>
    public static DateOnly ToSolar(LunarDate date) =>
        TryToSolar(date, out var solar)
            ? solar
            : throw new ArgumentOutOfRangeException(nameof(date), date, "No such lunar date: " + Describe(date));

    /// <summary>The solar date of a lunar date, or false when that month (or day 30) does not exist that year.</summary>
    public static bool TryToSolar(LunarDate date, out DateOnly solar)
    {
        solar = default;
        if (date.Year is < MinSupportedYear or > MaxSupportedYear || date.Month is < 1 or > 12 || date.Day is < 1 or > 30)
        {
            return false;
        }

        // Months 11 and 12 of a lunar year follow the solstice of that same solar year.
        var run = Run(date.Month >= 11 ? date.Year : date.Year - 1);
        for (var i = 0; i < run.Count; i++)
        {
            if (run.Numbers[i] == date.Month && run.IsLeap[i] == date.IsLeapMonth && run.LunarYearOf(i) == date.Year)
            {
                if (date.Day > run.Length(i))
                {
                    return false;
                }

                solar = FromJulianDay(run.Starts[i] + date.Day - 1);
                return true;
            }
        }

        return false;
    }

    /// <summary>The leap month of a lunar year (the number it repeats), or null in a common year.</summary>
    public static int? LeapMonth(int lunarYear)
    {
        EnsureSupported(lunarYear);
        foreach (var run in new[] { Run(lunarYear - 1), Run(lunarYear) })
        {
            for (var i = 0; i < run.Count; i++)
            {
                if (run.IsLeap[i] && run.LunarYearOf(i) == lunarYear)
                {
                    return run.Numbers[i];
                }
            }
        }

        return null;
    }

    /// <summary>29 or 30: the length of a lunar month; throws when the month does not exist.</summary>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth)
    {
        _ = ToSolar(new LunarDate(lunarYear, month, 1, isLeapMonth));
        return TryToSolar(new LunarDate(lunarYear, month, 30, isLeapMonth), out _) ? 30 : 29;
    }

    /// <summary>Tết Nguyên đán: the first day of the first month of <paramref name="lunarYear"/>.</summary>
    public static DateOnly NewYear(int lunarYear) => ToSolar(new LunarDate(lunarYear, 1, 1, false));

    /// <summary>The can-chi name of a lunar year ("Giáp Thìn" for 2024).</summary>
    public static string YearName(int lunarYear)
    {
        // Year 4 (and every 60 years after) was Giáp Tý.
        var stem = ((lunarYear - 4) % 10 + 10) % 10;
        var branch = ((lunarYear - 4) % 12 + 12) % 12;
        return $"{Stems[stem]} {Branches[branch]}";
    }

    private static string Describe(LunarDate date) =>
        $"day {date.Day} of {(date.IsLeapMonth ? "leap " : "")}month {date.Month} of lunar year {date.Year}";

    private static void EnsureSupported(DateOnly date)
    {
        if (date < MinSupportedDate || date > MaxSupportedDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Supported dates are {MinSupportedDate:yyyy-MM-dd} to {MaxSupportedDate:yyyy-MM-dd}.");
        }
    }

    private static void EnsureSupported(int lunarYear)
    {
        if (lunarYear is < MinSupportedYear or > MaxSupportedYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, $"Supported lunar years are {MinSupportedYear} to {MaxSupportedYear}.");
        }
    }

    internal static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    internal static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);

    /// <summary>The local (UTC+7) day on which new moon number <paramref name="k"/> happens.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(Astronomy.NewMoon(k) + 0.5 + VietnamOffsetDays);

    /// <summary>
    /// Which 30° sector of the ecliptic the sun is in at the start (local midnight) of a day. A principal
    /// solar term begins each sector, so a month whose first day and the next month's first day share a
    /// sector holds no principal term.
    /// </summary>
    private static int SunSector(int julianDay) =>
        (int)(Astronomy.SunLongitude(julianDay - 0.5 - VietnamOffsetDays) / 30);

    /// <summary>The number of the new moon that begins month 11 (the solstice month) of a solar year.</summary>
    private static int SolsticeMonthNewMoon(int solarYear)
    {
        var endOfYear = JulianDay(new DateOnly(solarYear, 12, 31));
        var k = (int)Math.Floor((endOfYear - Astronomy.NewMoonEpoch) / Astronomy.SynodicMonth);

        // Sector 9 starts at 270°, the winter solstice. A month beginning in it began after the solstice,
        // and a next month beginning before it means the solstice falls later still.
        while (SunSector(NewMoonDay(k)) >= 9)
        {
            k--;
        }

        while (SunSector(NewMoonDay(k + 1)) < 9)
        {
            k++;
        }

        return k;
    }

    private static MonthRun Run(int solsticeYear) => Runs.GetOrAdd(solsticeYear, MonthRun.Compute);

    /// <summary>
    /// The months from month 11 of one solar year (inclusive) to month 11 of the next (exclusive):
    /// months 11 and 12 of lunar year <see cref="SolsticeYear"/>, then months 1 to 10 of the next.
    /// </summary>
    private sealed class MonthRun
    {
        private MonthRun(int solsticeYear, int[] starts, int[] numbers, bool[] isLeap)
        {
            SolsticeYear = solsticeYear;
            Starts = starts;
            Numbers = numbers;
            IsLeap = isLeap;
        }

        public int SolsticeYear { get; }

        /// <summary>Julian day of each month's first day, plus the first day of the next run.</summary>
        public int[] Starts { get; }

        public int[] Numbers { get; }

        public bool[] IsLeap { get; }

        public int Count => Numbers.Length;

        public int Length(int index) => Starts[index + 1] - Starts[index];

        public int LunarYearOf(int index) => Numbers[index] >= 11 ? SolsticeYear : SolsticeYear + 1;

        public int IndexOf(int julianDay)
        {
            for (var i = 0; i < Count; i++)
            {
                if (julianDay < Starts[i + 1])
                {
                    return i;
                }
            }

            throw new InvalidOperationException("The day is past the run; the run was chosen wrongly.");
        }

        public static MonthRun Compute(int solsticeYear)
        {
            var first = SolsticeMonthNewMoon(solsticeYear);
            var count = SolsticeMonthNewMoon(solsticeYear + 1) - first;
            var starts = new int[count + 1];
            for (var i = 0; i <= count; i++)
            {
                starts[i] = NewMoonDay(first + i);
            }

            var leapIndex = -1;
            if (count == 13)
            {
                for (var i = 1; i < count; i++)
                {
                    if (SunSector(starts[i]) == SunSector(starts[i + 1]))
                    {
                        leapIndex = i;
                        break;
                    }
                }

                if (leapIndex < 0)
                {
                    throw new InvalidOperationException($"Thirteen months after the solstice of {solsticeYear} but none without a principal term.");
                }
            }

            var numbers = new int[count];
            var isLeap = new bool[count];
            numbers[0] = 11;
            for (var i = 1; i < count; i++)
            {
                isLeap[i] = i == leapIndex;
                numbers[i] = isLeap[i] ? numbers[i - 1] : (numbers[i - 1] % 12) + 1;
            }

            return new MonthRun(solsticeYear, starts, numbers, isLeap);
        }
    }
}
