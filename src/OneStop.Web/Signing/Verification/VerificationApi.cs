using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Web.Signing.Verification;

/// <summary>The JSON answer of /api/verify.</summary>
public sealed record VerificationResponse(
    string Outcome,
    bool Valid,
    string? ApplicationCode,
    string? DocumentTitle,
    bool IssuedHere,
    IReadOnlyList<SignatureResponse> Signatures)
{
    internal static VerificationResponse From(VerificationResult result) => new(
        Kebab(result.Outcome.ToString()),
        result.Outcome == VerificationOutcome.Valid,
        result.ApplicationCode,
        result.Title,
        result.IssuedHere,
        result.Signatures.Select(s => new SignatureResponse(
            s.IsValid,
            Kebab(s.Integrity.ToString()),
            !s.CoversWholeDocument || s.Integrity == SignatureIntegrity.Modified,
            new SignerResponse(s.SignerName, s.SignerPosition, s.SignerUnit, s.SignerUnitCode),
            s.SignedAt,
            s.Timestamped,
            s.Certificate is null ? null : new CertificateResponse(
                Kebab(s.Certificate.Status.ToString()), s.CertificateSerial, s.Certificate.Issuer,
                s.Certificate.NotBefore, s.Certificate.NotAfter, s.Certificate.RevokedAt),
            s.Problem)).ToList());

    internal static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}

public sealed record SignatureResponse(
    bool Valid,
    string Integrity,
    bool ChangedAfterSigning,
    SignerResponse Signer,
    DateTimeOffset? SignedAt,
    bool Timestamped,
    CertificateResponse? Certificate,
    string? Problem);

public sealed record SignerResponse(string? Name, string? Position, string? Unit, string? UnitCode);

public sealed record CertificateResponse(string Status, string? SerialNumber, string Issuer, DateTimeOffset NotBefore, DateTimeOffset NotAfter, DateTimeOffset? RevokedAt);

/// <summary>A check by QR code content.</summary>
public sealed record VerifyCodeRequest([property: JsonPropertyName("code")] string? Code);

internal static class VerificationApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/verify").WithTags("Verification").AllowAnonymous();

        group.MapPost("", VerifyAsync)
            .WithName("VerifyDocument")
            .WithSummary("Check a signed document: send the PDF (application/pdf, at most 10 MB) or the QR code's content (application/json {\"code\": \"…\"}).")
            .Produces<VerificationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery();

        group.MapGet("/keys", async (VerificationCodes codes, CancellationToken cancellationToken) => Results.Json(await codes.KeySetAsync(cancellationToken)))
            .WithName("GetVerificationKeys")
            .WithSummary("The public key (JWK set) that signs the QR codes, to check a code offline.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, VerificationService verification, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var requester = context.Connection.RemoteIpAddress;
        if (!verification.Admit(requester))
        {
            context.Response.Headers.RetryAfter = "60";
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many checks",
                detail: "This address has made too many checks in the last minute; try again in a minute.");
        }

        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType == "application/json")
        {
            VerifyCodeRequest? request;
            try
            {
                request = await context.Request.ReadFromJsonAsync<VerifyCodeRequest>(cancellationToken);
            }
            catch (JsonException)
            {
                request = null;
            }

            if (string.IsNullOrWhiteSpace(request?.Code) || request.Code.Length > VerificationCodes.MaximumLength)
            {
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["code"] = ["Give the text of the QR code (the c= value of its link), at most 1024 characters."] },
                    title: "No verification code");
            }

            var code = ExtractCode(request.Code);
            return Results.Ok(VerificationResponse.From(await verification.VerifyCodeAsync(code, "api-code", requester, cancellationToken)));
        }

        if (mediaType != "application/pdf")
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send the document as application/pdf, or the QR code as application/json {\"code\": \"…\"}.");
        }

        var pdf = await ReadLimitedAsync(context.Request, cancellationToken);
        if (pdf is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Document too large",
                detail: "A document to check may be at most 10 MB.");
        }

        if (!SignatureVerifier.LooksLikePdf(pdf))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a PDF",
                detail: "The body does not start with %PDF-: send the PDF file itself.");
        }

        return Results.Ok(VerificationResponse.From(await verification.VerifyPdfAsync(pdf, "api-pdf", requester, cancellationToken)));
    }

    /// <summary>Accepts the bare code or the whole link a QR reader shows.</summary>
    internal static string ExtractCode(string text)
    {
        var trimmed = text.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Query.Length > 1)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
            if (query.TryGetValue("c", out var value) && value.Count > 0)
            {
                return value[0]!;
            }
        }

        return trimmed;
    }

    /// <summary>The body, or null when it is larger than the limit (read no further than that).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > VerificationService.MaximumPdfBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > VerificationService.MaximumPdfBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
