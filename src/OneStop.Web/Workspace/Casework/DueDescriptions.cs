using OneStop.Web.Applications.Model;
using OneStop.Web.Calendar;
using OneStop.Web.Calendar.Deadlines;

namespace OneStop.Web.Workspace.Casework;

/// <summary>Where an application stands against its due moment, in words and numbers (never in colour only).</summary>
public sealed record DueDescription(DueStanding Standing, DateTimeOffset? DueAt, decimal? RemainingWorkingHours)
{
    /// <summary>The Vietnamese words, e.g. "còn 5 giờ làm việc" or "quá hạn".</summary>
    public string Vietnamese => Standing switch
    {
        DueStanding.Completed => "đã kết thúc",
        DueStanding.ClockStopped => "tạm dừng tính thời hạn (chờ công dân)",
        DueStanding.Overdue => "quá hạn",
        DueStanding.Running when RemainingWorkingHours < 1 => "còn dưới 1 giờ làm việc",
        DueStanding.Running => $"còn {Math.Floor(RemainingWorkingHours ?? 0):0} giờ làm việc",
        _ => "",
    };

    public string English => Standing switch
    {
        DueStanding.Completed => "finished",
        DueStanding.ClockStopped => "clock stopped (waiting for the citizen)",
        DueStanding.Overdue => "overdue",
        DueStanding.Running when RemainingWorkingHours < 1 => "less than 1 working hour left",
        DueStanding.Running => $"{Math.Floor(RemainingWorkingHours ?? 0):0} working hours left",
        _ => "",
    };

    public string For(bool english) => english ? English : Vietnamese;
}

public enum DueStanding
{
    Running,
    Overdue,
    ClockStopped,
    Completed,
}

/// <summary>
/// Describes due moments on the working calendar of the application's province: the hours left are
/// working hours (nights, weekends and holidays do not count), as the officer has to plan them.
/// </summary>
public sealed class DueDescriptions(DeadlineService deadlines, TimeProvider clock)
{
    public async Task<DueDescription> DescribeAsync(Application application, CancellationToken cancellationToken = default)
    {
        if (application.IsCompleted)
        {
            return new DueDescription(DueStanding.Completed, application.DueAt, null);
        }

        if (application.ClockStoppedSince is not null || application.DueAt is not { } due)
        {
            return new DueDescription(DueStanding.ClockStopped, null, null);
        }

        var now = clock.GetUtcNow();
        if (due < now)
        {
            return new DueDescription(DueStanding.Overdue, due, 0);
        }

        // The working time from now to the due moment: a progress measured from now, read at the due moment.
        var progress = await deadlines.ProgressAsync(application.ProvinceCode, now, TimeLimit.WorkingHours(1), null, due, cancellationToken);
        return new DueDescription(DueStanding.Running, due, (decimal)progress.Elapsed.TotalHours);
    }

    /// <summary>The end of the next working day's worth of working time from now in the province.</summary>
    public async Task<DateTimeOffset> OneWorkingDayFromNowAsync(string provinceCode, CancellationToken cancellationToken = default) =>
        await deadlines.DueAsync(provinceCode, clock.GetUtcNow(), TimeLimit.WorkingDays(1), null, cancellationToken) ?? clock.GetUtcNow().AddDays(1);
}
