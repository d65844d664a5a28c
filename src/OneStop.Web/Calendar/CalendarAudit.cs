using OneStop.Web.Calendar.WorkingDays;

namespace OneStop.Web.Calendar;

/// <summary>A province's year decision about to be saved: what it was and what it becomes.</summary>
public sealed record CalendarYearRecorded(
    string ProvinceCode,
    int Year,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    bool WasConfirmed,
    IReadOnlyList<CalendarDay> Before,
    IReadOnlyList<CalendarDay> After);

/// <summary>A province's hours, weekly days off and holiday rules about to be replaced: what they were and what they become.</summary>
public sealed record CalendarSettingsRecorded(
    string ProvinceCode,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    CalendarSettingsSnapshot Before,
    CalendarSettingsSnapshot After);

/// <summary>
/// The audit hook of the working calendar. It is called inside the unit of work, before the change is
/// saved, with the same scoped OneStopDbContext: an audit trail that adds its entry to that context has
/// it saved atomically with the change. Replace the registration to plug in the tamper-evident audit trail.
/// </summary>
public interface ICalendarAudit
{
    Task RecordingAsync(CalendarYearRecorded change, CancellationToken cancellationToken);

    Task RecordingAsync(CalendarSettingsRecorded change, CancellationToken cancellationToken);
}

/// <summary>Until the audit trail exists: the change goes to the log.</summary>
internal sealed partial class LoggingCalendarAudit(ILogger<LoggingCalendarAudit> logger) : ICalendarAudit
{
    public Task RecordingAsync(CalendarYearRecorded change, CancellationToken cancellationToken)
    {
        LogRecorded(change.ProvinceCode, change.Year, change.RecordedBy, change.After.Count, change.Before.Count);
        return Task.CompletedTask;
    }

    public Task RecordingAsync(CalendarSettingsRecorded change, CancellationToken cancellationToken)
    {
        LogSettings(change.ProvinceCode, change.RecordedBy, change.After, change.Before);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar settings of {Province} recorded by {RecordedBy}: {After} (was {Before})")]
    private partial void LogSettings(string province, string recordedBy, CalendarSettingsSnapshot after, CalendarSettingsSnapshot before);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar {Province}/{Year} recorded by {RecordedBy}: {After} days (was {Before})")]
    private partial void LogRecorded(string province, int year, string recordedBy, int after, int before);
}
