using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneStop.Web.Applications.Attachments;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Tracking;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Api;

/// <summary>The status anyone with the code and the applicant's ID number may read.</summary>
public sealed record ApplicationStatusResponse(
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string UnitName,
    string Status,
    int StatusNumber,
    string StatusName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AppointmentAt);

public sealed record ApplicationHistoryEntry(int Sequence, DateTimeOffset At, string Action, string ActionName, string Status, string Actor, string? Unit, string? Note);

public sealed record ApplicationAttachmentEntry(Guid Id, string DocumentKey, string FileName, string ContentType, long Size, DateTimeOffset AddedAt);

public sealed record ApplicationResultEntry(Guid Id, string Title, string SignerPosition, string SignerUnit, DateTimeOffset SignedAt, string Download);

/// <summary>The applicant's full view of their application.</summary>
public sealed record ApplicationDetailResponse(
    string Code,
    string ProcedureCode,
    int ProcedureVersion,
    string ProcedureName,
    string Channel,
    string UnitCode,
    string UnitName,
    string State,
    string Status,
    int StatusNumber,
    string StatusName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? AppointmentAt,
    DateTimeOffset? DueAt,
    bool ClockStopped,
    DateTimeOffset? CompletedAt,
    string? SupplementRequest,
    IReadOnlyList<string> AvailableActions,
    IReadOnlyList<ApplicationHistoryEntry> History,
    IReadOnlyList<ApplicationAttachmentEntry> Attachments,
    IReadOnlyList<ApplicationResultEntry> Results);

public sealed record MyApplicationEntry(string Code, string ProcedureCode, string ProcedureName, DateTimeOffset SubmittedAt, string Status, int StatusNumber, string StatusName, DateTimeOffset? AppointmentAt);

public sealed record SupplementFile(string? DocumentKey, string? FileName, string? ContentBase64);

public sealed record SupplementBody(string? Note, IReadOnlyList<SupplementFile>? Files);

public sealed record WithdrawalBody(string? Reason);

/// <summary>What a citizen's step did: <c>recorded</c>, or <c>already-recorded</c> for a repeated Idempotency-Key.</summary>
public sealed record CitizenStepResponse(string Code, string Outcome, string Status, int StatusNumber, string StatusName);

/// <summary>The applicant's follow-up of their applications, and the public status look-up.</summary>
public static partial class TrackingApi
{
    public const int MaxIdempotencyKeyLength = 80;

    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/api/applications").WithTags("Applications");
        applications.MapGet("/{code}", StatusAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.PublicLookup)
            .SameInEveryLanguage()
            .WithName("GetApplicationStatus")
            .WithSummary("The status of an application: in full for its signed-in applicant; anyone else gives ?idNumber= (the applicant's 12-digit ID number) and gets the minimal status.")
            .WithDescription("An unknown code, a wrong ID number and someone else's application all give the same 404, so that codes cannot be probed. Anonymous look-ups are rate-limited per client.")
            .Produces<ApplicationDetailResponse>()
            .Produces<ApplicationStatusResponse>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        applications.MapGet("/{code}/results/{id:guid}", ResultAsync)
            .RequireAuthorization(Policies.Citizen)
            .WithName("DownloadMyApplicationResult")
            .WithSummary("Download a signed result (PDF) of the signed-in citizen's own application.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);

        applications.MapPost("/{code}/supplement", SupplementAsync)
            .RequireAuthorization(Policies.Citizen)
            .WithName("SupplyMissingDocuments")
            .WithSummary("Answer a request for missing documents: files (PDF, JPEG or PNG, at most 10 MB each, base64) and/or a note. Needs an Idempotency-Key header.")
            .WithDescription("Allowed only while the application's status is supplement-requested; puts the application back to the one-stop desk and restarts the clock. The same Idempotency-Key again changes nothing.")
            .Produces<CitizenStepResponse>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/{code}/withdrawal-request", WithdrawalAsync)
            .RequireAuthorization(Policies.Citizen)
            .WithName("RequestWithdrawal")
            .WithSummary("Withdraw the signed-in citizen's application, with a reason, when its procedure allows it from the current state. Needs an Idempotency-Key header.")
            .Produces<CitizenStepResponse>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/me/applications", MineAsync)
            .RequireAuthorization(Policies.Citizen)
            .WithTags("Applications")
            .WithName("MyApplications")
            .WithSummary("The signed-in citizen's applications, newest first.")
            .Produces<IReadOnlyList<MyApplicationEntry>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> StatusAsync(
        string code, [FromQuery] string? idNumber, ClaimsPrincipal user, ApplicationStatusLookup lookup, HttpContext http)
    {
        if (user.IsInRole(Roles.Citizen) && user.FindFirstValue(OneStopClaimTypes.PersonalIdNumber) is { Length: > 0 } pid && idNumber is null)
        {
            // Resolved here, not as a parameter: the anonymous look-up below, by far the most frequent, does not need it.
            var applications = http.RequestServices.GetRequiredService<CitizenApplications>();
            return await applications.DetailAsync(pid, code, http.RequestAborted) is { } detail
                ? TypedResults.Ok(Detail(detail))
                : NotFound(code);
        }

        if (string.IsNullOrEmpty(idNumber) || !IdNumberPattern().IsMatch(idNumber))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["idNumber"] = ["Give the applicant's personal identification number (12 digits) as ?idNumber=, or sign in as the applicant."] },
                title: "Identification number required",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        // Not cancelled with the request: the look-up waits for one shared query at most, and a wait tied to the
        // request's abort costs every look-up more than it could ever save the one whose caller left.
        return await lookup.FindAsync(code, idNumber) is { } status
            ? TypedResults.Ok(new ApplicationStatusResponse(status.Code, status.ProcedureCode, status.ProcedureName, status.UnitName,
                status.Status.Key(), (int)status.Status, status.Status.Vietnamese(), status.SubmittedAt, status.AppointmentAt))
            : NotFound(code);
    }

    private static async Task<IResult> MineAsync(ClaimsPrincipal user, CitizenApplications applications, CancellationToken cancellationToken)
    {
        if (PidOf(user) is not { } pid)
        {
            return NoPid();
        }

        var rows = await applications.ListAsync(pid, cancellationToken);
        return TypedResults.Ok(rows.Select(r => new MyApplicationEntry(
            r.Code, r.ProcedureCode, r.ProcedureName, r.SubmittedAt, r.Status.Key(), (int)r.Status, r.Status.Vietnamese(), r.AppointmentAt)).ToList());
    }

    private static async Task<IResult> ResultAsync(string code, Guid id, ClaimsPrincipal user, CitizenApplications applications, CancellationToken cancellationToken)
    {
        if (PidOf(user) is not { } pid)
        {
            return NoPid();
        }

        return await applications.ResultAsync(pid, code, id, cancellationToken) is { } file
            ? TypedResults.File(file.Pdf, "application/pdf", $"{code}-ket-qua.pdf")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown result",
                detail: $"Application '{code}' of the signed-in citizen has no signed result with id {id}.");
    }

    private static async Task<IResult> SupplementAsync(
        string code, SupplementBody? body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, CitizenApplications applications, CancellationToken cancellationToken)
    {
        if (PidOf(user) is not { } pid)
        {
            return NoPid();
        }

        var errors = new Dictionary<string, string[]>();
        CheckKey(idempotencyKey, errors);
        var files = new List<IncomingFile>();
        var sent = body?.Files ?? [];
        for (var i = 0; i < sent.Count; i++)
        {
            var file = sent[i];
            if (string.IsNullOrWhiteSpace(file.FileName))
            {
                errors[$"files[{i}].fileName"] = ["Give the file's name, e.g. giay-to-bo-sung.pdf."];
            }

            byte[]? content = null;
            try
            {
                content = Convert.FromBase64String(file.ContentBase64 ?? "");
            }
            catch (FormatException)
            {
                errors[$"files[{i}].contentBase64"] = ["The content must be the file's bytes in base64."];
            }

            files.Add(new IncomingFile(CitizenApplications.SupplementDocumentKey, file.FileName ?? "", content ?? []));
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var result = await applications.SupplyAsync(
            new SupplementResponse(pid, user.FindFirstValue(OneStopClaimTypes.FullName), code, body?.Note, files, "api:" + idempotencyKey),
            cancellationToken);
        return await AnswerAsync(result, code, pid, applications, "The application is not waiting for missing documents (its status is not supplement-requested).", cancellationToken);
    }

    private static async Task<IResult> WithdrawalAsync(
        string code, WithdrawalBody? body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, CitizenApplications applications, CancellationToken cancellationToken)
    {
        if (PidOf(user) is not { } pid)
        {
            return NoPid();
        }

        var errors = new Dictionary<string, string[]>();
        CheckKey(idempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var result = await applications.WithdrawAsync(
            new WithdrawalRequest(pid, user.FindFirstValue(OneStopClaimTypes.FullName), code, body?.Reason, "api:" + idempotencyKey),
            cancellationToken);
        return await AnswerAsync(result, code, pid, applications, "The procedure does not let the applicant withdraw the application in its current state.", cancellationToken);
    }

    private static async Task<IResult> AnswerAsync(
        CitizenStepResult result, string code, string pid, CitizenApplications applications, string notAllowed, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case CitizenStepOutcome.NotFound:
                return NotFound(code);
            case CitizenStepOutcome.Invalid:
                return Invalid(result.Errors.GroupBy(e => e.FieldKey).ToDictionary(g => g.Key, g => g.Select(e => e.Message.En).ToArray()));
            case CitizenStepOutcome.NotAllowed:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Step not allowed now", detail: notAllowed);
            case CitizenStepOutcome.Conflict:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Application changed meanwhile",
                    detail: "An officer changed the application at the same moment; read its status again and retry with a new Idempotency-Key if the step is still needed.");
        }

        var status = (await applications.LookupAsync(code, pid, cancellationToken))!.Status;
        return TypedResults.Ok(new CitizenStepResponse(code, result.Outcome == CitizenStepOutcome.Done ? "recorded" : "already-recorded",
            status.Key(), (int)status, status.Vietnamese()));
    }

    private static ApplicationDetailResponse Detail(ApplicationDetail detail)
    {
        var a = detail.Application;
        var available = new List<string>();
        if (detail.SupplyAction is not null)
        {
            available.Add("supplement");
        }

        if (detail.WithdrawAction is not null)
        {
            available.Add("withdrawal-request");
        }

        return new ApplicationDetailResponse(
            a.Code, a.ProcedureCode, a.ProcedureVersion, a.ProcedureName, a.Channel.ToString().ToLowerInvariant(), a.UnitCode, detail.UnitName,
            a.State, a.Status.Key(), (int)a.Status, a.Status.Vietnamese(), a.SubmittedAt, a.ReceivedAt, a.AppointmentAt, a.DueAt,
            a.ClockStoppedSince is not null, a.CompletedAt, detail.SupplementRequest, available,
            [.. detail.History.Select(h => new ApplicationHistoryEntry(h.Sequence, h.At, h.Action, h.ActionName.En, h.Status.Key(),
                h.Actor.ToString().ToLowerInvariant(), h.UnitName, h.Note))],
            [.. detail.Attachments.Select(f => new ApplicationAttachmentEntry(f.Id, f.DocumentKey, f.FileName, f.ContentType, f.Size, f.AddedAt))],
            [.. detail.Results.Select(r => new ApplicationResultEntry(r.Id, r.Title, r.SignerPosition, r.SignerUnit, r.SignedAt,
                $"/api/applications/{Uri.EscapeDataString(a.Code)}/results/{r.Id}"))]);
    }

    private static void CheckKey(string? key, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxIdempotencyKeyLength)
        {
            errors["Idempotency-Key"] = [$"Send an Idempotency-Key header (1 to {MaxIdempotencyKeyLength} characters, e.g. a new UUID) unique to this step; repeating it repeats nothing."];
        }
    }

    private static string? PidOf(ClaimsPrincipal user) =>
        user.FindFirstValue(OneStopClaimTypes.PersonalIdNumber) is { Length: > 0 } pid ? pid : null;

    private static ProblemHttpResult NoPid() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No personal identification number",
        detail: "This account carries no 'pid' claim, so it has no applications.");

    private static ProblemHttpResult NotFound(string code) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Application not found",
        detail: $"No application '{code}' matches; check the code and the applicant's identification number.");

    private static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Invalid request", statusCode: StatusCodes.Status422UnprocessableEntity);

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex IdNumberPattern();
}
