using System.Text.Json;
using OneStop.Web.Audit;
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
/// The audit hook of the working calendar. It is called inside the transaction that saves the change,
/// with the same scoped OneStopDbContext, so the entry commits or rolls back with the change.
/// </summary>
public interface ICalendarAudit
{
    Task RecordingAsync(CalendarYearRecorded change, CancellationToken cancellationToken);

    Task RecordingAsync(CalendarSettingsRecorded change, CancellationToken cancellationToken);
}

/// <summary>Every calendar change goes to the hash-chained audit trail, with what it was and what it becomes.</summary>
internal sealed class AuditTrailCalendarAudit(IAuditTrail trail) : ICalendarAudit
{
    public async Task RecordingAsync(CalendarYearRecorded change, CancellationToken cancellationToken) =>
        await trail.AppendAsync(
            new AuditEvent("calendar.year-recorded")
            {
                Subject = $"{change.ProvinceCode}/{change.Year}",
                ProvinceCode = change.ProvinceCode,
                Details = new Dictionary<string, string?>
                {
                    ["recordedBy"] = change.RecordedBy,
                    ["wasConfirmed"] = change.WasConfirmed ? "true" : "false",
                    ["before"] = JsonSerializer.Serialize(change.Before.Select(d => d.ToString())),
                    ["after"] = JsonSerializer.Serialize(change.After.Select(d => d.ToString())),
                },
            },
            cancellationToken);

    public async Task RecordingAsync(CalendarSettingsRecorded change, CancellationToken cancellationToken) =>
        await trail.AppendAsync(
            new AuditEvent("calendar.settings-recorded")
            {
                Subject = change.ProvinceCode,
                ProvinceCode = change.ProvinceCode,
                Details = new Dictionary<string, string?>
                {
                    ["recordedBy"] = change.RecordedBy,
                    ["before"] = Describe(change.Before),
                    ["after"] = Describe(change.After),
                },
            },
            cancellationToken);

    private static string Describe(CalendarSettingsSnapshot settings) => string.Join(
        "; ",
        [
            $"{settings.Morning} {settings.Afternoon}",
            $"off {settings.WeeklyDaysOff}",
            .. settings.Rules.Select(r => $"{r.Rule}{(r.Enabled ? "" : " (disabled)")}"),
        ]);
}
