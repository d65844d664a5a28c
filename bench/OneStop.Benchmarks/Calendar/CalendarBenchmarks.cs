using System.Globalization;
using BenchmarkDotNet.Attributes;
using OneStop.Web.Calendar.Deadlines;
using OneStop.Web.Calendar.Lunar;
using OneStop.Web.Calendar.WorkingDays;

namespace OneStop.Benchmarks.Calendar;

/// <summary>
/// Due moments on the default calendar, against a baseline that walks the calendar minute by minute
/// (the obvious way, and the one to beat). Received the Friday before Tết 2026.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly WorkingCalendar _calendar = WorkingCalendar.Default("01");
    private readonly DateTimeOffset _received = new(2026, 2, 13, 9, 0, 0, Vietnam);
    private ClockStop[] _stops = [];

    [Params(3, 30)]
    public int WorkingDays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The years are computed once per calendar; measure the counting, not the first lunar computation.
        _ = _calendar.IsWorkingDay(new DateOnly(2026, 1, 1));
        _ = _calendar.IsWorkingDay(new DateOnly(2027, 1, 1));
        _stops = [new ClockStop(_received.AddDays(1), _received.AddDays(5)), new ClockStop(_received.AddDays(12), _received.AddDays(15))];
    }

    [Benchmark(Baseline = true)]
    public DateTimeOffset MinuteByMinute()
    {
        var remaining = (int)TimeLimit.WorkingDays(WorkingDays).ToWorkingTime(_calendar).TotalMinutes;
        var local = _received.ToOffset(Vietnam).DateTime;
        while (true)
        {
            var time = TimeOnly.FromDateTime(local);
            if (_calendar.IsWorkingDay(DateOnly.FromDateTime(local)) && _calendar.Periods.Any(p => time >= p.Start && time < p.End) && --remaining == 0)
            {
                return new DateTimeOffset(local.AddMinutes(1), Vietnam);
            }

            local = local.AddMinutes(1);
        }
    }

    [Benchmark]
    public DateTimeOffset? Due() => DeadlineCalculator.Due(_calendar, _received, TimeLimit.WorkingDays(WorkingDays));

    [Benchmark]
    public DateTimeOffset? DueWithTwoClockStops() => DeadlineCalculator.Due(_calendar, _received, TimeLimit.WorkingDays(WorkingDays), _stops);

    [Benchmark]
    public DeadlineProgress Progress() =>
        DeadlineCalculator.Progress(_calendar, _received, TimeLimit.WorkingDays(WorkingDays), _stops, _received.AddDays(10));
}

/// <summary>A solar date to its lunar date: the Vietnamese calendar against .NET's Chinese one as the baseline.</summary>
[MemoryDiagnoser]
public class LunarConversionBenchmarks
{
    private readonly ChineseLunisolarCalendar _chinese = new();
    private readonly DateOnly _date = new(2026, 11, 23);

    [GlobalSetup]
    public void Setup() => _ = VietnameseLunarCalendar.FromSolar(_date);

    [Benchmark(Baseline = true)]
    public int ChineseLunisolarCalendarMonth() => _chinese.GetMonth(_date.ToDateTime(TimeOnly.MinValue));

    [Benchmark]
    public LunarDate VietnameseFromSolar() => VietnameseLunarCalendar.FromSolar(_date);

    [Benchmark]
    public DateOnly VietnameseNewYear() => VietnameseLunarCalendar.NewYear(2027);
}
