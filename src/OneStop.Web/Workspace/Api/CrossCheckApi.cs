using OneStop.Web.Shared.Security;
using OneStop.Web.Workspace.Casework;

namespace OneStop.Web.Workspace.Api;

public sealed record CrossCheckLineDto(
    string Field,
    string Label,
    string SubjectIdNumber,
    string Declared,
    string? Registered,
    string Outcome,
    string? Registry);

public sealed record CrossCheckDto(string Code, DateTimeOffset CheckedAt, int Differences, IReadOnlyList<CrossCheckLineDto> Lines);

/// <summary>The cross-check of an application's answers against the registries, as the workspace page runs it.</summary>
internal static class CrossCheckApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // A POST, not a GET: every reading is an exchange, logged and shown to the person whose data it is.
        app.MapPost("/api/workspace/applications/{code}/cross-check", CrossCheckAsync)
            .WithTags("Officer workspace")
            .RequireAuthorization(Policies.Officer)
            .WithMetadata(new OfficerAccessAttribute([.. Roles.Officers]) { ExampleRequest = "/api/workspace/applications/00004-260101-9999/cross-check" })
            .WithName("CrossCheckWorkspaceApplication")
            .WithSummary("Reads again from the base registries the answers the form takes from them, the applicant's and another person's named by an ID number in the form (a parent, a spouse), and compares each with what was declared: matches, differs, not-held or unavailable.")
            .WithDescription("Each reading goes through the exchange gateway with the officer as end user and the purpose application-verification, and appears in that person's list of who used their data. Values are shown as on the page (names of communes, dates dd/MM/yyyy).")
            .Produces<CrossCheckDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CrossCheckAsync(string code, OfficerCasework casework, RegistryCrossCheck crossCheck, CancellationToken cancellationToken)
    {
        var (access, file) = await casework.OpenAsync(code, cancellationToken);
        if (file is null)
        {
            return WorkspaceApi.Refusal(access, code);
        }

        var report = await crossCheck.RunAsync(file, cancellationToken);
        return Results.Ok(new CrossCheckDto(file.Application.Code, report.CheckedAt, report.Differences, [.. report.Lines.Select(l => new CrossCheckLineDto(
            l.FieldKey, l.Label.Vi, l.SubjectIdNumber, l.Declared, l.Registered, OutcomeName(l.Outcome), l.Registry))]));
    }

    public static string OutcomeName(CrossCheckOutcome outcome) => outcome switch
    {
        CrossCheckOutcome.Matches => "matches",
        CrossCheckOutcome.Differs => "differs",
        CrossCheckOutcome.NotHeld => "not-held",
        _ => "unavailable",
    };
}
