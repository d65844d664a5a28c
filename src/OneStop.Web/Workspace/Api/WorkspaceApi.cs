using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;
using OneStop.Web.Workspace.Casework;
using OneStop.Web.Workspace.Queues;
using OneStop.Web.Workspace.Sheets;

namespace OneStop.Web.Workspace.Api;

public sealed record QueueItemDto(
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string ApplicantName,
    string UnitCode,
    string Status,
    string State,
    string StateName,
    string? AssignedOfficerName,
    DateTimeOffset? DueAt,
    decimal? RemainingWorkingHours,
    bool Overdue,
    string DueText);

public sealed record AnswerDto(string Key, string Label, string Value);

public sealed record AttachmentDto(Guid Id, string DocumentKey, string FileName, string ContentType, long Size, string DownloadUrl);

public sealed record EventDto(int Sequence, string Action, string FromState, string ToState, string Status, string ActorName, string ActorRole, DateTimeOffset At, DateTimeOffset? StepDueAt, bool? OnTime, string? Note);

public sealed record ActionDto(string Key, string Name, string To, bool StopsClock, bool NoteRequired);

public sealed record ResultDto(Guid Id, string Title, string Signature, string? SignedBy, DateTimeOffset? SignedAt, string DownloadUrl);

public sealed record ApplicationDto(
    string Code,
    string ProcedureCode,
    int ProcedureVersion,
    string ProcedureName,
    string Channel,
    string UnitCode,
    string ApplicantIdNumber,
    string ApplicantName,
    string? ApplicantPhone,
    string? ApplicantEmail,
    string Status,
    string State,
    string StateName,
    int Revision,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    string DueText,
    string? AssignedOfficerId,
    string? AssignedOfficerName,
    IReadOnlyList<AnswerDto> Answers,
    IReadOnlyList<AttachmentDto> Attachments,
    IReadOnlyList<EventDto> History,
    IReadOnlyList<ActionDto> Actions,
    bool MayAssign,
    IReadOnlyList<ResultDto> Results);

/// <summary>What an officer decides: a note (required to refuse, ask for a supplement or send back), an assignee, the revision seen.</summary>
public sealed record ActionRequestDto(string? Note, string? AssignTo, int? Revision);

public sealed record ActionResultDto(string Code, string Outcome, string Status, string State, int Revision, Guid? IssuedResultId);

/// <summary>The officer workspace's API: queues, one application, and the workflow's actions.</summary>
internal static class WorkspaceApi
{
    private const string ExampleCode = "00004-260101-9999";
    private const string KeyPrefix = "api:";

    /// <summary>The journal's column holds the prefix too; a longer key would fit the check and then fail to save on PostgreSQL.</summary>
    public const int MaxIdempotencyKeyLength = Applications.Persistence.ApplicationColumns.Key - 4;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workspace").WithTags("Officer workspace").RequireAuthorization(Policies.Officer);

        api.MapGet("/applications", ListAsync)
            .WithMetadata(new OfficerAccessAttribute([.. Roles.Officers])
            {
                ProvinceParameter = "province",
                UnitParameter = "unit",
                ExampleRequest = "/api/workspace/applications?province={province}&unit={unit}",
            })
            .WithName("ListWorkspaceApplications")
            .WithSummary("A queue of open applications in the officer's jurisdiction: all, mine, to-act, to-receive, due-soon, overdue or waiting; narrowed by province, unit and procedure; the nearest due moment first, 100 a page (page=1, 2, …; a Link header names the next and previous pages).")
            .Produces<IReadOnlyList<QueueItemDto>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Bound as text so that "abc" gets the same problem details as "0"; documented as what it is.
                if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "page") is { } page)
                {
                    page.Description = $"Page number, 1 to {WorkspaceQueues.LastPage}; 1 when left out.";
                    page.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Format = "int32",
                        Minimum = "1",
                        Maximum = WorkspaceQueues.LastPage.ToString(CultureInfo.InvariantCulture),
                        Default = System.Text.Json.Nodes.JsonValue.Create(1),
                    };
                }

                return Task.CompletedTask;
            });

        api.MapGet("/applications/{code}", GetAsync)
            .WithMetadata(new OfficerAccessAttribute([.. Roles.Officers]) { ExampleRequest = "/api/workspace/applications/" + ExampleCode })
            .WithName("GetWorkspaceApplication")
            .WithSummary("One application: details, answers, attachments, history, and the actions the officer may take now.")
            .Produces<ApplicationDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/applications/{code}/actions/{action}", ActAsync)
            .WithMetadata(new OfficerAccessAttribute([.. OfficerCasework.ActingRoles])
            {
                ExampleRequest = "/api/workspace/applications/" + ExampleCode + "/actions/receive",
                ExampleBody = "{}",
            })
            .WithName("TakeWorkspaceAction")
            .WithSummary("Takes a workflow action (or 'assign') on an application. Requires an Idempotency-Key header: repeating it changes nothing.")
            .Accepts<ActionRequestDto>("application/json")
            .Produces<ActionResultDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        // Files of an application, for officers of its jurisdiction only.
        var files = app.MapGroup("/workspace/applications/{code}").WithTags("Officer workspace").RequireAuthorization(Policies.Officer);
        files.MapGet("/control-sheet.pdf", ControlSheetAsync)
            .WithMetadata(new OfficerAccessAttribute([.. Roles.Officers]) { ExampleRequest = $"/workspace/applications/{ExampleCode}/control-sheet.pdf" })
            .WithName("GetControlSheetPdf")
            .WithSummary("The process control sheet (phiếu kiểm soát quá trình giải quyết hồ sơ) as PDF.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        files.MapGet("/receipt.pdf", ReceiptAsync)
            .WithMetadata(new OfficerAccessAttribute([.. Roles.Officers]) { ExampleRequest = $"/workspace/applications/{ExampleCode}/receipt.pdf" })
            .WithName("GetReceiptPdf")
            .WithSummary("The receipt and appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả) as PDF.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        files.MapGet("/attachments/{id:guid}", AttachmentAsync)
            .WithMetadata(new OfficerAccessAttribute([.. Roles.Officers]) { ExampleRequest = $"/workspace/applications/{ExampleCode}/attachments/00000000-0000-0000-0000-000000000001" })
            .WithName("GetApplicationAttachment")
            .WithSummary("Downloads a file handed in with the application.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        files.MapGet("/results/{id:guid}", ResultAsync)
            .WithMetadata(new OfficerAccessAttribute([.. Roles.Officers]) { ExampleRequest = $"/workspace/applications/{ExampleCode}/results/00000000-0000-0000-0000-000000000001" })
            .WithName("GetApplicationResult")
            .WithSummary("Downloads the signed result of the application (PDF).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        string? queue, string? province, string? unit, string? procedure, string? page, WorkspaceQueues queues, HttpContext http, CancellationToken cancellationToken)
    {
        var query = new QueueQuery(queue, province, unit, procedure, WorkspaceQueues.PageNumber(page));
        switch (queues.Check(query))
        {
            case QueueAccess.UnknownQueue:
                return Invalid("queue", "The queue is unknown", $"Unknown queue '{queue}'; use one of: {string.Join(", ", QueueNames.Known)}.");
            case QueueAccess.PageOutOfRange:
                return Invalid("page", "The page is out of range",
                    $"Pages are numbered from 1 to {WorkspaceQueues.LastPage}; narrow the list by unit or procedure to reach further.");
            case QueueAccess.MalformedUnit:
                var asked = unit!.Trim();
                return Invalid("unit", "The unit is malformed", UnitCodes.IsProvince(asked)
                    ? $"'{asked}' is a province's code, not a unit's: narrow to the province with province={asked}, or give one of its units, e.g. unit={asked}-CA."
                    : $"'{asked}' is not a unit code: give a 5-digit commune code (e.g. 00004) or a province department's code (e.g. 33-CA).");
            case QueueAccess.MalformedProvince:
                return Invalid("province", "The province is malformed",
                    $"'{province!.Trim()}' is not a province code: give the province's 2-digit code (e.g. 01 for Hà Nội, 33 for Hưng Yên).");
            case QueueAccess.OutsideJurisdiction:
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your jurisdiction",
                    detail: "The province or unit asked for lies outside your jurisdiction.");
        }

        var result = await queues.ListAsync(query, cancellationToken);
        var links = new List<string>();
        if (result.HasMore)
        {
            links.Add($"<{PageLink(http.Request, result.Page + 1)}>; rel=\"next\"");
        }

        if (result.Page > 1)
        {
            links.Add($"<{PageLink(http.Request, result.Page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            http.Response.Headers.Link = string.Join(", ", links);
        }

        return Results.Ok(result.Items.Select(i => new QueueItemDto(
            i.Code, i.ProcedureCode, i.ProcedureName, i.ApplicantName, i.UnitCode, i.Status.Key(), i.State, i.StateName,
            i.AssignedOfficerName, i.Due.DueAt, i.Due.RemainingWorkingHours, i.Due.Standing == DueStanding.Overdue, i.Due.Vietnamese)).ToList());
    }

    /// <summary>The same request with another page number, as a path and query (RFC 8288 allows a relative reference).</summary>
    private static string PageLink(HttpRequest request, int page)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(CultureInfo.InvariantCulture)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    private static async Task<IResult> GetAsync(string code, OfficerCasework casework, CancellationToken cancellationToken)
    {
        var (access, file) = await casework.OpenAsync(code, cancellationToken);
        if (file is null)
        {
            return Refusal(access, code);
        }

        var a = file.Application;
        return Results.Ok(new ApplicationDto(
            a.Code, a.ProcedureCode, a.ProcedureVersion, a.ProcedureName, a.Channel.ToString().ToLowerInvariant(), a.UnitCode,
            a.ApplicantIdNumber, a.ApplicantName, a.ApplicantPhone, a.ApplicantEmail,
            a.Status.Key(), a.State, file.StateName, a.Revision, a.SubmittedAt, a.ReceivedAt, a.DueAt, file.Due.Vietnamese,
            a.AssignedOfficerId, a.AssignedOfficerName,
            [.. file.Answers.Select(x => new AnswerDto(x.Key, x.Label.Vi, x.Value))],
            [.. file.Attachments.Select(x => new AttachmentDto(x.Id, x.DocumentKey, x.FileName, x.ContentType, x.Size, $"/workspace/applications/{a.Code}/attachments/{x.Id}"))],
            [.. file.History.Select(e => new EventDto(e.Sequence, e.Action, e.FromState, e.ToState, e.Status.Key(), e.ActorName ?? e.ActorId, e.ActorRole, e.At, e.StepDueAt, e.OnTime, e.Note))],
            [.. file.Actions.Select(x => new ActionDto(x.Key, x.Name.Vi, x.To, x.StopsClock, OfficerCasework.NeedsNote.Contains(x.Key)))],
            file.MayAssign,
            [.. file.Results.Select(r => new ResultDto(r.Result.Id, r.Result.Title, r.Outcome.ToString(), r.SignedBy, r.SignedAt, $"/workspace/applications/{a.Code}/results/{r.Result.Id}"))]));
    }

    private static async Task<IResult> ActAsync(
        string code,
        string action,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        [FromBody] ActionRequestDto? body,
        OfficerCasework casework,
        ICurrentOfficer officer,
        CancellationToken cancellationToken)
    {
        if (!OfficerCasework.ActingRoles.Any(officer.IsInRole))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Role may not act",
                detail: "Only receptionists, specialists and unit leaders act on applications.");
        }

        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Trim().Length > MaxIdempotencyKeyLength)
        {
            return Invalid("Idempotency-Key", "The Idempotency-Key header is missing or too long",
                $"Send an Idempotency-Key header (1 to {MaxIdempotencyKeyLength} characters, e.g. a new UUID), unique per intended action; repeating it changes nothing.");
        }

        var result = await casework.ActAsync(
            new ActRequest(code, action, body?.Note, body?.AssignTo, KeyPrefix + idempotencyKey.Trim(), body?.Revision), cancellationToken);
        var message = result.ApiMessage ?? result.Message?.En;
        return result.Outcome switch
        {
            ActOutcome.Done or ActOutcome.AlreadyDone => Results.Ok(new ActionResultDto(
                result.Application!.Code,
                result.Outcome == ActOutcome.Done ? "done" : "already-done",
                result.Application.Status.Key(),
                result.Application.State,
                result.Application.Revision,
                result.IssuedResult?.Id)),
            ActOutcome.NotFound or ActOutcome.UnknownAction => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: message),
            ActOutcome.OutsideJurisdiction => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your jurisdiction", detail: message),
            ActOutcome.RoleMayNotAct => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Role may not take this action", detail: message),
            ActOutcome.NotFromState => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Action not allowed from the current state", detail: message),
            ActOutcome.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The application changed meanwhile", detail: message),
            ActOutcome.Invalid => InvalidAction(result.Field ?? "body", message ?? "Correct the request."),
            ActOutcome.SigningFailed => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The result could not be signed", detail: message),
            _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: message),
        };
    }

    private static async Task<IResult> ControlSheetAsync(string code, OfficerCasework casework, CaseSheets sheets, CancellationToken cancellationToken)
    {
        var (access, file) = await casework.OpenAsync(code, cancellationToken);
        return file is null ? Refusal(access, code) : Results.File(sheets.ControlSheetPdf(file), "application/pdf", $"phieu-kiem-soat-{code}.pdf");
    }

    private static async Task<IResult> ReceiptAsync(string code, OfficerCasework casework, CaseSheets sheets, CancellationToken cancellationToken)
    {
        var (access, file) = await casework.OpenAsync(code, cancellationToken);
        return file is null ? Refusal(access, code) : Results.File(sheets.ReceiptPdf(file), "application/pdf", $"giay-tiep-nhan-{code}.pdf");
    }

    private static async Task<IResult> AttachmentAsync(string code, Guid id, OfficerCasework casework, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var (access, application) = await casework.FindAsync(code, cancellationToken);
        if (application is null)
        {
            return Refusal(access, code);
        }

        var attachment = await db.Set<ApplicationAttachment>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == id && a.ApplicationId == application.Id, cancellationToken);
        return attachment is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown attachment", detail: $"Application {code} has no attachment {id}.")
            : Results.File(attachment.Content, attachment.ContentType, attachment.FileName);
    }

    private static async Task<IResult> ResultAsync(string code, Guid id, OfficerCasework casework, Signing.Issued.IResultDocuments results, CancellationToken cancellationToken)
    {
        var (access, application) = await casework.FindAsync(code, cancellationToken);
        if (application is null)
        {
            return Refusal(access, code);
        }

        var file = await results.FindAsync(id, cancellationToken);
        return file is null || file.Result.ApplicationCode != application.Code
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown result", detail: $"Application {code} has no result {id}.")
            : Results.File(file.Pdf, "application/pdf", $"{code}.pdf");
    }

    /// <summary>A 400 whose title says what was wrong and whose errors name the parameter, header or field to correct.</summary>
    private static IResult Invalid(string field, string title, string message, string? detail = null) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title, detail: detail ?? message);

    /// <summary>
    /// The casework's words are written for the officer reading them beside a labelled box; a client of the API reads
    /// no label, so the problem's detail adds the name of the field the words are about.
    /// </summary>
    private static IResult InvalidAction(string field, string message) => Invalid(
        field,
        field switch
        {
            "note" => "The note is missing or too long",
            "assignTo" => "The assignee is not valid",
            _ => "The action request is not valid",
        },
        message,
        $"'{field}': {message}");

    internal static IResult Refusal(CaseAccess access, string code) => access == CaseAccess.OutsideJurisdiction
        ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your jurisdiction", detail: $"Application {code} lies outside your jurisdiction.")
        : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown application", detail: $"There is no application with code '{code}'.");
}
