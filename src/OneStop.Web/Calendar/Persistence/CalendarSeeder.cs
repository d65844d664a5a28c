using Microsoft.EntityFrameworkCore;
using OneStop.Web.Calendar.WorkingDays;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Calendar.Persistence;

/// <summary>
/// Gives every province the national defaults: office hours, Saturday and Sunday off, the Labour Code
/// holidays. Adds only what is missing, so an administrator's changes survive every restart, and a
/// holiday added to the defaults later reaches every province (disable it rather than delete it).
/// </summary>
internal sealed class CalendarSeeder(TimeProvider clock) : IDataSeeder
{
    public int Order => 20;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OneStopDbContext>();
        var settled = await db.ProvinceCalendars.Select(s => s.ProvinceCode).ToListAsync(cancellationToken);
        var rules = await db.HolidayRules.Select(r => new { r.ProvinceCode, r.Key }).ToListAsync(cancellationToken);
        var existingRules = rules.Select(r => (r.ProvinceCode, r.Key)).ToHashSet();
        var now = clock.GetUtcNow();

        foreach (var province in Provinces.All)
        {
            if (!settled.Contains(province.Code))
            {
                var periods = WorkingCalendar.DefaultPeriods;
                db.ProvinceCalendars.Add(new ProvinceCalendarSettings
                {
                    ProvinceCode = province.Code,
                    MorningStart = periods[0].Start,
                    MorningEnd = periods[0].End,
                    AfternoonStart = periods[1].Start,
                    AfternoonEnd = periods[1].End,
                    WeeklyDaysOff = WorkingCalendar.DefaultWeeklyDaysOff,
                    UpdatedAt = now,
                });
            }

            foreach (var rule in DefaultHolidayRules.All.Where(r => !existingRules.Contains((province.Code, r.Key))))
            {
                db.HolidayRules.Add(HolidayRule.From(province.Code, rule));
            }
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
