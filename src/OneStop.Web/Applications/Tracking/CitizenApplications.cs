using Microsoft.EntityFrameworkCore;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications.Attachments;
using OneStop.Web.Applications.Model;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;
using OneStop.Web.Signing.Issued;

namespace OneStop.Web.Applications.Tracking;

/// <summary>One line of "my applications".</summary>
public sealed record MyApplicationRow(
    string Code,
    string ProcedureCode,
    string ProcedureName,
    DateTimeOffset SubmittedAt,
    ApplicationStatus Status,
    DateTimeOffset? AppointmentAt);

/// <summary>What anyone holding the code and the applicant's ID number may know: nothing more.</summary>
public sealed record PublicStatus(
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string UnitName,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AppointmentAt);

/// <summary>Who took a step, as the citizen is told: themselves, an officer of a unit (never the officer's name), or the system.</summary>
public enum HistoryActor
{
    Applicant,
    Officer,
    System,
}

public sealed record HistoryEntry(
    int Sequence,
    DateTimeOffset At,
    string Action,
    LocalizedText ActionName,
    ApplicationStatus Status,
    HistoryActor Actor,
    string? UnitName,
    string? Note);

public sealed record AttachmentInfo(Guid Id, string DocumentKey, string FileName, string ContentType, long Size, DateTimeOffset AddedAt);

/// <summary>An application as its applicant follows it.</summary>
public sealed record ApplicationDetail(
    Application Application,
    string UnitName,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<IssuedResult> Results,
    string? SupplementRequest,
    WorkflowAction? SupplyAction,
    WorkflowAction? WithdrawAction,
    IReadOnlyDictionary<string, LocalizedText> DocumentNames);

/// <summary>The applicant's answer to a request for missing documents.</summary>
public sealed record SupplementResponse(string IdNumber, string? Name, string Code, string? Note, IReadOnlyList<IncomingFile> Files, string RequestKey);

public sealed record WithdrawalRequest(string IdNumber, string? Name, string Code, string? Reason, string RequestKey);

public enum CitizenStepOutcome
{
    Done,

    /// <summary>The same form token or Idempotency-Key was used before; nothing changed.</summary>
    AlreadyDone,

    /// <summary>No such application of this applicant.</summary>
    NotFound,

    /// <summary>The procedure's workflow allows no such step from the application's state now.</summary>
    NotAllowed,

    Invalid,

    /// <summary>An officer changed the application meanwhile.</summary>
    Conflict,
}

public sealed record CitizenStepResult(CitizenStepOutcome Outcome, IReadOnlyList<FieldError> Errors)
{
    public static CitizenStepResult Of(CitizenStepOutcome outcome) => new(outcome, []);
}

/// <summary>
/// The applicant's view of their applications, and the two steps they take themselves: answering a
/// request for missing documents and withdrawing. Every query filters by the applicant's ID number, so
/// another person's application is simply not found. Steps go through <see cref="ApplicationJournal"/>.
/// </summary>
public sealed class CitizenApplications(
    OneStopDbContext db,
    IProcedureCatalog catalog,
    ApplicationJournal journal,
    IResultDocuments results,
    UnitNames unitNames,
    ApplicationStatusLookup statusLookup,
    TimeProvider clock)
{
    public const string SupplementDocumentKey = "supplement";

    public const int MaxFilesPerSupplement = 5;

    public const int MaxNoteLength = 2000;

    private const string SupplementRequestedState = "supplement-requested";

    private const string WithdrawAction = "withdraw";

    /// <summary>Steps whose note is written for the applicant; other notes (a leader's remark to a specialist) stay inside.</summary>
    private static readonly HashSet<string> ActionsWithPublicNote = ["request-supplement", "refuse", "apologise", WithdrawAction];

    public async Task<IReadOnlyList<MyApplicationRow>> ListAsync(string idNumber, CancellationToken cancellationToken = default) =>
        await db.Set<Application>().AsNoTracking()
            .Where(a => a.ApplicantIdNumber == idNumber)
            .OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Code)
            .Select(a => new MyApplicationRow(a.Code, a.ProcedureCode, a.ProcedureName, a.SubmittedAt, a.Status, a.AppointmentAt))
            .ToListAsync(cancellationToken);

    public Task<PublicStatus?> LookupAsync(string code, string idNumber, CancellationToken cancellationToken = default) =>
        statusLookup.FindAsync(code, idNumber, cancellationToken);

    public async Task<ApplicationDetail?> DetailAsync(string idNumber, string code, CancellationToken cancellationToken = default)
    {
        var application = await db.Set<Application>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Code == code && a.ApplicantIdNumber == idNumber, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var definition = (await catalog.GetVersionAsync(application.ProcedureCode, application.ProcedureVersion, cancellationToken))?.Definition;
        var workflow = definition?.Workflow;
        var events = await db.Set<ApplicationEvent>().AsNoTracking()
            .Where(e => e.ApplicationId == application.Id)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var attachments = await db.Set<ApplicationAttachment>().AsNoTracking()
            .Where(a => a.ApplicationId == application.Id)
            .OrderBy(a => a.AddedAt)
            .Select(a => new AttachmentInfo(a.Id, a.DocumentKey, a.FileName, a.ContentType, a.Size, a.AddedAt))
            .ToListAsync(cancellationToken);
        var issued = await results.ListAsync(application.Code, cancellationToken);

        var history = events.Select(e => new HistoryEntry(
                e.Sequence,
                e.At,
                e.Action,
                ActionName(workflow, e.Action),
                e.Status,
                e.ActorRole == Roles.Citizen ? HistoryActor.Applicant : e.ActorId.StartsWith("officer:", StringComparison.Ordinal) ? HistoryActor.Officer : HistoryActor.System,
                e.ActorUnitCode is { } unit ? unitNames.Of(unit) : null,
                ActionsWithPublicNote.Contains(e.Action) || e.ActorRole == Roles.Citizen ? e.Note : null))
            .ToList();
        var supplementRequest = application.State == SupplementRequestedState
            ? events.LastOrDefault(e => e.ToState == SupplementRequestedState)?.Note
            : null;
        return new ApplicationDetail(
            application,
            unitNames.Of(application.UnitCode),
            history,
            attachments,
            issued,
            supplementRequest,
            workflow is null ? null : SupplyActionFrom(workflow, application.State),
            workflow is null ? null : WithdrawActionFrom(workflow, application.State),
            definition?.Documents.ToDictionary(d => d.Key, d => d.Name, StringComparer.Ordinal) ?? new Dictionary<string, LocalizedText>());
    }

    /// <summary>A signed result of the applicant's own application, or null (unknown, or someone else's).</summary>
    public async Task<ResultFile?> ResultAsync(string idNumber, string code, Guid id, CancellationToken cancellationToken = default)
    {
        var owns = await db.Set<Application>().AsNoTracking().AnyAsync(a => a.Code == code && a.ApplicantIdNumber == idNumber, cancellationToken);
        if (!owns)
        {
            return null;
        }

        var file = await results.FindAsync(id, cancellationToken);
        return file is not null && file.Result.ApplicationCode == code ? file : null;
    }

    /// <summary>
    /// Records the applicant's answer to a supplement request: the files (checked by content) and the note
    /// are written in the journal's transaction with the step that puts the application back to the desk,
    /// which restarts the clock. A repeated request key changes nothing.
    /// </summary>
    public async Task<CitizenStepResult> SupplyAsync(SupplementResponse response, CancellationToken cancellationToken = default)
    {
        var application = await OwnAsync(response.IdNumber, response.Code, cancellationToken);
        if (application is null)
        {
            return CitizenStepResult.Of(CitizenStepOutcome.NotFound);
        }

        if (await AlreadyRecordedAsync(application, response.RequestKey, cancellationToken))
        {
            return CitizenStepResult.Of(CitizenStepOutcome.AlreadyDone);
        }

        var workflow = await WorkflowOfAsync(application, cancellationToken);
        var action = SupplyActionFrom(workflow, application.State);
        if (action is null)
        {
            return CitizenStepResult.Of(CitizenStepOutcome.NotAllowed);
        }

        var errors = new List<FieldError>();
        var note = string.IsNullOrWhiteSpace(response.Note) ? null : response.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            errors.Add(new FieldError("note", "note-too-long", new LocalizedText(
                $"Ghi chú tối đa {MaxNoteLength} ký tự.", $"The note may have at most {MaxNoteLength} characters.")));
        }

        if (note is null && response.Files.Count == 0)
        {
            errors.Add(new FieldError("files", "nothing-supplied", new LocalizedText(
                "Hãy gửi kèm ít nhất một tệp giấy tờ hoặc ghi chú trả lời yêu cầu bổ sung.",
                "Send at least one file or a note answering the supplement request.")));
        }

        if (response.Files.Count > MaxFilesPerSupplement)
        {
            errors.Add(new FieldError("files", "too-many-files", new LocalizedText(
                $"Mỗi lần bổ sung gửi tối đa {MaxFilesPerSupplement} tệp.", $"At most {MaxFilesPerSupplement} files may be sent in one supplement.")));
        }
        else
        {
            var held = await db.Set<ApplicationAttachment>().CountAsync(a => a.ApplicationId == application.Id, cancellationToken);
            if (held + response.Files.Count > AttachmentCheck.MaxFilesPerApplication)
            {
                errors.Add(new FieldError("files", "too-many-files", new LocalizedText(
                    $"Một hồ sơ có tối đa {AttachmentCheck.MaxFilesPerApplication} tệp; hồ sơ này đã có {held} tệp.",
                    $"An application holds at most {AttachmentCheck.MaxFilesPerApplication} files; this one already has {held}.")));
            }
        }

        for (var i = 0; i < response.Files.Count; i++)
        {
            if (AttachmentCheck.Problem(response.Files[i], $"files[{i}]") is { } problem)
            {
                errors.Add(problem);
            }
        }

        if (errors.Count > 0)
        {
            return new CitizenStepResult(CitizenStepOutcome.Invalid, errors);
        }

        var actor = StepActor.Citizen(response.IdNumber, response.Name);
        var now = clock.GetUtcNow();
        var added = response.Files
            .Select(f => AttachmentCheck.ToAttachment(f with { DocumentKey = SupplementDocumentKey }, application.Id, actor.Id, now))
            .ToList();

        // Added before the step: the journal's SaveChanges writes them in the same transaction as the state.
        db.AddRange(added);
        var outcome = await journal.RecordAsync(
            application,
            new ApplicationStep(action.Key, action.To, actor) { Note = note, RequestKey = response.RequestKey, StopsClock = action.StopsClock },
            cancellationToken);
        return Finish(outcome, added);
    }

    /// <summary>Records the applicant's withdrawal, when the procedure's workflow lets the applicant withdraw from the current state.</summary>
    public async Task<CitizenStepResult> WithdrawAsync(WithdrawalRequest request, CancellationToken cancellationToken = default)
    {
        var application = await OwnAsync(request.IdNumber, request.Code, cancellationToken);
        if (application is null)
        {
            return CitizenStepResult.Of(CitizenStepOutcome.NotFound);
        }

        if (await AlreadyRecordedAsync(application, request.RequestKey, cancellationToken))
        {
            return CitizenStepResult.Of(CitizenStepOutcome.AlreadyDone);
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is null || reason.Length > MaxNoteLength)
        {
            return new CitizenStepResult(CitizenStepOutcome.Invalid, [new FieldError("reason", "reason", new LocalizedText(
                $"Nêu lý do rút hồ sơ (tối đa {MaxNoteLength} ký tự).", $"Give the reason for withdrawing (at most {MaxNoteLength} characters)."))]);
        }

        var action = WithdrawActionFrom(await WorkflowOfAsync(application, cancellationToken), application.State);
        if (action is null)
        {
            return CitizenStepResult.Of(CitizenStepOutcome.NotAllowed);
        }

        var outcome = await journal.RecordAsync(
            application,
            new ApplicationStep(action.Key, action.To, StepActor.Citizen(request.IdNumber, request.Name)) { Note = reason, RequestKey = request.RequestKey, StopsClock = action.StopsClock },
            cancellationToken);
        return Finish(outcome, []);
    }

    /// <summary>The citizen's action that answers a supplement request, if the application waits for one.</summary>
    public static WorkflowAction? SupplyActionFrom(WorkflowDefinition workflow, string state) =>
        state != SupplementRequestedState ? null
            : workflow.ActionsFrom(state)
                .Where(a => a.Roles.Contains(Roles.Citizen) && a.Key != WithdrawAction && workflow.State(a.To)?.Final != true)
                .OrderBy(a => a.Key == "supply-supplement" ? 0 : 1)
                .FirstOrDefault();

    public static WorkflowAction? WithdrawActionFrom(WorkflowDefinition workflow, string state) =>
        workflow.ActionsFrom(state).FirstOrDefault(a => a.Key == WithdrawAction && a.Roles.Contains(Roles.Citizen));

    private static LocalizedText ActionName(WorkflowDefinition? workflow, string action) =>
        workflow?.Actions.FirstOrDefault(a => a.Key == action)?.Name ?? action switch
        {
            "submit" => new LocalizedText("Nộp hồ sơ", "Application submitted"),
            "apologise" => new LocalizedText("Xin lỗi vì trễ hạn, hẹn lại ngày trả kết quả", "Apology for the delay, new appointment"),
            _ => new LocalizedText(action, action),
        };

    private Task<Application?> OwnAsync(string idNumber, string code, CancellationToken cancellationToken) =>
        db.Set<Application>().SingleOrDefaultAsync(a => a.Code == code && a.ApplicantIdNumber == idNumber, cancellationToken);

    private Task<bool> AlreadyRecordedAsync(Application application, string requestKey, CancellationToken cancellationToken) =>
        db.Set<ApplicationEvent>().AnyAsync(e => e.ApplicationId == application.Id && e.RequestKey == requestKey, cancellationToken);

    private async Task<WorkflowDefinition> WorkflowOfAsync(Application application, CancellationToken cancellationToken) =>
        (await catalog.GetVersionAsync(application.ProcedureCode, application.ProcedureVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Procedure {application.ProcedureCode} version {application.ProcedureVersion} is missing.")).Definition.Workflow;

    private CitizenStepResult Finish(StepOutcome outcome, List<ApplicationAttachment> added)
    {
        if (outcome != StepOutcome.Done)
        {
            // A step that did not happen keeps none of its files (the journal clears them on a conflict; not on a repeat).
            foreach (var attachment in added)
            {
                db.Entry(attachment).State = EntityState.Detached;
            }
        }

        return CitizenStepResult.Of(outcome switch
        {
            StepOutcome.Done => CitizenStepOutcome.Done,
            StepOutcome.AlreadyDone => CitizenStepOutcome.AlreadyDone,
            _ => CitizenStepOutcome.Conflict,
        });
    }
}
