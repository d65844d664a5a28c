using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using OneStop.Web.Applications.Attachments;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Portal;
using OneStop.Web.Applications.Receipt;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Api;

/// <summary>A file sent with an application: which document it is, and its bytes in base64.</summary>
public sealed record SubmittedFile(string? DocumentKey, string? FileName, string? ContentBase64);

/// <summary>An application submitted by a client on the citizen's behalf (a mobile app, a kiosk).</summary>
public sealed record SubmissionBody(
    string? ProcedureCode,
    string? CommuneCode,
    string? Phone,
    string? Email,
    Dictionary<string, string?>? Answers,
    IReadOnlyList<SubmittedFile>? Files);

public sealed record SubmittedApplication(
    string Code,
    string Status,
    string StatusName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AppointmentAt,
    string ReceiptUrl);

public static class SubmissionApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapSubmissionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("Applications").RequireAuthorization(Policies.Citizen);
        group.MapPost("/", SubmitAsync)
            .WithName("SubmitApplication")
            .WithSummary("Submit an application as the signed-in citizen; repeat with the same Idempotency-Key to get the same application.")
            .WithDescription("Answers are the procedure form's field keys with text values (dates yyyy-MM-dd). Files are PDF, JPEG or PNG (checked by content), at most 10 MB each, keyed by the procedure's document keys. A first submission answers 201, a repeat with the same key 200 with the same application.")
            .Accepts<SubmissionBody>("application/json")
            .Produces<SubmittedApplication>(StatusCodes.Status201Created)
            .Produces<SubmittedApplication>(StatusCodes.Status200OK)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{code}/receipt.pdf", ReceiptPdfAsync)
            .WithName("GetApplicationReceiptPdf")
            .WithSummary("The receipt slip (Form 01) of one of the signed-in citizen's applications, as PDF.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> SubmitAsync(
        HttpRequest http, [FromBody] SubmissionBody? body, ClaimsPrincipal user, ApplicationIntake intake, IProcedureCatalog catalog,
        OneStopDbContext db, CancellationToken cancellationToken)
    {
        var key = http.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length is 0 or > 100)
        {
            return Results.Problem(statusCode: 400, title: "Idempotency-Key required",
                detail: "Send an Idempotency-Key header (1 to 100 characters, e.g. a new UUID) with every submission; repeat it to retry safely.");
        }

        var pid = user.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value;
        if (string.IsNullOrEmpty(pid))
        {
            return Results.Problem(statusCode: 403, title: "No personal identification number",
                detail: "This account carries no 'pid' claim, so it cannot submit an application.");
        }

        if (body is null || string.IsNullOrWhiteSpace(body.ProcedureCode))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["procedureCode"] = ["Give the procedure's national code, e.g. 1.004222."] },
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var errors = new List<FieldError>();
        var files = new List<IncomingFile>();
        var procedure = await catalog.GetCurrentAsync(body.ProcedureCode, cancellationToken);
        var documentKeys = procedure?.Definition.Documents.Select(d => d.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var sent = body.Files ?? [];
        if (sent.Count > AttachmentCheck.MaxFilesPerApplication)
        {
            errors.Add(new FieldError("files", "too-many", new(
                $"Tối đa {AttachmentCheck.MaxFilesPerApplication} tệp.", $"At most {AttachmentCheck.MaxFilesPerApplication} files per application.")));
        }

        for (var i = 0; i < sent.Count && errors.Count == 0; i++)
        {
            var file = sent[i];
            var field = $"files[{i}]";
            if (procedure is not null && (file.DocumentKey is null || !documentKeys.Contains(file.DocumentKey)))
            {
                errors.Add(new FieldError(field + ".documentKey", "document-key", new(
                    "Giấy tờ không thuộc thủ tục này.",
                    $"'{file.DocumentKey}' is not a document of procedure {body.ProcedureCode}; use one of: {string.Join(", ", documentKeys)}.")));
                continue;
            }

            byte[] content;
            try
            {
                content = Convert.FromBase64String(file.ContentBase64 ?? "");
            }
            catch (FormatException)
            {
                errors.Add(new FieldError(field + ".contentBase64", "base64", new("Nội dung tệp không hợp lệ.", "The content is not valid base64.")));
                continue;
            }

            var incoming = new IncomingFile(file.DocumentKey ?? "", string.IsNullOrWhiteSpace(file.FileName) ? "file" : file.FileName, content);
            if (AttachmentCheck.Problem(incoming, field) is { } problem)
            {
                errors.Add(problem);
                continue;
            }

            files.Add(incoming);
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var result = await ApplicationDrafts.SubmitOnceAsync(intake, db, new SubmissionRequest
        {
            ProcedureCode = body.ProcedureCode.Trim(),
            Channel = ApplicationChannel.Online,
            ApplicantIdNumber = pid,
            ApplicantName = user.FindFirst(OneStopClaimTypes.FullName)?.Value ?? "",
            CommuneCode = body.CommuneCode ?? "",
            Phone = body.Phone,
            Email = body.Email,
            Values = body.Answers ?? [],
            SubmissionKey = key,
            SubmittedBy = StepActor.Citizen(pid, user.FindFirst(OneStopClaimTypes.FullName)?.Value),
            AlsoWrite = application => files.Select(f => AttachmentCheck.ToAttachment(f, application.Id, "citizen:" + pid, application.SubmittedAt)),
        }, cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid(result.Errors);
        }

        var a = result.Application!;
        var answer = new SubmittedApplication(a.Code, a.Status.Key(), a.Status.English(), a.SubmittedAt, a.AppointmentAt,
            $"/api/applications/{a.Code}/receipt.pdf");
        return result.Repeated ? Results.Ok(answer) : Results.Created($"/applications/{a.Code}/receipt", answer);
    }

    private static IResult Invalid(IEnumerable<FieldError> errors) => Results.ValidationProblem(
        errors.GroupBy(e => e.FieldKey).ToDictionary(g => g.Key, g => g.Select(e => e.Message.En).ToArray()),
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "The application is not valid");

    private static async Task<IResult> ReceiptPdfAsync(string code, ClaimsPrincipal user, ApplicationReceipts receipts, CancellationToken cancellationToken)
    {
        var pid = user.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value ?? "";
        if (await receipts.ForApplicantAsync(code, pid, cancellationToken) is not { } receipt)
        {
            return Results.Problem(statusCode: 404, title: "No such application", detail: $"You have no application with code '{code}'.");
        }

        return Results.File(receipts.Pdf(receipt), "application/pdf", $"giay-tiep-nhan-{code}.pdf");
    }
}
