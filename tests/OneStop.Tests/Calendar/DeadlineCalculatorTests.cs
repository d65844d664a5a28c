using OneStop.Web.Calendar.Deadlines;
using OneStop.Web.Calendar.WorkingDays;

namespace OneStop.Tests.Calendar;

/// <summary>
/// Deadlines on the default calendar (07:30–11:30 and 13:30–17:00, 7 h 30 a day, Saturday and Sunday
/// off). Moments are written in Vietnam time and compared as instants.
/// </summary>
public sealed class DeadlineCalculatorTests
{
    private static readonly WorkingCalendar HaNoi = WorkingCalendar.Default("01");

    /// <summary>A moment in Vietnam time (UTC+7).</summary>
    private static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static DateTimeOffset Due(DateTimeOffset received, TimeLimit limit, params ClockStop[] stops) =>
        DeadlineCalculator.Due(HaNoi, received, limit, stops) ?? throw new InvalidOperationException("no due moment");

    [Fact]
    public void One_working_day_from_the_opening_ends_at_the_close_of_that_day_not_the_next_morning()
    {
        Assert.Equal(Vn(2026, 3, 9, 17), Due(Vn(2026, 3, 9, 7, 30), TimeLimit.WorkingDays(1)));
        Assert.Equal(Vn(2026, 3, 9, 11, 30), Due(Vn(2026, 3, 9, 7, 30), TimeLimit.WorkingHours(4)));
    }

    [Fact]
    public void Time_is_counted_across_the_lunch_break_and_the_night()
    {
        // Monday 08:00: 3 h 30 in the morning, 3 h 30 in the afternoon, 30 minutes on Tuesday.
        Assert.Equal(Vn(2026, 3, 10, 8), Due(Vn(2026, 3, 9, 8), TimeLimit.WorkingDays(1)));
        Assert.Equal(Vn(2026, 3, 9, 14, 30), Due(Vn(2026, 3, 9, 10, 30), TimeLimit.WorkingHours(2)));
    }

    [Theory]
    [InlineData(12, 0)] // lunch break
    [InlineData(11, 30)] // exactly at the close of the morning
    public void A_receipt_during_the_lunch_break_starts_at_13_30(int hour, int minute)
    {
        Assert.Equal(Vn(2026, 3, 9, 13, 30), DeadlineCalculator.CountingStart(HaNoi, Vn(2026, 3, 9, hour, minute)));
        Assert.Equal(Vn(2026, 3, 9, 15, 30), Due(Vn(2026, 3, 9, hour, minute), TimeLimit.WorkingHours(2)));
    }

    [Fact]
    public void A_receipt_on_Friday_evening_or_Saturday_starts_on_Monday_morning()
    {
        Assert.Equal(Vn(2026, 3, 9, 11, 30), Due(Vn(2026, 3, 6, 18), TimeLimit.WorkingHours(4)));
        Assert.Equal(Vn(2026, 3, 9, 11, 30), Due(Vn(2026, 3, 7, 10), TimeLimit.WorkingHours(4)));
        Assert.Equal(Vn(2026, 3, 9, 7, 30), DeadlineCalculator.CountingStart(HaNoi, Vn(2026, 3, 9, 6)));
    }

    [Fact]
    public void Three_working_days_from_the_Friday_before_Tet_2026_skip_the_nine_days_off()
    {
        // Friday 13/2 09:00: 6 h that day; Tết 16–20/2 and two weekends; 7 h 30 on 23/2 and 24/2; 1 h 30 on 25/2.
        Assert.Equal(Vn(2026, 2, 25, 9), Due(Vn(2026, 2, 13, 9), TimeLimit.WorkingDays(3)));
    }

    [Fact]
    public void The_Hung_Kings_day_on_a_Sunday_is_made_up_on_Monday_and_deadlines_skip_it()
    {
        // Received Friday 24/4/2026 at the close: counting starts Tuesday 28/4 (Monday 27/4 is the make-up day).
        Assert.Equal(Vn(2026, 4, 28, 7, 30), DeadlineCalculator.CountingStart(HaNoi, Vn(2026, 4, 24, 17)));
        Assert.Equal(Vn(2026, 4, 29, 17), Due(Vn(2026, 4, 24, 17), TimeLimit.WorkingDays(2)));
        // A third day jumps 30/4, 1/5 and the weekend.
        Assert.Equal(Vn(2026, 5, 4, 17), Due(Vn(2026, 4, 24, 17), TimeLimit.WorkingDays(3)));
    }

    [Fact]
    public void A_deadline_never_ends_on_a_day_off_but_at_the_close_of_a_working_day()
    {
        // Received on 30/4/2026 (a holiday): the day runs on Monday 4/5 and ends at its close (Civil Code art. 148(5)).
        Assert.Equal(Vn(2026, 5, 4, 17), Due(Vn(2026, 4, 30, 8), TimeLimit.WorkingDays(1)));
    }

    [Fact]
    public void A_worked_Saturday_counts_and_a_swapped_Friday_does_not()
    {
        var decided = WorkingCalendar.Default("01", [new ConfirmedYear(
            2026,
            [new(new(2026, 1, 1), CalendarDayKind.DayOff, "Tết Dương lịch"), new(new(2026, 1, 2), CalendarDayKind.DayOff, "Hoán đổi")],
            [new(new(2026, 1, 10), CalendarDayKind.WorkedDay, "Làm bù cho thứ Sáu 02/01/2026")],
            DateTimeOffset.UnixEpoch,
            "admin")]);

        // Wednesday 31/12/2025 16:00: 1 h, then 1–4/1 off, 7 h 30 on Monday 5/1, 6 h 30 on Tuesday 6/1.
        Assert.Equal(Vn(2026, 1, 6, 16), DeadlineCalculator.Due(decided, Vn(2025, 12, 31, 16), TimeLimit.WorkingDays(2)));
        // Friday 9/1 at the opening, two days: Friday and the worked Saturday 10/1.
        Assert.Equal(Vn(2026, 1, 10, 17), DeadlineCalculator.Due(decided, Vn(2026, 1, 9, 7, 30), TimeLimit.WorkingDays(2)));
        // Without the decision the Saturday is a day off and the second day is Monday.
        Assert.Equal(Vn(2026, 1, 12, 17), Due(Vn(2026, 1, 9, 7, 30), TimeLimit.WorkingDays(2)));
    }

    [Fact]
    public void The_clock_stops_while_the_application_waits_for_a_supplement()
    {
        // Monday 9/3 07:30, two working days (15 h). Supplement requested Monday 13:30, handed in Wednesday 13:30:
        // 4 h on Monday, 3 h 30 on Wednesday afternoon, 7 h 30 on Thursday.
        var stop = new ClockStop(Vn(2026, 3, 9, 13, 30), Vn(2026, 3, 11, 13, 30));
        Assert.Equal(Vn(2026, 3, 12, 17), Due(Vn(2026, 3, 9, 7, 30), TimeLimit.WorkingDays(2), stop));
        Assert.Equal(Vn(2026, 3, 10, 17), Due(Vn(2026, 3, 9, 7, 30), TimeLimit.WorkingDays(2)));
    }

    [Fact]
    public void A_stop_that_ends_outside_working_hours_resumes_at_the_next_period_and_stops_may_overlap()
    {
        // Stop from Monday 10:00 to Monday 19:00: 2 h 30 counted Monday; resumes Tuesday 07:30; the 4 h left end at 11:30.
        var evening = new ClockStop(Vn(2026, 3, 9, 10), Vn(2026, 3, 9, 19));
        Assert.Equal(Vn(2026, 3, 10, 11, 30), Due(Vn(2026, 3, 9, 7, 30), TimeLimit.WorkingHours(6.5m), evening));

        var overlapping = new ClockStop(Vn(2026, 3, 9, 9), Vn(2026, 3, 9, 15));
        Assert.Equal(
            Due(Vn(2026, 3, 9, 7, 30), TimeLimit.WorkingHours(6.5m), new ClockStop(Vn(2026, 3, 9, 9), Vn(2026, 3, 9, 19))),
            Due(Vn(2026, 3, 9, 7, 30), TimeLimit.WorkingHours(6.5m), evening, overlapping));
    }

    [Fact]
    public void While_a_stop_is_open_there_is_no_due_moment()
    {
        var waiting = new ClockStop(Vn(2026, 3, 9, 9), null);
        Assert.Null(DeadlineCalculator.Due(HaNoi, Vn(2026, 3, 9, 7, 30), TimeLimit.WorkingDays(1), [waiting]));
        // A stop opened after the due moment does not move it.
        var late = new ClockStop(Vn(2026, 3, 20, 9), null);
        Assert.Equal(Vn(2026, 3, 9, 17), DeadlineCalculator.Due(HaNoi, Vn(2026, 3, 9, 7, 30), TimeLimit.WorkingDays(1), [late]));
    }

    [Fact]
    public void Progress_tells_the_working_time_elapsed_and_remaining_and_whether_it_is_overdue()
    {
        var received = Vn(2026, 3, 9, 7, 30);
        var limit = TimeLimit.WorkingDays(2);
        var stop = new ClockStop(Vn(2026, 3, 9, 13, 30), Vn(2026, 3, 11, 13, 30));

        var during = DeadlineCalculator.Progress(HaNoi, received, limit, [stop], Vn(2026, 3, 10, 10));
        Assert.Equal(TimeSpan.FromHours(4), during.Elapsed);
        Assert.Equal(TimeSpan.FromHours(11), during.Remaining);
        Assert.True(during.IsClockStopped);
        Assert.False(during.IsOverdue);
        Assert.Equal(Vn(2026, 3, 12, 17), during.Due);

        var lastDay = DeadlineCalculator.Progress(HaNoi, received, limit, [stop], Vn(2026, 3, 12, 15));
        Assert.Equal(TimeSpan.FromHours(13), lastDay.Elapsed);
        Assert.Equal(TimeSpan.FromHours(2), lastDay.Remaining);
        Assert.False(lastDay.IsClockStopped);

        var atClose = DeadlineCalculator.Progress(HaNoi, received, limit, [stop], Vn(2026, 3, 12, 17));
        Assert.Equal(TimeSpan.Zero, atClose.Remaining);
        Assert.False(atClose.IsOverdue);

        // The next morning before opening: no more working time has run, but the due moment has passed.
        var nextMorning = DeadlineCalculator.Progress(HaNoi, received, limit, [stop], Vn(2026, 3, 13, 7));
        Assert.Equal(TimeSpan.Zero, nextMorning.Remaining);
        Assert.True(nextMorning.IsOverdue);

        var late = DeadlineCalculator.Progress(HaNoi, received, limit, [stop], Vn(2026, 3, 13, 9, 30));
        Assert.Equal(TimeSpan.FromHours(-2), late.Remaining);
        Assert.True(late.IsOverdue);
    }

    [Fact]
    public void Progress_while_an_open_stop_holds_the_clock_keeps_the_remaining_time()
    {
        var waiting = new ClockStop(Vn(2026, 3, 9, 9), null);
        var progress = DeadlineCalculator.Progress(HaNoi, Vn(2026, 3, 9, 7, 30), TimeLimit.WorkingDays(1), [waiting], Vn(2026, 4, 30, 10));
        Assert.Equal(TimeSpan.FromHours(1.5), progress.Elapsed);
        Assert.Equal(TimeSpan.FromHours(6), progress.Remaining);
        Assert.Null(progress.Due);
        Assert.True(progress.IsClockStopped);
        Assert.False(progress.IsOverdue);
    }

    [Fact]
    public void The_due_moment_is_exactly_the_granted_working_time_away_for_any_receipt()
    {
        var random = new Random(20260213);
        var start = Vn(2025, 12, 1, 0);
        for (var i = 0; i < 300; i++)
        {
            var received = start.AddMinutes(random.Next(0, 60 * 24 * 400));
            var limit = TimeLimit.WorkingHours(random.Next(1, 400) / 4m);
            var stops = random.Next(3) == 0
                ? new[] { new ClockStop(received.AddHours(random.Next(0, 48)), received.AddHours(random.Next(48, 200))) }
                : [];
            var due = DeadlineCalculator.Due(HaNoi, received, limit, stops)!.Value;
            Assert.Equal(limit.ToWorkingTime(HaNoi), DeadlineCalculator.WorkingTimeBetween(HaNoi, received, due, stops));
            Assert.True(HaNoi.IsWorkingDay(DateOnly.FromDateTime(due.ToOffset(TimeSpan.FromHours(7)).DateTime)));
            Assert.Equal(TimeSpan.Zero, due.Offset);
        }
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.WorkingDays(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.WorkingHours(-1));
        Assert.Throws<ArgumentException>(() => DeadlineCalculator.Due(HaNoi, Vn(2026, 3, 9, 8), TimeLimit.WorkingDays(1), [new ClockStop(Vn(2026, 3, 9, 10), Vn(2026, 3, 9, 9))]));
    }
}
