using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Calendar.Persistence;

internal static class CalendarColumns
{
    public const int ProvinceCode = 2;
    public const int Text = 200;
    public const int Basis = 400;
}

internal sealed class ProvinceCalendarSettingsConfiguration : IEntityTypeConfiguration<ProvinceCalendarSettings>
{
    public void Configure(EntityTypeBuilder<ProvinceCalendarSettings> builder)
    {
        builder.ToTable("province_calendars");
        builder.HasKey(s => s.ProvinceCode);
        builder.Property(s => s.ProvinceCode).HasMaxLength(CalendarColumns.ProvinceCode);
        builder.Property(s => s.WeeklyDaysOff).HasConversion<int>();
    }
}

internal sealed class HolidayRuleConfiguration : IEntityTypeConfiguration<HolidayRule>
{
    public void Configure(EntityTypeBuilder<HolidayRule> builder)
    {
        builder.ToTable("holiday_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ProvinceCode).HasMaxLength(CalendarColumns.ProvinceCode);
        builder.Property(r => r.Key).HasMaxLength(40);
        builder.Property(r => r.Name).HasMaxLength(CalendarColumns.Text);
        builder.Property(r => r.Basis).HasMaxLength(CalendarColumns.Basis);
        builder.Property(r => r.Calendar).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.AdjacentDay).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(r => new { r.ProvinceCode, r.Key }).IsUnique();
    }
}

internal sealed class CalendarYearDecisionConfiguration : IEntityTypeConfiguration<CalendarYearDecision>
{
    public void Configure(EntityTypeBuilder<CalendarYearDecision> builder)
    {
        builder.ToTable("calendar_years");
        builder.HasKey(y => new { y.ProvinceCode, y.Year });
        builder.Property(y => y.ProvinceCode).HasMaxLength(CalendarColumns.ProvinceCode);
        builder.Property(y => y.ConfirmedBy).HasMaxLength(CalendarColumns.Text);
        builder.HasMany(y => y.Days)
            .WithOne()
            .HasForeignKey(d => new { d.ProvinceCode, d.Year })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarYearDayConfiguration : IEntityTypeConfiguration<CalendarYearDay>
{
    public void Configure(EntityTypeBuilder<CalendarYearDay> builder)
    {
        builder.ToTable("calendar_days");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ProvinceCode).HasMaxLength(CalendarColumns.ProvinceCode);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Reason).HasMaxLength(CalendarColumns.Text);
        builder.Property(d => d.DecisionReference).HasMaxLength(CalendarColumns.Text);
        builder.HasIndex(d => new { d.ProvinceCode, d.Date }).IsUnique();
    }
}

/// <summary>The calendar's tables on the one-stop context, without the shared context knowing about them.</summary>
public static class CalendarTables
{
    extension(OneStopDbContext db)
    {
        public DbSet<ProvinceCalendarSettings> ProvinceCalendars => db.Set<ProvinceCalendarSettings>();

        public DbSet<HolidayRule> HolidayRules => db.Set<HolidayRule>();

        public DbSet<CalendarYearDecision> CalendarYears => db.Set<CalendarYearDecision>();

        public DbSet<CalendarYearDay> CalendarDays => db.Set<CalendarYearDay>();
    }
}
