using Microsoft.EntityFrameworkCore;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Audit;
using OneStop.Web.Calendar;
using OneStop.Web.Calendar.Deadlines;
using OneStop.Web.Notifications;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Overdue;

/// <summary>The <c>Overdue</c> section of the configuration.</summary>
public sealed class OverdueOptions
{
    /// <summary>How often the reminder job looks at the running applications.</summary>
    public int ReminderIntervalSeconds { get; set; } = 300;

    /// <summary>Warn this many working hours before a step falls due.</summary>
    public decimal StepWarningWorkingHours { get; set; } = 2;

    /// <summary>Warn this many working days before an application falls due.</summary>
    public decimal DueWarningWorkingDays { get; set; } = 1;
}

public sealed record ReminderPass(int Applications, int Notices, int Messages, int Raced);

/// <summary>
/// Looks at every running application (not completed, clock running) and gives each deadline notice
/// once: a warning before the current step falls due, a warning before the application falls due,
/// and, once it is overdue, the overdue notice to its officer and the escalation to the unit's
/// leaders. Each application's notices and messages are written in one transaction; the unique index
/// on (application, kind, due moment) makes a repeat by a re-run or another instance a no-op.
/// </summary>
public sealed partial class OverdueReminders(
    OneStopDbContext db,
    DeadlineService deadlines,
    IOfficerDirectory officers,
    IAuditTrail audit,
    OverdueOptions options,
    TimeProvider clock,
    ILogger<OverdueReminders> logger)
{
    /// <summary>No lead configured can reach further than this in calendar time, Tết included.</summary>
    private static readonly TimeSpan LongestLead = TimeSpan.FromDays(45);

    public async Task<ReminderPass> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var reach = now + LongestLead;
        var running = await db.Applications.AsNoTracking()
            .Where(a => a.CompletedAt == null && a.ClockStoppedSince == null && a.DueAt != null)
            .Where(a => a.DueAt <= reach || (a.StepDueAt != null && a.StepDueAt <= reach))
            .OrderBy(a => a.DueAt)
            .ToListAsync(cancellationToken);
        if (running.Count == 0)
        {
            return new ReminderPass(0, 0, 0, 0);
        }

        var ids = running.Select(a => a.Id).ToList();
        var given = (await db.OverdueNotices.AsNoTracking()
                .Where(n => ids.Contains(n.ApplicationId))
                .Select(n => new { n.ApplicationId, n.Kind, n.DueMoment })
                .ToListAsync(cancellationToken))
            .Select(n => (n.ApplicationId, n.Kind, n.DueMoment.UtcTicks))
            .ToHashSet();

        var horizons = new Dictionary<string, (DateTimeOffset Step, DateTimeOffset Due)>();
        int notices = 0, messages = 0, raced = 0, touched = 0;
        foreach (var application in running)
        {
            if (!horizons.TryGetValue(application.ProvinceCode, out var horizon))
            {
                horizon = (
                    await deadlines.DueAsync(application.ProvinceCode, now, TimeLimit.WorkingHours(options.StepWarningWorkingHours), null, cancellationToken) ?? now,
                    await deadlines.DueAsync(application.ProvinceCode, now, TimeLimit.WorkingDays(options.DueWarningWorkingDays), null, cancellationToken) ?? now);
                horizons[application.ProvinceCode] = horizon;
            }

            var wanted = Wanted(application, now, horizon)
                .Where(w => !given.Contains((application.Id, w.Kind, w.Due.UtcTicks)))
                .ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            touched++;
            var written = await GiveAsync(application, wanted, now, cancellationToken);
            if (written is null)
            {
                raced++;
                continue;
            }

            notices += wanted.Count;
            messages += written.Value;
        }

        return new ReminderPass(touched, notices, messages, raced);
    }

    private static IEnumerable<(string Kind, DateTimeOffset Due)> Wanted(Application application, DateTimeOffset now, (DateTimeOffset Step, DateTimeOffset Due) horizon)
    {
        var due = application.DueAt!.Value;
        if (due < now)
        {
            yield return (NoticeKinds.Overdue, due);
            yield return (NoticeKinds.Escalated, due);
        }
        else if (due <= horizon.Due)
        {
            yield return (NoticeKinds.DueWarning, due);
        }

        if (application.StepDueAt is { } stepDue && stepDue >= now && stepDue <= horizon.Step && stepDue < due)
        {
            yield return (NoticeKinds.StepWarning, stepDue);
        }
    }

    /// <summary>Writes the notices and messages of one application in one transaction; null when another run wrote them first.</summary>
    private async Task<int?> GiveAsync(Application application, List<(string Kind, DateTimeOffset Due)> wanted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assigned = application.AssignedOfficerId is { Length: > 0 } officerId
            ? await officers.FindAsync(officerId.StartsWith("officer:", StringComparison.Ordinal) ? officerId["officer:".Length..] : officerId, cancellationToken)
            : null;
        var leaders = wanted.Any(w => w.Kind == NoticeKinds.Escalated)
            ? await officers.InUnitAsync(application.ProvinceCode, application.UnitCode, Roles.UnitLeader, cancellationToken)
            : [];

        var messageCount = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var (kind, due) in wanted)
            {
                var (subject, text) = Wording(application, kind, due);
                IReadOnlyList<OfficerContact> recipients = kind == NoticeKinds.Escalated ? leaders : assigned is null ? [] : [assigned];
                var addressed = recipients.Where(r => !string.IsNullOrWhiteSpace(r.Email)).ToList();
                foreach (var officer in addressed)
                {
                    db.Add(new NotificationMessage
                    {
                        Channel = NotificationChannel.Email,
                        Recipient = officer.Email!,
                        Subject = subject,
                        Body = $"Kính gửi {officer.FullName},\n\n{text}",
                        Reference = application.Code,
                        Kind = "overdue." + kind,
                        CreatedAt = now,
                        NextAttemptAt = now,
                    });
                }

                messageCount += addressed.Count;
                db.Add(new OverdueNotice
                {
                    ApplicationId = application.Id,
                    ApplicationCode = application.Code,
                    ProvinceCode = application.ProvinceCode,
                    UnitCode = application.UnitCode,
                    Kind = kind,
                    DueMoment = due,
                    CreatedAt = now,
                    NotifiedOfficers = addressed.Count == 0 ? null : string.Join(", ", addressed.Select(o => o.FullName)),
                    Messages = addressed.Count,
                    Text = text,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            if (wanted.Any(w => w.Kind is NoticeKinds.Overdue or NoticeKinds.Escalated))
            {
                await audit.AppendAsync(
                    new AuditEvent("overdue.escalated")
                    {
                        Subject = application.Code,
                        ProvinceCode = application.ProvinceCode,
                        UnitCode = application.UnitCode,
                        Actor = AuditActor.System,
                        Details = new Dictionary<string, string?>
                        {
                            ["dueAt"] = application.DueAt?.ToString("O"),
                            ["leaders"] = string.Join(", ", leaders.Select(l => l.FullName)),
                        },
                    },
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return messageCount;
        }
        catch (DbUpdateException)
        {
            // Another instance (or an overlapping run) gave these notices first; its messages stand, ours go.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            LogRaced(application.Code);
            return null;
        }
    }

    private static (string Subject, string Text) Wording(Application application, string kind, DateTimeOffset due)
    {
        var what = $"Hồ sơ {application.Code} ({application.ProcedureName}) của {application.ApplicantName}";
        return kind switch
        {
            NoticeKinds.StepWarning => (
                $"Sắp đến hạn bước xử lý hồ sơ {application.Code}",
                $"{what} cần hoàn thành bước đang xử lý trước {VietnameseFormat.Moment(due)}."),
            NoticeKinds.DueWarning => (
                $"Hồ sơ {application.Code} sắp đến hạn trả kết quả",
                $"{what} đến hạn trả kết quả lúc {VietnameseFormat.Moment(due)}."),
            NoticeKinds.Overdue => (
                $"Hồ sơ {application.Code} đã quá hạn",
                $"{what} đã quá hạn giải quyết từ {VietnameseFormat.Moment(due)}. Cần lập phiếu xin lỗi và hẹn lại ngày trả kết quả."),
            _ => (
                $"Báo cáo hồ sơ quá hạn {application.Code}",
                $"{what} đã quá hạn giải quyết từ {VietnameseFormat.Moment(due)} và được báo cáo lãnh đạo đơn vị."),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline notices for {Code} were given by another run meanwhile")]
    private partial void LogRaced(string code);
}
