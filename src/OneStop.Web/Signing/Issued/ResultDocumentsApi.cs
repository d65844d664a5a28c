using OneStop.Web.Shared.Security;

namespace OneStop.Web.Signing.Issued;

internal static class ResultDocumentsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // Officers only for now; citizens will reach their own results through the applications
        // capability, which knows whose application a result belongs to.
        app.MapGet("/api/documents/{id:guid}", async (Guid id, IResultDocuments results, CancellationToken cancellationToken) =>
                await results.FindAsync(id, cancellationToken) is { } file
                    ? Results.File(file.Pdf, "application/pdf", $"{file.Result.ApplicationCode}.pdf")
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown document", detail: $"No signed document has id {id}."))
            .RequireAuthorization(Policies.Officer)
            .WithMetadata(new OfficerAccessAttribute([.. Roles.Officers]) { ExampleRequest = "/api/documents/00000000-0000-0000-0000-000000000001" })
            .WithTags("Signed documents")
            .WithName("GetSignedDocument")
            .WithSummary("Download a signed result (PDF).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
