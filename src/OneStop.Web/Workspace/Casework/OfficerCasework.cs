using Microsoft.EntityFrameworkCore;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Applications.Tracking;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Notifications;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;
using OneStop.Web.Signing.Issued;
using OneStop.Web.Signing.Verification;

namespace OneStop.Web.Workspace.Casework;

/// <summary>An application as the workspace opens it, with what the signed-in officer may do to it.</summary>
public sealed record CaseFile(
    Application Application,
    PublishedProcedure Procedure,
    string StateName,
    DueDescription Due,
    IReadOnlyList<Answer> Answers,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<ApplicationEvent> History,
    IReadOnlyList<WorkflowAction> Actions,
    bool MayAssign,
    IReadOnlyList<UnitOfficer> Specialists,
    IReadOnlyList<ResultInfo> Results)
{
    public WorkflowDefinition Workflow => Procedure.Definition.Workflow;

    /// <summary>The name of a document of the file, as the procedure version the application was submitted under calls it.</summary>
    public LocalizedText? DocumentName(string documentKey) =>
        Procedure.Definition.Documents.FirstOrDefault(d => d.Key == documentKey)?.Name;
}

/// <summary>One answer of the form, labelled as the procedure version the application was submitted under.</summary>
public sealed record Answer(string Key, LocalizedText Label, string Value);

public sealed record AttachmentInfo(Guid Id, string DocumentKey, string FileName, string ContentType, long Size, DateTimeOffset AddedAt);

/// <summary>A signed result with its signature's status now.</summary>
public sealed record ResultInfo(IssuedResult Result, VerificationOutcome Outcome, string? SignedBy, DateTimeOffset? SignedAt);

public enum CaseAccess
{
    Allowed,
    NotFound,
    OutsideJurisdiction,
}

public enum ActOutcome
{
    Done,

    /// <summary>The same request key was recorded before: nothing changed.</summary>
    AlreadyDone,
    NotFound,
    OutsideJurisdiction,
    UnknownAction,

    /// <summary>None of the officer's roles may take this action.</summary>
    RoleMayNotAct,

    /// <summary>The workflow does not allow this action from the application's current state.</summary>
    NotFromState,
    Invalid,

    /// <summary>Someone changed the application since the officer loaded it.</summary>
    Conflict,
    SigningFailed,
}

/// <summary>An officer's decision on an application, as sent by the page's form or the API.</summary>
public sealed record ActRequest(string Code, string Action, string? Note, string? AssignTo, string RequestKey, int? ExpectedRevision = null);

/// <summary>
/// What came of a decision. <see cref="Field"/> is the request field a refusal is about, by its API name; <see cref="Message"/>
/// is written for the officer, who reads it beside that field's labelled box, so it does not repeat the API name (the API adds it)
/// and names actions and steps as the workflow does. <see cref="ApiMessage"/>, when given, is what an API client reads instead:
/// it names the actions and states by the keys the client sends and reads.
/// </summary>
public sealed record ActResult(
    ActOutcome Outcome, Application? Application = null, string? Field = null, LocalizedText? Message = null, IssuedResult? IssuedResult = null, string? ApiMessage = null)
{
    public bool Succeeded => Outcome is ActOutcome.Done or ActOutcome.AlreadyDone;
}

/// <summary>
/// The officer's work on one application: opening it (within the officer's jurisdiction only) and
/// taking the actions its procedure's workflow allows the officer's roles from its current state.
/// Every change is one step through <see cref="ApplicationJournal"/>; this class only decides.
/// </summary>
public sealed class OfficerCasework(
    OneStopDbContext db,
    IProcedureCatalog catalog,
    ApplicationJournal journal,
    ICurrentOfficer officer,
    UnitOfficers unitOfficers,
    DueDescriptions dues,
    ResultIssuing issuing,
    IResultDocuments results,
    AnswerDisplay answers,
    TrackingLink tracking,
    TimeProvider clock)
{
    /// <summary>The system step that hands an application to a specialist; it keeps the state.</summary>
    public const string AssignAction = "assign";

    /// <summary>Actions whose reason the applicant must be told.</summary>
    public static readonly IReadOnlySet<string> NeedsNote = new HashSet<string> { "refuse", "request-supplement", "send-back" };

    /// <summary>The roles that act on applications (the administrators only look).</summary>
    public static readonly IReadOnlyList<string> ActingRoles = [Roles.Receptionist, Roles.Specialist, Roles.UnitLeader];

    /// <summary>The longest note an officer may write (what the journal stores); the form limits its box to it.</summary>
    public const int NoteMaxLength = ApplicationColumns.Note;

    /// <summary>The workflow actions that may also name an assignee; the page offers the choice with them only.</summary>
    public static readonly IReadOnlySet<string> AssigningActions = new HashSet<string> { "receive", "send-back" };

    private static readonly IReadOnlyList<string> AssigningRoles = [Roles.Receptionist, Roles.UnitLeader];

    public async Task<(CaseAccess Access, Application? Application)> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (application is null)
        {
            return (CaseAccess.NotFound, null);
        }

        return officer.Jurisdiction.CoversUnit(application.ProvinceCode, application.UnitCode)
            ? (CaseAccess.Allowed, application)
            : (CaseAccess.OutsideJurisdiction, null);
    }

    public async Task<(CaseAccess Access, CaseFile? File)> OpenAsync(string code, CancellationToken cancellationToken = default)
    {
        var (access, application) = await FindAsync(code, cancellationToken);
        if (application is null)
        {
            return (access, null);
        }

        var procedure = await VersionOfAsync(application, cancellationToken);
        var workflow = procedure.Definition.Workflow;
        var attachments = await db.Set<ApplicationAttachment>().AsNoTracking()
            .Where(a => a.ApplicationId == application.Id)
            .Select(a => new AttachmentInfo(a.Id, a.DocumentKey, a.FileName, a.ContentType, a.Size, a.AddedAt))
            .ToListAsync(cancellationToken);
        var history = await db.ApplicationEvents.AsNoTracking()
            .Where(e => e.ApplicationId == application.Id)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var actions = workflow.ActionsFrom(application.State).Where(a => a.Roles.Any(officer.IsInRole)).ToList();
        var mayAssign = MayAssignNow(application, workflow);
        var specialists = mayAssign || actions.Any(a => a.Key == "receive")
            ? await unitOfficers.InRoleAsync(application.UnitCode, Roles.Specialist, cancellationToken)
            : [];

        var issued = new List<ResultInfo>();
        foreach (var result in await results.ListAsync(application.Code, cancellationToken))
        {
            var verification = await results.VerifyAsync(result.Id, cancellationToken);
            var signature = verification is { Signatures.Count: > 0 } ? verification.Signatures[0] : null;
            issued.Add(new ResultInfo(result, verification?.Outcome ?? VerificationOutcome.NotSigned, signature?.SignerName, signature?.SignedAt));
        }

        return (CaseAccess.Allowed, new CaseFile(
            application,
            procedure,
            workflow.State(application.State)?.Name.Current ?? application.State,
            await dues.DescribeAsync(application, cancellationToken),
            answers.Of(application, procedure.Definition),
            attachments,
            history,
            actions,
            mayAssign,
            specialists,
            issued));
    }

    public async Task<ActResult> ActAsync(ActRequest request, CancellationToken cancellationToken = default)
    {
        if (!ActingRoles.Any(officer.IsInRole))
        {
            return new ActResult(ActOutcome.RoleMayNotAct, Message: new("Vai trò của bạn không được xử lý hồ sơ.", "Your role does not act on applications."));
        }

        var (access, application) = await FindAsync(request.Code, cancellationToken);
        if (application is null)
        {
            return access == CaseAccess.NotFound
                ? new ActResult(ActOutcome.NotFound, Message: new($"Không có hồ sơ mã {request.Code}.", $"There is no application with code '{request.Code}'."))
                : new ActResult(ActOutcome.OutsideJurisdiction, Message: new("Hồ sơ này không thuộc địa bàn của bạn.", "The application lies outside your jurisdiction."));
        }

        if (await db.ApplicationEvents.AnyAsync(e => e.ApplicationId == application.Id && e.RequestKey == request.RequestKey, cancellationToken))
        {
            return new ActResult(ActOutcome.AlreadyDone, application);
        }

        var procedure = await VersionOfAsync(application, cancellationToken);
        var workflow = procedure.Definition.Workflow;
        var decision = request.Action == AssignAction
            ? await DecideAssignmentAsync(application, workflow, request, cancellationToken)
            : await DecideWorkflowActionAsync(application, workflow, request, cancellationToken);
        if (decision.Refusal is { } refusal)
        {
            return refusal;
        }

        if (request.ExpectedRevision is { } revision && revision != application.Revision)
        {
            return Conflicted(application);
        }

        IssuedResult? issued = null;
        if (request.Action == "approve" && procedure.Definition.Result.Electronic)
        {
            // Signed first, recorded second: a failed signature leaves the application untouched, and a
            // step that then fails to record leaves only an unreferenced signed document (ADR 0071).
            try
            {
                issued = await issuing.IssueAsync(application, procedure.Definition, cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Security.Cryptography.CryptographicException)
            {
                return new ActResult(ActOutcome.SigningFailed, application, Message: new(
                    "Không ký số được kết quả nên hồ sơ chưa được phê duyệt. Kiểm tra chứng thư số của bạn rồi thử lại.",
                    "The result could not be signed, so the application was not approved. Check your digital certificate and try again."),
                    ApiMessage: "The result could not be signed, so the application was not approved: " + exception.Message);
            }
        }

        var outcome = await journal.RecordAsync(application, decision.Step!, cancellationToken);
        return outcome switch
        {
            StepOutcome.Done => new ActResult(ActOutcome.Done, application, IssuedResult: issued),
            StepOutcome.AlreadyDone => new ActResult(ActOutcome.AlreadyDone, application),
            _ => Conflicted(application),
        };
    }

    /// <summary>Whether assignment is open: after reception, before the end, by a receptionist or leader.</summary>
    public bool MayAssignNow(Application application, WorkflowDefinition workflow) =>
        AssigningRoles.Any(officer.IsInRole)
        && application.ReceivedAt is not null
        && workflow.State(application.State)?.Final != true
        && application.State != workflow.InitialState;

    private async Task<Decision> DecideWorkflowActionAsync(Application application, WorkflowDefinition workflow, ActRequest request, CancellationToken cancellationToken)
    {
        var action = workflow.Actions.FirstOrDefault(a => a.Key == request.Action);
        if (action is null)
        {
            return Refuse(ActOutcome.UnknownAction, application, null,
                $"Quy trình của thủ tục này không có thao tác {request.Action}.",
                $"The procedure's workflow has no action '{request.Action}'.");
        }

        var role = action.Roles.FirstOrDefault(officer.IsInRole);
        if (role is null)
        {
            return Refuse(ActOutcome.RoleMayNotAct, application, null,
                $"Vai trò của bạn không được thực hiện thao tác \"{action.Name.Vi}\".",
                $"Your role may not take the action \"{action.Name.En}\".",
                $"Your role may not take the action '{action.Key}' (allowed: {string.Join(", ", action.Roles)}).");
        }

        if (!action.From.Contains(application.State))
        {
            return Refuse(ActOutcome.NotFromState, application, null,
                $"Hồ sơ đang ở bước \"{workflow.State(application.State)?.Name.Vi}\", không thể \"{action.Name.Vi}\". Tải lại trang để xem tình trạng mới.",
                $"The application is at the step \"{workflow.State(application.State)?.Name.En}\", from which \"{action.Name.En}\" cannot be taken. Reload the page to see where it stands.",
                $"The action '{action.Key}' is not allowed from the state '{application.State}' (allowed from: {string.Join(", ", action.From)}).");
        }

        // A browser's box counts a line break as one character but sends it as two: kept as one, a note the box took fits the journal.
        var note = Blank(request.Note)?.ReplaceLineEndings("\n");
        if (note is null && NeedsNote.Contains(action.Key))
        {
            return Refuse(ActOutcome.Invalid, application, "note", NoteMessage(action.Key).Vi, NoteMessage(action.Key).En);
        }

        if (note is { Length: > NoteMaxLength })
        {
            return Refuse(ActOutcome.Invalid, application, "note", NoteTooLong.Vi, NoteTooLong.En);
        }

        UnitOfficer? assignee = null;
        if (Blank(request.AssignTo) is { } assignTo)
        {
            if (!AssigningActions.Contains(action.Key))
            {
                var words = AssigneeOnlyWith(workflow);
                return Refuse(ActOutcome.Invalid, application, "assignTo", words.Vi, words.En,
                    "An assignee may be named only with 'receive' or 'send-back'; use the 'assign' action otherwise.");
            }

            assignee = await SpecialistAsync(application, assignTo, cancellationToken);
            if (assignee is null)
            {
                return Refuse(ActOutcome.Invalid, application, "assignTo",
                    "Người được phân công phải là chuyên viên của đơn vị giải quyết hồ sơ.",
                    "The assignee must be a specialist of the application's competent unit.");
            }
        }

        var actor = StepActor.Officer(officer.Id ?? "unknown", officer.FullName, role, officer.UnitCode);
        return new Decision(new ApplicationStep(action.Key, action.To, actor)
        {
            Note = note,
            RequestKey = request.RequestKey,
            StopsClock = action.StopsClock,
            Messages = Messages(application, action.Key, note),
            Changes = assignee is null ? null : a =>
            {
                a.AssignedOfficerId = assignee.Id;
                a.AssignedOfficerName = assignee.FullName;
            },
        });
    }

    private async Task<Decision> DecideAssignmentAsync(Application application, WorkflowDefinition workflow, ActRequest request, CancellationToken cancellationToken)
    {
        var role = AssigningRoles.FirstOrDefault(officer.IsInRole);
        if (role is null)
        {
            return Refuse(ActOutcome.RoleMayNotAct, application, null,
                "Chỉ cán bộ tiếp nhận hoặc lãnh đạo đơn vị được phân công hồ sơ.",
                "Only a receptionist or a unit leader may assign an application.");
        }

        if (!MayAssignNow(application, workflow))
        {
            return Refuse(ActOutcome.NotFromState, application, null,
                "Chỉ phân công hồ sơ đã tiếp nhận và chưa kết thúc.",
                "Only a received application that has not finished can be assigned.");
        }

        var assignee = Blank(request.AssignTo) is { } id ? await SpecialistAsync(application, id, cancellationToken) : null;
        if (assignee is null)
        {
            return Refuse(ActOutcome.Invalid, application, "assignTo",
                "Chọn chuyên viên của đơn vị để phân công.",
                "Choose a specialist of the application's competent unit to assign it to.");
        }

        var note = Blank(request.Note)?.ReplaceLineEndings("\n");
        if (note is { Length: > NoteMaxLength })
        {
            return Refuse(ActOutcome.Invalid, application, "note", NoteTooLong.Vi, NoteTooLong.En);
        }

        var actor = StepActor.Officer(officer.Id ?? "unknown", officer.FullName, role, officer.UnitCode);
        return new Decision(new ApplicationStep(AssignAction, application.State, actor)
        {
            Note = note ?? $"Phân công {assignee.FullName}",
            RequestKey = request.RequestKey,
            // Assigning while the clock stands still must not restart it.
            StopsClock = application.ClockStoppedSince is not null,
            Changes = a =>
            {
                a.AssignedOfficerId = assignee.Id;
                a.AssignedOfficerName = assignee.FullName;
            },
        });
    }

    private async Task<UnitOfficer?> SpecialistAsync(Application application, string id, CancellationToken cancellationToken) =>
        (await unitOfficers.InRoleAsync(application.UnitCode, Roles.Specialist, cancellationToken)).FirstOrDefault(o => o.Id == id);

    /// <summary>
    /// Named by the workflow's own names of the actions that take an assignee, and by the page's name of the
    /// separate assignment, which are the words the officer sees on the buttons.
    /// </summary>
    private static LocalizedText AssigneeOnlyWith(WorkflowDefinition workflow)
    {
        var names = workflow.Actions.Where(a => AssigningActions.Contains(a.Key)).Select(a => a.Name).ToList();
        return names.Count == 0
            ? new("Không phân công được cùng thao tác này; dùng chức năng \"Phân công xử lý\".",
                "A specialist cannot be assigned with this action; use \"Assign\".")
            : new($"Chỉ phân công được cùng thao tác {string.Join(" hoặc ", names.Select(n => $"\"{n.Vi}\""))}; với thao tác khác, dùng chức năng \"Phân công xử lý\".",
                $"A specialist can be assigned only with {string.Join(" or ", names.Select(n => $"\"{n.En}\""))}; with any other action, use \"Assign\".");
    }

    private static readonly LocalizedText NoteTooLong = new(
        $"Nội dung ghi chú tối đa {NoteMaxLength} ký tự.", $"The note may have at most {NoteMaxLength} characters.");

    private static LocalizedText NoteMessage(string action) => action switch
    {
        "refuse" => new("Nhập lý do từ chối: người nộp hồ sơ sẽ nhận được lý do này.", "Give the reason for refusing: the applicant is told it."),
        "request-supplement" => new("Nhập những giấy tờ, thông tin cần bổ sung: người nộp hồ sơ sẽ nhận được nội dung này.", "Say what the applicant must supply: they are told it."),
        _ => new("Nhập lý do trả lại hồ sơ.", "Give the reason for sending the application back."),
    };

    private List<NotificationMessage> Messages(Application application, string action, string? note)
    {
        var (kind, subject, body) = action switch
        {
            "receive" => ("applications.received",
                $"Hồ sơ {application.Code} đã được tiếp nhận",
                $"Hồ sơ {application.Code} ({application.ProcedureName}) đã được tiếp nhận." + (application.AppointmentAt is { } at ? $" Thời gian hẹn trả kết quả: {VietnameseFormat.Moment(at)}." : "")),
            "request-supplement" => ("applications.supplement-requested",
                $"Hồ sơ {application.Code} cần bổ sung",
                $"Hồ sơ {application.Code} ({application.ProcedureName}) cần bổ sung: {note}"),
            "refuse" => ("applications.refused",
                $"Hồ sơ {application.Code} không được giải quyết",
                $"Hồ sơ {application.Code} ({application.ProcedureName}) bị từ chối. Lý do: {note}"),
            "approve" => ("applications.result-ready",
                $"Hồ sơ {application.Code} đã có kết quả",
                $"Hồ sơ {application.Code} ({application.ProcedureName}) đã có kết quả."),
            _ => default,
        };
        if (kind is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var messages = new List<NotificationMessage>();
        if (application.ApplicantEmail is { } email)
        {
            // Where to act on it: the supplement form itself when documents are asked for, the application's page otherwise.
            var emailBody = action == "request-supplement"
                ? $"{body} Gửi giấy tờ bổ sung tại: {tracking.SupplementUrl(application.Code)} (cần đăng nhập)."
                : $"{body} Xem chi tiết tại: {tracking.OwnPageUrl(application.Code)} (cần đăng nhập).";
            messages.Add(new NotificationMessage { Channel = NotificationChannel.Email, Recipient = email, Subject = subject, Body = emailBody, Reference = application.Code, Kind = kind, CreatedAt = now });
        }

        if (application.ApplicantPhone is { } phone)
        {
            messages.Add(new NotificationMessage { Channel = NotificationChannel.Sms, Recipient = phone, Subject = subject, Body = body.Length > 300 ? body[..300] : body, Reference = application.Code, Kind = kind, CreatedAt = now });
        }

        return messages;
    }

    private async Task<PublishedProcedure> VersionOfAsync(Application application, CancellationToken cancellationToken) =>
        await catalog.GetVersionAsync(application.ProcedureCode, application.ProcedureVersion, cancellationToken)
        ?? throw new InvalidOperationException($"Procedure {application.ProcedureCode} version {application.ProcedureVersion} is missing.");

    private static ActResult Conflicted(Application application) => new(ActOutcome.Conflict, application, Message: new(
        "Người khác vừa thay đổi hồ sơ này. Tải lại trang để xem tình trạng mới rồi quyết định lại.",
        "Someone else changed this application meanwhile; reload it and decide again."));

    private static Decision Refuse(ActOutcome outcome, Application application, string? field, string vi, string en, string? api = null) =>
        new(null, new ActResult(outcome, application, field, new LocalizedText(vi, en), ApiMessage: api));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record Decision(ApplicationStep? Step, ActResult? Refusal = null);
}
