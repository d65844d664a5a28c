using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OneStop.Web.Calendar.Persistence;
using OneStop.Web.Calendar.WorkingDays;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Calendar;

/// <summary>The outcome of recording a year: errors (nothing written), or the year, and whether anything changed.</summary>
public sealed record YearDecisionResult(IReadOnlyList<FieldError> Errors, bool Changed, CalendarYear? Year)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>A province's hours, weekly days off and all its holiday rules (disabled ones too), as stored.</summary>
public sealed record CalendarSettingsSnapshot(
    WorkingPeriod Morning,
    WorkingPeriod Afternoon,
    WeekDays WeeklyDaysOff,
    IReadOnlyList<(HolidayRuleDefinition Rule, bool Enabled)> Rules)
{
    public bool SameAs(CalendarSettingsSnapshot other) =>
        Morning == other.Morning && Afternoon == other.Afternoon && WeeklyDaysOff == other.WeeklyDaysOff
        && Rules.OrderBy(r => r.Rule.Key, StringComparer.Ordinal).SequenceEqual(other.Rules.OrderBy(r => r.Rule.Key, StringComparer.Ordinal));

    public override string ToString() =>
        $"{Morning}, {Afternoon}, off {WeeklyDaysOff}, rules {string.Join(", ", Rules.Select(r => r.Rule.Key + (r.Enabled ? "" : " (disabled)")))}";
}

/// <summary>The outcome of replacing a province's settings: errors (nothing written), or whether anything changed.</summary>
public sealed record CalendarSettingsResult(IReadOnlyList<FieldError> Errors, bool Changed, CalendarSettingsSnapshot? Settings)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Loads a province's working calendar from its tables (cached in memory, dropped on every change made
/// here) and records the Government's decision for a year.
/// </summary>
public sealed class WorkingCalendarService(OneStopDbContext db, IMemoryCache cache, TimeProvider clock, ICalendarAudit audit)
{
    /// <summary>How long another instance may serve a calendar changed elsewhere.</summary>
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The province's calendar; throws for an unknown province code.</summary>
    public async Task<WorkingCalendar> GetAsync(string provinceCode, CancellationToken cancellationToken = default)
    {
        var province = Provinces.Find(provinceCode) ?? throw new ArgumentException($"Unknown province code '{provinceCode}'.", nameof(provinceCode));
        if (cache.TryGetValue(CacheKey(province.Code), out WorkingCalendar? cached) && cached is not null)
        {
            return cached;
        }

        var calendar = await LoadAsync(province.Code, cancellationToken);
        cache.Set(CacheKey(province.Code), calendar, CacheLifetime);
        return calendar;
    }

    /// <summary>
    /// Records the full list of days off and worked days of a year for a province, replacing what was
    /// recorded before. Validated first (nothing is written on an error); idempotent (the same list
    /// again changes nothing, not even the confirmation time); saved in one unit of work.
    /// </summary>
    public async Task<YearDecisionResult> RecordYearAsync(string provinceCode, int year, YearDecision decision, string recordedBy, CancellationToken cancellationToken = default)
    {
        var province = Provinces.Find(provinceCode) ?? throw new ArgumentException($"Unknown province code '{provinceCode}'.", nameof(provinceCode));
        var calendar = await GetAsync(province.Code, cancellationToken);
        var errors = YearDecisionValidator.Validate(year, decision, calendar.WeeklyDaysOff, out var daysOff, out var workedDays);
        if (errors.Count > 0)
        {
            return new YearDecisionResult(errors, false, null);
        }

        var wanted = daysOff.Concat(workedDays).OrderBy(d => d.Date).ToList();
        var existing = await db.CalendarYears.Include(y => y.Days)
            .SingleOrDefaultAsync(y => y.ProvinceCode == province.Code && y.Year == year, cancellationToken);
        var before = existing?.Days.Select(d => d.ToCalendarDay()).OrderBy(d => d.Date).ToList() ?? [];
        if (existing is not null && before.SequenceEqual(wanted))
        {
            return new YearDecisionResult([], false, calendar.Year(year));
        }

        var now = clock.GetUtcNow();
        var wasConfirmed = existing is not null;
        if (existing is null)
        {
            existing = new CalendarYearDecision { ProvinceCode = province.Code, Year = year };
            db.CalendarYears.Add(existing);
        }

        existing.ConfirmedAt = now;
        existing.ConfirmedBy = recordedBy;

        // Update in place by date, so that no unique (province, date) row is deleted and re-inserted.
        var byDate = existing.Days.ToDictionary(d => d.Date);
        foreach (var stale in existing.Days.Where(d => !wanted.Any(w => w.Date == d.Date)).ToList())
        {
            existing.Days.Remove(stale);
            db.CalendarDays.Remove(stale);
        }

        foreach (var day in wanted)
        {
            if (!byDate.TryGetValue(day.Date, out var row))
            {
                row = new CalendarYearDay { ProvinceCode = province.Code, Year = year, Date = day.Date };
                existing.Days.Add(row);
            }

            row.Kind = day.Kind;
            row.Reason = day.Reason;
            row.DecisionReference = day.DecisionReference;
        }

        // The change and its audit entry commit together, the audit entry last (the chain is held shortest).
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordingAsync(new CalendarYearRecorded(province.Code, year, recordedBy, now, wasConfirmed, before, wanted), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        cache.Remove(CacheKey(province.Code));

        var updated = await GetAsync(province.Code, cancellationToken);
        return new YearDecisionResult([], true, updated.Year(year));
    }

    /// <summary>The province's settings as stored, with the national defaults for a province the seeder has not reached.</summary>
    public async Task<CalendarSettingsSnapshot> GetSettingsAsync(string provinceCode, CancellationToken cancellationToken = default)
    {
        var province = Provinces.Find(provinceCode) ?? throw new ArgumentException($"Unknown province code '{provinceCode}'.", nameof(provinceCode));
        var settings = await db.ProvinceCalendars.AsNoTracking().SingleOrDefaultAsync(s => s.ProvinceCode == province.Code, cancellationToken);
        var rules = await db.HolidayRules.AsNoTracking().Where(r => r.ProvinceCode == province.Code).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return Snapshot(settings, rules);
    }

    /// <summary>
    /// Replaces a province's office hours, weekly days off and holiday rules at once. Validated first
    /// (nothing written on an error); idempotent (the same settings again change nothing); saved in one
    /// unit of work with its audit entry; the cached calendar is dropped so deadlines count on it at once.
    /// </summary>
    public Task<CalendarSettingsResult> RecordSettingsAsync(string provinceCode, CalendarSettingsInput input, string recordedBy, CancellationToken cancellationToken = default) =>
        RecordSettingsAsync(provinceCode, input, recordedBy, null, cancellationToken);

    /// <summary>
    /// As <see cref="RecordSettingsAsync(string, CalendarSettingsInput, string, CancellationToken)"/>, with the line the
    /// person sees for each rule (<c>ruleLines</c>), so that an error names that line.
    /// </summary>
    public async Task<CalendarSettingsResult> RecordSettingsAsync(string provinceCode, CalendarSettingsInput input, string recordedBy, IReadOnlyList<int>? ruleLines, CancellationToken cancellationToken = default)
    {
        var province = Provinces.Find(provinceCode) ?? throw new ArgumentException($"Unknown province code '{provinceCode}'.", nameof(provinceCode));
        var errors = CalendarSettingsValidator.Validate(input, out var values, ruleLines);
        if (errors.Count > 0)
        {
            return new CalendarSettingsResult(errors, false, null);
        }

        var settings = await db.ProvinceCalendars.SingleOrDefaultAsync(s => s.ProvinceCode == province.Code, cancellationToken);
        var rules = await db.HolidayRules.Where(r => r.ProvinceCode == province.Code).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var before = Snapshot(settings, rules);
        var after = new CalendarSettingsSnapshot(values!.Morning, values.Afternoon, values.WeeklyDaysOff, values.Rules);
        if (settings is not null && before.SameAs(after))
        {
            return new CalendarSettingsResult([], false, before);
        }

        var now = clock.GetUtcNow();
        if (settings is null)
        {
            settings = new ProvinceCalendarSettings { ProvinceCode = province.Code };
            db.ProvinceCalendars.Add(settings);
        }

        settings.MorningStart = after.Morning.Start;
        settings.MorningEnd = after.Morning.End;
        settings.AfternoonStart = after.Afternoon.Start;
        settings.AfternoonEnd = after.Afternoon.End;
        settings.WeeklyDaysOff = after.WeeklyDaysOff;
        settings.UpdatedAt = now;

        // Update in place by key, so that no unique (province, key) row is deleted and re-inserted.
        var byKey = rules.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var stale in rules.Where(r => !after.Rules.Any(w => w.Rule.Key == r.Key)))
        {
            db.HolidayRules.Remove(stale);
        }

        foreach (var (rule, enabled) in after.Rules)
        {
            if (!byKey.TryGetValue(rule.Key, out var row))
            {
                row = new HolidayRule { ProvinceCode = province.Code, Key = rule.Key };
                db.HolidayRules.Add(row);
            }

            row.Name = rule.Name;
            row.Calendar = rule.Calendar;
            row.Month = rule.Month;
            row.Day = rule.Day;
            row.FirstDayOffset = rule.FirstDayOffset;
            row.Days = rule.Days;
            row.AdjacentDay = rule.AdjacentDay;
            row.FromYear = rule.FromYear;
            row.ToYear = rule.ToYear;
            row.Basis = rule.Basis;
            row.IsEnabled = enabled;
        }

        // The change and its audit entry commit together, the audit entry last (the chain is held shortest).
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordingAsync(new CalendarSettingsRecorded(province.Code, recordedBy, now, before, after), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        cache.Remove(CacheKey(province.Code));
        return new CalendarSettingsResult([], true, await GetSettingsAsync(province.Code, cancellationToken));
    }

    /// <summary>Whether a user may record the calendar of a province: its own province administrators only.</summary>
    /// <summary>
    /// The province an officer means when the address names none: their own (a province's or a commune's
    /// officer); null for anyone else, who is shown a default or asked to choose.
    /// </summary>
    public static string? OwnProvince(ClaimsPrincipal user) => Jurisdiction.From(user).ProvinceCode;

    public static bool MayRecord(ClaimsPrincipal user, string provinceCode) =>
        user.IsInRole(Roles.ProvinceAdministrator) && Jurisdiction.From(user).Covers(provinceCode, null);

    private async Task<WorkingCalendar> LoadAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var settings = await db.ProvinceCalendars.AsNoTracking().SingleOrDefaultAsync(s => s.ProvinceCode == provinceCode, cancellationToken);
        var rules = await db.HolidayRules.AsNoTracking()
            .Where(r => r.ProvinceCode == provinceCode && r.IsEnabled)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var years = await db.CalendarYears.AsNoTracking().Include(y => y.Days)
            .Where(y => y.ProvinceCode == provinceCode)
            .ToListAsync(cancellationToken);
        var confirmed = years.Select(y => new ConfirmedYear(
            y.Year,
            [.. y.Days.Where(d => d.Kind != CalendarDayKind.WorkedDay).Select(d => d.ToCalendarDay())],
            [.. y.Days.Where(d => d.Kind == CalendarDayKind.WorkedDay).Select(d => d.ToCalendarDay())],
            y.ConfirmedAt,
            y.ConfirmedBy));

        // A province the seeder has not reached yet works on the national defaults.
        return settings is null
            ? WorkingCalendar.Default(provinceCode, confirmed)
            : new WorkingCalendar(provinceCode, settings.Periods(), settings.WeeklyDaysOff, [.. rules.Select(r => r.ToDefinition())], confirmed);
    }

    private static CalendarSettingsSnapshot Snapshot(ProvinceCalendarSettings? settings, List<HolidayRule> rules)
    {
        if (settings is null)
        {
            // Not seeded yet: what LoadAsync counts on.
            return new CalendarSettingsSnapshot(
                WorkingCalendar.DefaultPeriods[0],
                WorkingCalendar.DefaultPeriods[1],
                WorkingCalendar.DefaultWeeklyDaysOff,
                rules.Count > 0 ? [.. rules.Select(r => (r.ToDefinition(), r.IsEnabled))] : [.. DefaultHolidayRules.All.Select(r => (r, true))]);
        }

        return new CalendarSettingsSnapshot(
            new(settings.MorningStart, settings.MorningEnd),
            new(settings.AfternoonStart, settings.AfternoonEnd),
            settings.WeeklyDaysOff,
            [.. rules.Select(r => (r.ToDefinition(), r.IsEnabled))]);
    }

    private static string CacheKey(string provinceCode) => "calendar:" + provinceCode;
}
