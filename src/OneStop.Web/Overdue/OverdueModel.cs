using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Overdue;

/// <summary>The kinds of notice the reminder job gives about an application.</summary>
public static class NoticeKinds
{
    /// <summary>The current step falls due within the configured lead (working hours).</summary>
    public const string StepWarning = "step-warning";

    /// <summary>The whole application falls due within the configured lead (working days).</summary>
    public const string DueWarning = "due-warning";

    /// <summary>The legal due moment has passed.</summary>
    public const string Overdue = "overdue";

    /// <summary>The unit's leader has been told of the overdue application.</summary>
    public const string Escalated = "escalated";
}

/// <summary>
/// One notice given about an application's deadline: at most one per application, kind and due
/// moment, which the database guarantees, so that a re-run or a second instance never repeats it.
/// A new due moment (after a stop of the clock) is a new notice. The workspace lists the notices of
/// its unit, including those that reached no one by e-mail.
/// </summary>
public sealed class OverdueNotice : IUnitScoped
{
    public long Id { get; init; }

    public required Guid ApplicationId { get; init; }

    public required string ApplicationCode { get; init; }

    public required string ProvinceCode { get; init; }

    public required string UnitCode { get; init; }

    public required string Kind { get; init; }

    /// <summary>The step's or the application's due moment the notice is about.</summary>
    public required DateTimeOffset DueMoment { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who was told (names), or null when no officer address was known and the notice waits in the workspace.</summary>
    public string? NotifiedOfficers { get; init; }

    /// <summary>How many outbox messages were written with it.</summary>
    public int Messages { get; init; }

    /// <summary>The notice in Vietnamese, as the workspace shows it.</summary>
    public required string Text { get; init; }
}

/// <summary>
/// The execution log of the reminder job: one row when a run starts and one when it ends, numbered by
/// the database, so that operators see when it last ran and where, and overlapping runs would show.
/// </summary>
public sealed class OverdueReminderRun
{
    public long Id { get; init; }

    public required Guid RunId { get; init; }

    /// <summary>The scheduler instance that ran it.</summary>
    public required string InstanceId { get; init; }

    /// <summary><c>start</c> or <c>finish</c>.</summary>
    public required string Event { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Notices written by the run (on the finish row).</summary>
    public int Notices { get; init; }
}

/// <summary>
/// A letter of apology with a new appointment (phiếu xin lỗi và hẹn lại ngày trả kết quả), numbered 1, 2…
/// per application. The PDF is rendered from it whenever asked.
/// </summary>
public sealed class ApologyLetter : IUnitScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid ApplicationId { get; init; }

    public required string ApplicationCode { get; init; }

    public required string ProvinceCode { get; init; }

    public required string UnitCode { get; init; }

    public required int Number { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset PreviousAppointmentAt { get; init; }

    public required DateTimeOffset NewAppointmentAt { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required string IssuedById { get; init; }

    public required string IssuedByName { get; init; }

    public required string IssuedByRole { get; init; }

    public required string RequestKey { get; init; }
}

internal sealed class OverdueNoticeConfiguration : IEntityTypeConfiguration<OverdueNotice>
{
    public void Configure(EntityTypeBuilder<OverdueNotice> builder)
    {
        builder.ToTable("overdue_notices");
        builder.HasKey(n => n.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // The last line of defence against a repeated notice, besides the scheduler's one-run-at-a-time.
        builder.HasIndex(n => new { n.ApplicationId, n.Kind, n.DueMoment }).IsUnique();
        builder.HasIndex(n => new { n.ProvinceCode, n.UnitCode, n.CreatedAt });
        builder.Property(n => n.ApplicationCode).HasMaxLength(40);
        builder.Property(n => n.ProvinceCode).HasMaxLength(2);
        builder.Property(n => n.UnitCode).HasMaxLength(13);
        builder.Property(n => n.Kind).HasMaxLength(20);
        builder.Property(n => n.NotifiedOfficers).HasMaxLength(1000);
        builder.Property(n => n.Text).HasMaxLength(1000);
    }
}

internal sealed class OverdueReminderRunConfiguration : IEntityTypeConfiguration<OverdueReminderRun>
{
    public void Configure(EntityTypeBuilder<OverdueReminderRun> builder)
    {
        builder.ToTable("overdue_reminder_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.InstanceId).HasMaxLength(200);
        builder.Property(r => r.Event).HasMaxLength(10);
        builder.HasIndex(r => r.RunId);
    }
}

internal sealed class ApologyLetterConfiguration : IEntityTypeConfiguration<ApologyLetter>
{
    public void Configure(EntityTypeBuilder<ApologyLetter> builder)
    {
        builder.ToTable("apology_letters");
        builder.HasKey(l => l.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ApplicationId, l.Number }).IsUnique();
        builder.HasIndex(l => new { l.ApplicationId, l.RequestKey }).IsUnique();
        builder.Property(l => l.ApplicationCode).HasMaxLength(40);
        builder.Property(l => l.ProvinceCode).HasMaxLength(2);
        builder.Property(l => l.UnitCode).HasMaxLength(13);
        builder.Property(l => l.Reason).HasMaxLength(1000);
        builder.Property(l => l.IssuedById).HasMaxLength(80);
        builder.Property(l => l.IssuedByName).HasMaxLength(200);
        builder.Property(l => l.IssuedByRole).HasMaxLength(40);
        builder.Property(l => l.RequestKey).HasMaxLength(100);
    }
}

public static class OverdueTables
{
    extension(OneStopDbContext db)
    {
        public DbSet<OverdueNotice> OverdueNotices => db.Set<OverdueNotice>();

        public DbSet<OverdueReminderRun> OverdueReminderRuns => db.Set<OverdueReminderRun>();

        public DbSet<ApologyLetter> ApologyLetters => db.Set<ApologyLetter>();
    }
}
