using Microsoft.EntityFrameworkCore;
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

/// <param name="Considered">Running applications read from the database as possibly wanting a notice.</param>
/// <param name="Applications">Those that got at least one notice.</param>
/// <param name="Notices">Notices written.</param>
/// <param name="Messages">E-mails queued to officers with them.</param>
/// <param name="Raced">Applications whose notices another run wrote first.</param>
public sealed record ReminderPass(int Considered, int Applications, int Notices, int Messages, int Raced);

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
    public async Task<ReminderPass> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var provinces = await db.Applications.AsNoTracking()
            .Where(a => a.CompletedAt == null && a.ClockStoppedSince == null && a.DueAt != null)
            .Select(a => a.ProvinceCode)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (provinces.Count == 0)
        {
            return new ReminderPass(0, 0, 0, 0, 0);
        }

        var horizons = new Dictionary<string, (DateTimeOffset Step, DateTimeOffset Due)>();
        foreach (var province in provinces)
        {
            horizons[province] = (
                await deadlines.DueAsync(province, now, TimeLimit.WorkingHours(options.StepWarningWorkingHours), null, cancellationToken) ?? now,
                await deadlines.DueAsync(province, now, TimeLimit.WorkingDays(options.DueWarningWorkingDays), null, cancellationToken) ?? now);
        }

        // Only the applications that may still want a notice leave the database: every running application is
        // looked at every few minutes, and a province keeps thousands of them open, most far from their due moment
        // or long since told. The furthest province's horizon keeps this a superset of what Wanted decides. Three
        // range queries rather than one with ORs: PostgreSQL plans the OR as a scan of every open application,
        // costly enough to be JIT-compiled on each run (0.7 s of 0.8 at 50,000 open applications).
        var stepReach = horizons.Values.Max(h => h.Step);
        var dueReach = horizons.Values.Max(h => h.Due);
        var notices = db.OverdueNotices.AsNoTracking();
        var open = db.Applications.AsNoTracking()
            .Where(a => a.CompletedAt == null && a.ClockStoppedSince == null && a.DueAt != null);
        var overdue = open.Where(a => a.DueAt < now
            && !(notices.Any(n => n.ApplicationId == a.Id && n.Kind == NoticeKinds.Overdue && n.DueMoment == a.DueAt)
                && notices.Any(n => n.ApplicationId == a.Id && n.Kind == NoticeKinds.Escalated && n.DueMoment == a.DueAt)));
        var dueSoon = open.Where(a => a.DueAt >= now && a.DueAt <= dueReach
            && !notices.Any(n => n.ApplicationId == a.Id && n.Kind == NoticeKinds.DueWarning && n.DueMoment == a.DueAt));
        var stepSoon = open.Where(a => a.StepDueAt != null && a.StepDueAt >= now && a.StepDueAt <= stepReach
            && !notices.Any(n => n.ApplicationId == a.Id && n.Kind == NoticeKinds.StepWarning && n.DueMoment == a.StepDueAt));
        var running = new List<RunningApplication>();
        foreach (var candidates in new[] { overdue, dueSoon, stepSoon })
        {
            running.AddRange(await candidates
                .Select(a => new RunningApplication(a.Id, a.Code, a.ProcedureName, a.ApplicantName, a.ProvinceCode, a.UnitCode, a.AssignedOfficerId, a.DueAt!.Value, a.StepDueAt))
                .ToListAsync(cancellationToken));
        }

        running = [.. running.DistinctBy(a => a.Id).OrderBy(a => a.DueAt)];
        if (running.Count == 0)
        {
            return new ReminderPass(0, 0, 0, 0, 0);
        }

        var ids = running.Select(a => a.Id).ToList();
        var given = (await notices
                .Where(n => ids.Contains(n.ApplicationId))
                .Select(n => new { n.ApplicationId, n.Kind, n.DueMoment })
                .ToListAsync(cancellationToken))
            .Select(n => (n.ApplicationId, n.Kind, n.DueMoment.UtcTicks))
            .ToHashSet();

        int written = 0, messages = 0, raced = 0, touched = 0;
        foreach (var application in running)
        {
            // A province whose first application arrived after the horizons were computed waits for the next run.
            if (!horizons.TryGetValue(application.ProvinceCode, out var horizon))
            {
                continue;
            }

            var wanted = Wanted(application, now, horizon)
                .Where(w => !given.Contains((application.Id, w.Kind, w.Due.UtcTicks)))
                .ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            touched++;
            var sent = await GiveAsync(application, wanted, now, cancellationToken);
            if (sent is null)
            {
                raced++;
                continue;
            }

            written += wanted.Count;
            messages += sent.Value;
        }

        return new ReminderPass(running.Count, touched, written, messages, raced);
    }

    /// <summary>What the notices of one running application are written from.</summary>
    private sealed record RunningApplication(
        Guid Id,
        string Code,
        string ProcedureName,
        string ApplicantName,
        string ProvinceCode,
        string UnitCode,
        string? AssignedOfficerId,
        DateTimeOffset DueAt,
        DateTimeOffset? StepDueAt);

    private static IEnumerable<(string Kind, DateTimeOffset Due)> Wanted(RunningApplication application, DateTimeOffset now, (DateTimeOffset Step, DateTimeOffset Due) horizon)
    {
        var due = application.DueAt;
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
    private async Task<int?> GiveAsync(RunningApplication application, List<(string Kind, DateTimeOffset Due)> wanted, DateTimeOffset now, CancellationToken cancellationToken)
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
                            ["dueAt"] = application.DueAt.ToString("O"),
                            ["leaders"] = string.Join(", ", leaders.Select(l => l.FullName)),
                        },
                    },
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return messageCount;
        }
        catch (DbUpdateException refused) when (DatabaseErrors.IsUniqueViolation(refused))
        {
            // Another instance (or an overlapping run) gave these notices first; its messages stand, ours go.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            LogRaced(application.Code);
            return null;
        }
    }

    private static (string Subject, string Text) Wording(RunningApplication application, string kind, DateTimeOffset due)
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
