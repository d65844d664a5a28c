using OneStop.Web.Shared.Security;

namespace OneStop.Web.Signing.Certificates;

/// <summary>A revocation to record.</summary>
public sealed record RevokeCertificateRequest(string? Reason);

internal static class CertificateAuthorityApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/signing").WithTags("Signing");

        group.MapGet("/ca/certificate", async (DemoCertificateAuthority authority, CancellationToken cancellationToken) =>
                await authority.FindRootCertificateAsync(cancellationToken) is { } root
                    ? Results.Text(root.ExportCertificatePem(), "application/x-pem-file")
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No demo CA", detail: "This installation runs no demo certificate authority."))
            .AllowAnonymous()
            .WithName("GetDemoCaCertificate")
            .WithSummary("The demo root CA certificate (PEM), for a verifier that wants to trust it.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-pem-file")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/ca/crl", async (DemoCertificateAuthority authority, CancellationToken cancellationToken) =>
                await authority.CertificateRevocationListAsync(cancellationToken) is { } crl
                    ? Results.File(crl, "application/pkix-crl", "onestop-demo-ca.crl")
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No demo CA", detail: "This installation runs no demo certificate authority."))
            .AllowAnonymous()
            .WithName("GetDemoCaRevocationList")
            .WithSummary("The demo CA's certificate revocation list (DER).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pkix-crl")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/certificates/{serialNumber}/revoke", async (string serialNumber, RevokeCertificateRequest request, DemoCertificateAuthority authority, CancellationToken cancellationToken) =>
            {
                if (serialNumber.Length > 64 || !serialNumber.All(Uri.IsHexDigit))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["serialNumber"] = ["The serial number is hexadecimal, at most 64 digits."] });
                }

                var reason = string.IsNullOrWhiteSpace(request.Reason) ? "unspecified" : request.Reason.Trim();
                if (reason.Length > 200)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 200 characters."] });
                }

                return await authority.RevokeAsync(serialNumber, reason, cancellationToken)
                    ? Results.NoContent()
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown certificate", detail: $"No official's certificate has serial number {serialNumber}.");
            })
            .RequireAuthorization(Policies.SystemAdministrator)
            .WithMetadata(new OfficerAccessAttribute(Roles.SystemAdministrator)
            {
                ExampleRequest = "/api/signing/certificates/00ab/revoke",
                ExampleBody = """{"reason":"access check"}""",
            })
            .WithName("RevokeOfficialCertificate")
            .WithSummary("Revoke an official's certificate (idempotent). Signatures made with it then verify as revoked.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
