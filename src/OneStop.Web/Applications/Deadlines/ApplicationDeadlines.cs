using System.Globalization;
using System.Text.Json;
using OneStop.Web.Applications.Model;
using OneStop.Web.Calendar;
using OneStop.Web.Calendar.Deadlines;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Applications.Deadlines;

/// <summary>
/// An application's legal due moment and its steps' due moments, on the working calendar of the
/// competent unit's province. The procedure's processing time decides how: working days or hours are
/// counted in working time; "same day" ends with the working day (the next one when received after
/// the cut-off); calendar days end with the working day they fall on or the next.
/// </summary>
public sealed class ApplicationDeadlines(DeadlineService deadlines)
{
    public async Task<DateTimeOffset?> DueAsync(
        string provinceCode,
        DateTimeOffset receivedAt,
        ProcessingTime time,
        IReadOnlyCollection<ClockStop>? stops,
        CancellationToken cancellationToken = default)
    {
        switch (time.Unit)
        {
            case TimeUnit.WorkingDays:
                return await deadlines.DueAsync(provinceCode, receivedAt, TimeLimit.WorkingDays(Math.Max(1, time.Amount ?? 1)), stops, cancellationToken);
            case TimeUnit.WorkingHours:
                return await deadlines.DueAsync(provinceCode, receivedAt, TimeLimit.WorkingHours(Math.Max(1, time.Amount ?? 1)), stops, cancellationToken);
            case TimeUnit.SameDay:
                {
                    var local = VietnameseFormat.ToVietnamTime(receivedAt);
                    var day = DateOnly.FromDateTime(local.DateTime);
                    var afterCutoff = TimeOnly.TryParse(time.Cutoff, CultureInfo.InvariantCulture, out var cutoff)
                        && TimeOnly.FromDateTime(local.DateTime) >= cutoff
                        && await deadlines.IsWorkingDayAsync(provinceCode, day, cancellationToken);
                    // Counting whole working days from the day's midnight ends at the close of that day (or the next).
                    return await deadlines.DueAsync(provinceCode, StartOf(day), TimeLimit.WorkingDays(afterCutoff ? 2 : 1), stops, cancellationToken);
                }

            case TimeUnit.Days:
                {
                    var day = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(receivedAt).DateTime).AddDays(Math.Max(0, (time.Amount ?? 1) - 1));
                    return await deadlines.DueAsync(provinceCode, StartOf(day), TimeLimit.WorkingDays(1), stops, cancellationToken);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(time), time.Unit, "Unknown processing time unit.");
        }
    }

    /// <summary>When a step that starts now should end, from the workflow's time budget for it; null without a budget.</summary>
    public async Task<DateTimeOffset?> StepDueAsync(string provinceCode, DateTimeOffset startsAt, WorkflowDefinition workflow, string state, CancellationToken cancellationToken = default)
    {
        var budget = workflow.ActionsFrom(state).Where(a => !a.StopsClock).Select(a => a.BudgetHours ?? 0).DefaultIfEmpty(0).Max();
        return budget <= 0 ? null : await deadlines.DueAsync(provinceCode, startsAt, TimeLimit.WorkingHours(budget), null, cancellationToken);
    }

    public static IReadOnlyList<ClockStop> StopsOf(Application application)
    {
        var stops = JsonSerializer.Deserialize<List<StoredStop>>(application.ClockStopsJson) ?? [];
        var all = stops.Select(s => new ClockStop(s.From, s.Until)).ToList();
        if (application.ClockStoppedSince is { } since)
        {
            all.Add(new ClockStop(since, null));
        }

        return all;
    }

    internal static void CloseStop(Application application, DateTimeOffset until)
    {
        if (application.ClockStoppedSince is not { } since)
        {
            return;
        }

        var stops = JsonSerializer.Deserialize<List<StoredStop>>(application.ClockStopsJson) ?? [];
        stops.Add(new StoredStop(since, until));
        application.ClockStopsJson = JsonSerializer.Serialize(stops);
        application.ClockStoppedSince = null;
    }

    private static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), VietnameseFormat.VietnamOffset).ToUniversalTime();

    private sealed record StoredStop(DateTimeOffset From, DateTimeOffset Until);
}
