using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Applications.Tracking;
using OneStop.Web.Documents;
using OneStop.Web.Documents.Templates;
using OneStop.Web.Notifications;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Overdue;

/// <summary>What an officer asks for: the reason for the delay and the new appointment.</summary>
public sealed record ApologyRequest(string? Reason, DateTimeOffset? NewAppointmentAt, string RequestKey);

/// <summary>A refused field, in Vietnamese for the page and English for the API.</summary>
public sealed record ApologyError(string Field, string Vi, string En);

public enum ApologyOutcome
{
    Issued,

    /// <summary>The same request key issued a letter before; it is returned and nothing changes.</summary>
    Repeated,
    NotFound,

    /// <summary>The officer is not a receptionist or leader of the application's unit.</summary>
    Forbidden,
    NotOverdue,
    Invalid,

    /// <summary>The application changed meanwhile; try again.</summary>
    Conflict,
}

public sealed record ApologyResult(ApologyOutcome Outcome, ApologyLetter? Letter = null, IReadOnlyList<ApologyError>? Errors = null);

/// <summary>An overdue application as the officers' list shows it.</summary>
public sealed record OverdueApplication(
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string ApplicantName,
    string UnitCode,
    string State,
    DateTimeOffset DueAt,
    DateTimeOffset? AppointmentAt,
    string? AssignedOfficerName,
    int Apologies);

/// <summary>
/// The apology and new appointment for an overdue application (phiếu xin lỗi và hẹn lại ngày trả kết
/// quả): only for an application past its legal due moment, only by a receptionist or leader of its
/// unit, with an appointment later than now and than the one it replaces. It is one step of the
/// application's journal (<c>apologise</c>, same state) that moves the appointment, writes the letter
/// and the message to the applicant in one transaction.
/// </summary>
public sealed class ApologyService(
    OneStopDbContext db,
    ApplicationJournal journal,
    IAdministrativeUnitDirectory units,
    UnitNames unitNames,
    IDocumentRenderer renderer,
    TrackingLink tracking,
    TimeProvider clock)
{
    public const int ReasonMaxLength = 1000;

    public static bool MayIssue(ClaimsPrincipal user) => user.IsInRole(Roles.Receptionist) || user.IsInRole(Roles.UnitLeader);

    /// <summary>Overdue, not completed applications in the jurisdiction, the longest overdue first.</summary>
    public async Task<IReadOnlyList<OverdueApplication>> ListAsync(Jurisdiction jurisdiction, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Applications.AsNoTracking()
            .WithinJurisdiction(jurisdiction)
            .Where(a => a.CompletedAt == null && a.DueAt != null && a.DueAt < now)
            .OrderBy(a => a.DueAt)
            .Take(500)
            .Select(a => new { a.Id, a.Code, a.ProcedureCode, a.ProcedureName, a.ApplicantName, a.UnitCode, a.State, a.DueAt, a.AppointmentAt, a.AssignedOfficerName })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var apologies = await db.ApologyLetters.AsNoTracking()
            .Where(l => ids.Contains(l.ApplicationId))
            .GroupBy(l => l.ApplicationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return rows.Select(r => new OverdueApplication(
            r.Code, r.ProcedureCode, r.ProcedureName, r.ApplicantName, r.UnitCode, r.State, r.DueAt!.Value, r.AppointmentAt, r.AssignedOfficerName,
            apologies.GetValueOrDefault(r.Id))).ToList();
    }

    public Task<Application?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        db.Applications.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);

    public static bool IsOverdue(Application application, DateTimeOffset now) =>
        application.CompletedAt is null && application.DueAt is { } due && due < now;

    /// <summary>Whether the signed-in officer belongs to the application's own unit in a role that may apologise.</summary>
    public static bool IsOfficerOfUnit(ClaimsPrincipal user, Application application) =>
        MayIssue(user)
        && user.FindFirst(OneStopClaimTypes.ProvinceCode)?.Value == application.ProvinceCode
        && user.FindFirst(OneStopClaimTypes.UnitCode)?.Value == application.UnitCode;

    public async Task<ApologyResult> IssueAsync(string code, ApologyRequest request, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var application = await FindAsync(code, cancellationToken);
        if (application is null)
        {
            return new ApologyResult(ApologyOutcome.NotFound);
        }

        if (!IsOfficerOfUnit(user, application))
        {
            return new ApologyResult(ApologyOutcome.Forbidden);
        }

        var key = "apology:" + request.RequestKey;
        var earlier = await db.ApologyLetters.AsNoTracking().SingleOrDefaultAsync(l => l.ApplicationId == application.Id && l.RequestKey == key, cancellationToken);
        if (earlier is not null)
        {
            return new ApologyResult(ApologyOutcome.Repeated, earlier);
        }

        var now = clock.GetUtcNow();
        if (!IsOverdue(application, now))
        {
            return new ApologyResult(ApologyOutcome.NotOverdue);
        }

        var previous = application.AppointmentAt ?? application.DueAt!.Value;
        var errors = Validate(request, now, previous);
        if (errors.Count > 0)
        {
            return new ApologyResult(ApologyOutcome.Invalid, Errors: errors);
        }

        var number = await db.ApologyLetters.CountAsync(l => l.ApplicationId == application.Id, cancellationToken) + 1;
        var role = user.IsInRole(Roles.UnitLeader) ? Roles.UnitLeader : Roles.Receptionist;
        var actor = StepActor.Officer(user, role);
        var newAppointment = request.NewAppointmentAt!.Value.ToUniversalTime();
        var reason = request.Reason!.Trim();
        var letter = new ApologyLetter
        {
            ApplicationId = application.Id,
            ApplicationCode = application.Code,
            ProvinceCode = application.ProvinceCode,
            UnitCode = application.UnitCode,
            Number = number,
            Reason = reason,
            PreviousAppointmentAt = previous,
            NewAppointmentAt = newAppointment,
            IssuedAt = now,
            IssuedById = actor.OfficerId ?? actor.Id,
            IssuedByName = actor.Name ?? "",
            IssuedByRole = role,
            RequestKey = key,
        };

        var step = new ApplicationStep("apologise", application.State, actor)
        {
            RequestKey = key,
            Note = reason,
            Messages = MessagesTo(application, letter, now),
            Changes = a =>
            {
                a.AppointmentAt = newAppointment;
                db.Add(letter);
            },
        };
        return await journal.RecordAsync(application, step, cancellationToken) switch
        {
            StepOutcome.Done => new ApologyResult(ApologyOutcome.Issued, letter),
            StepOutcome.AlreadyDone => new ApologyResult(ApologyOutcome.Repeated,
                await db.ApologyLetters.AsNoTracking().SingleOrDefaultAsync(l => l.ApplicationId == application.Id && l.RequestKey == key, cancellationToken)),
            _ => new ApologyResult(ApologyOutcome.Conflict),
        };
    }

    private static List<ApologyError> Validate(ApologyRequest request, DateTimeOffset now, DateTimeOffset previous)
    {
        var errors = new List<ApologyError>();
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add(new("reason", "Nhập lý do chậm trễ.", "Give the reason for the delay."));
        }
        else if (request.Reason.Trim().Length > ReasonMaxLength)
        {
            errors.Add(new("reason", $"Lý do dài tối đa {ReasonMaxLength} ký tự.", $"The reason may be at most {ReasonMaxLength} characters long."));
        }

        if (request.NewAppointmentAt is not { } at)
        {
            errors.Add(new("newAppointmentAt", "Nhập ngày giờ hẹn trả kết quả mới.", "Give the new appointment (newAppointmentAt), an ISO 8601 date and time."));
        }
        else if (at <= now)
        {
            errors.Add(new("newAppointmentAt", "Ngày hẹn mới phải sau thời điểm hiện tại.", "The new appointment must be later than now."));
        }
        else if (at <= previous)
        {
            errors.Add(new("newAppointmentAt",
                $"Ngày hẹn mới phải sau ngày hẹn cũ ({VietnameseFormat.Moment(previous)}).",
                $"The new appointment must be later than the previous one ({previous:O})."));
        }

        return errors;
    }

    private List<NotificationMessage> MessagesTo(Application application, ApologyLetter letter, DateTimeOffset now)
    {
        var subject = $"Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {application.Code}";
        var body = $"Kính gửi {application.ApplicantName},\n\nHồ sơ {application.Code} ({application.ProcedureName}) của Ông/Bà chưa giải quyết xong " +
            $"đúng hẹn. Lý do: {letter.Reason}\nChúng tôi thành thật xin lỗi và xin hẹn lại thời gian trả kết quả: {VietnameseFormat.Moment(letter.NewAppointmentAt)}." +
            $"\n\nTheo dõi hồ sơ tại: {tracking.OwnPageUrl(application.Code)} (cần đăng nhập).";
        var messages = new List<NotificationMessage>();
        if (!string.IsNullOrWhiteSpace(application.ApplicantEmail))
        {
            messages.Add(new NotificationMessage
            {
                Channel = NotificationChannel.Email,
                Recipient = application.ApplicantEmail,
                Subject = subject,
                Body = body,
                Reference = application.Code,
                Kind = "applications.overdue-apology",
                CreatedAt = now,
            });
        }

        if (!string.IsNullOrWhiteSpace(application.ApplicantPhone))
        {
            messages.Add(new NotificationMessage
            {
                Channel = NotificationChannel.Sms,
                Recipient = application.ApplicantPhone,
                Subject = subject,
                Body = $"Ho so {application.Code} cham tra ket qua, xin loi Ong/Ba. Hen lai: {VietnameseFormat.Moment(letter.NewAppointmentAt)}.",
                Reference = application.Code,
                Kind = "applications.overdue-apology",
                CreatedAt = now,
            });
        }

        return messages;
    }

    /// <summary>The letter as PDF (form "phiếu xin lỗi và hẹn lại ngày trả kết quả").</summary>
    public byte[] Render(ApologyLetter letter, Application application)
    {
        var day = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(letter.IssuedAt).DateTime);
        var place = (units.Find(application.UnitCode, day) ?? units.Find(application.ProvinceCode, day))?.Name ?? application.ProvinceCode;
        var issuer = new Issuer(unitNames.Letterhead(application.UnitCode, competentUnitType: null), place);
        var position = letter.IssuedByRole == Roles.UnitLeader ? "THỦ TRƯỞNG ĐƠN VỊ" : "CÔNG CHỨC TIẾP NHẬN";
        return renderer.Render(DocumentTemplates.Apology(new ApologyData(
            issuer,
            $"{letter.Number}/PXL",
            day,
            application.ApplicantName,
            application.Code,
            application.ProcedureName,
            application.ReceivedAt ?? application.SubmittedAt,
            letter.PreviousAppointmentAt,
            letter.Reason,
            letter.NewAppointmentAt,
            new Signatory(position, letter.IssuedByName))));
    }
}
