using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Overdue;

public sealed record ApologyBody(string? Reason, DateTimeOffset? NewAppointmentAt);

public sealed record ApologyView(string ApplicationCode, int Number, string Reason, DateTimeOffset PreviousAppointmentAt, DateTimeOffset NewAppointmentAt, DateTimeOffset IssuedAt, string IssuedBy, string Pdf)
{
    public static ApologyView From(ApologyLetter letter) => new(
        letter.ApplicationCode, letter.Number, letter.Reason, letter.PreviousAppointmentAt, letter.NewAppointmentAt, letter.IssuedAt, letter.IssuedByName,
        ApologyLinks.Pdf(letter.ApplicationCode, letter.Number));
}

public static class ApologyLinks
{
    public static string Pdf(string code, int number) => $"/overdue/applications/{Uri.EscapeDataString(code)}/apology/{number}.pdf";

    public static string Form(string code) => $"/overdue/applications/{Uri.EscapeDataString(code)}/apology";
}

internal static class OverdueApi
{
    private const string SampleCode = "00004-260101-0001";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/overdue").WithTags("Overdue");
        group.MapGet("/applications", ListAsync)
            .WithName("ListOverdueApplications")
            .WithSummary("Applications past their legal due moment and not completed, in the signed-in officer's jurisdiction, the longest overdue first.")
            .Produces<IReadOnlyList<OverdueApplication>>()
            .RequireAuthorization(Policies.Officer)
            .WithMetadata(new OfficerAccessAttribute(Roles.Officers.ToArray()));

        group.MapPost("/applications/{code}/apology", IssueAsync)
            .WithName("IssueApology")
            .WithSummary("Issues the apology with a new appointment for an overdue application of the officer's own unit (receptionist or unit leader). Send an Idempotency-Key header; repeating it returns the same letter.")
            .Produces<ApologyView>(StatusCodes.Status201Created)
            .Produces<ApologyView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(OverduePolicies.IssueApology)
            .WithMetadata(new OfficerAccessAttribute(Roles.Receptionist, Roles.UnitLeader)
            {
                ExampleRequest = $"/api/overdue/applications/{SampleCode}/apology",
                ExampleBody = """{"reason":"Chờ kết quả xác minh","newAppointmentAt":"2030-01-02T09:00:00+07:00"}""",
            });

        app.MapGet("/overdue/applications/{code}/apology/{number:int}.pdf", PdfAsync)
            .WithTags("Overdue")
            .WithName("ApologyLetterPdf")
            .WithSummary("The apology letter as PDF, for officers of the application's jurisdiction and for its applicant.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
    }

    private static async Task<IResult> ListAsync(ICurrentOfficer officer, ApologyService apologies, CancellationToken cancellationToken) =>
        Results.Ok(await apologies.ListAsync(officer.Jurisdiction, cancellationToken));

    private static async Task<IResult> IssueAsync(
        string code,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ApologyBody? body,
        ClaimsPrincipal user,
        ApologyService apologies,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 80)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["Idempotency-Key"] = ["Send an Idempotency-Key header (1–80 characters, e.g. a new GUID) so that a repeated request issues nothing twice."],
                },
                title: "The Idempotency-Key header is missing or too long");
        }

        var result = await apologies.IssueAsync(code, new ApologyRequest(body?.Reason, body?.NewAppointmentAt, idempotencyKey), user, cancellationToken);
        return result.Outcome switch
        {
            ApologyOutcome.Issued => Results.Created(ApologyLinks.Pdf(code, result.Letter!.Number), ApologyView.From(result.Letter)),
            ApologyOutcome.Repeated when result.Letter is not null => Results.Ok(ApologyView.From(result.Letter)),
            ApologyOutcome.NotFound => Results.Problem(statusCode: 404, title: "No such application", detail: $"No application has the code {code}."),
            ApologyOutcome.Forbidden => Results.Problem(statusCode: 403, title: "Not an officer of the application's unit",
                detail: "Only a receptionist or the leader of the unit handling the application may issue its apology."),
            ApologyOutcome.NotOverdue => Results.Problem(statusCode: 409, title: "The application is not overdue",
                detail: "An apology with a new appointment is issued only for an application past its legal due moment and not yet completed."),
            ApologyOutcome.Invalid => Invalid(result.Errors!),
            _ => Results.Problem(statusCode: 409, title: "The application changed meanwhile", detail: "Another step was recorded at the same time; load it again and retry."),
        };
    }

    /// <summary>A 400 whose title says which part of the request was wrong, as far as one part was.</summary>
    private static IResult Invalid(IReadOnlyList<ApologyError> errors)
    {
        var fields = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.En).ToArray());
        var title = fields.Keys.ToList() switch
        {
            ["reason"] => "The reason is missing or too long",
            ["newAppointmentAt"] => "The new appointment is missing or not valid",
            _ => "The reason and the new appointment are not valid",
        };
        return Results.ValidationProblem(fields, title: title);
    }

    private static async Task<IResult> PdfAsync(string code, int number, ClaimsPrincipal user, ApologyService apologies, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var application = await apologies.FindAsync(code, cancellationToken);
        var isApplicant = application is not null && user.IsInRole(Roles.Citizen)
            && user.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value == application.ApplicantIdNumber;
        if (application is null || !(isApplicant || Jurisdiction.From(user).CoversUnit(application.ProvinceCode, application.UnitCode)))
        {
            // Outside one's own applications an existing code is not told apart from a missing one.
            return Results.Problem(statusCode: 404, title: "No such letter", detail: $"No apology letter {number} for an application {code} that you may see.");
        }

        var letter = await db.ApologyLetters.AsNoTracking().SingleOrDefaultAsync(l => l.ApplicationId == application.Id && l.Number == number, cancellationToken);
        if (letter is null)
        {
            return Results.Problem(statusCode: 404, title: "No such letter", detail: $"Application {code} has no apology letter {number}.");
        }

        return Results.File(apologies.Render(letter, application), "application/pdf", $"phieu-xin-loi-{code}-{number}.pdf");
    }
}
