using System.Globalization;
using System.Security.Claims;
using System.Text;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Loading;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Catalog.Api;

public sealed record ProcedureListResponse(IReadOnlyList<ProcedureSummary> Items, int Total, int Page, int PageSize, int PageCount);

public sealed record ProcedureResponse(string Code, int Version, int CurrentVersion, string ContentHash, DateTimeOffset PublishedAt, ProcedureDefinition Definition);

public sealed record ProcedureImportResponse(string Code, int Version, bool Created, string ContentHash);

/// <summary>The catalogue's JSON API: public reading, and import for a province administrator.</summary>
internal static class CatalogApi
{
    /// <summary>Procedure files are small; a larger body is a mistake or an attack.</summary>
    public const int MaxImportBytes = 512 * 1024;

    private static readonly string[] YamlMediaTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/procedures").WithTags("Procedure catalogue");

        api.MapGet("", SearchAsync)
            .WithName("SearchProcedures")
            .WithSummary("Search the procedure catalogue")
            .WithDescription("Current procedures whose name, code, keywords or field contain every word of q, with or without Vietnamese diacritics; filtered by field key and level (province or commune); paged (page from 1, pageSize 1–100, default 20).")
            .Produces<ProcedureListResponse>()
            .ProducesValidationProblem()
            .AllowAnonymous();

        api.MapGet("/fields", FieldsAsync)
            .WithName("ListProcedureFields")
            .WithSummary("List the fields (lĩnh vực) of the catalogue")
            .WithDescription("Each field with its Vietnamese and English name and the number of current procedures in it.")
            .Produces<IReadOnlyList<FieldSummary>>()
            .AllowAnonymous();

        api.MapGet("/schema", (ProcedureDefinitionReader reader) => Results.Text(reader.SchemaText, "application/schema+json", Encoding.UTF8))
            .WithName("GetProcedureSchema")
            .WithSummary("Get the JSON Schema of procedure files")
            .WithDescription("The schema every procedure file (YAML or JSON) and every import is checked against.")
            .Produces<string>(StatusCodes.Status200OK, "application/schema+json")
            .AllowAnonymous();

        api.MapGet("/{code}", CurrentAsync)
            .WithName("GetProcedure")
            .WithSummary("Get the current version of a procedure")
            .WithDescription("The whole definition (documents, fees, time, form and workflow) of the current version of the procedure with this national code, e.g. 1.001193.")
            .Produces<ProcedureResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();

        api.MapGet("/{code}/versions", VersionsAsync)
            .WithName("ListProcedureVersions")
            .WithSummary("List the versions of a procedure")
            .WithDescription("Every published version, oldest first, with its content hash, when and from where it was published, and which is current.")
            .Produces<IReadOnlyList<ProcedureVersionInfo>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();

        api.MapGet("/{code}/versions/{version}", VersionAsync)
            .WithName("GetProcedureVersion")
            .WithSummary("Get one version of a procedure")
            .WithDescription("A version as it was published, current or not: the version an application was submitted under.")
            .Produces<ProcedureResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();

        api.MapPost("/import", ImportAsync)
            .WithName("ImportProcedure")
            .WithSummary("Import a procedure definition (province administrator)")
            .WithDescription("Send one procedure file as application/yaml or application/json. A new or changed definition is published as the next version (201); the content of the current version again changes nothing (200). Published versions are never changed.")
            .Accepts<string>("application/yaml", "application/json")
            .Produces<ProcedureImportResponse>(StatusCodes.Status201Created)
            .Produces<ProcedureImportResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireAuthorization(Policies.ProvinceAdministrator)
            .WithMetadata(new OfficerAccessAttribute(Roles.ProvinceAdministrator) { ExampleBody = "{}" });
    }

    private static async Task<IResult> SearchAsync(IProcedureCatalog catalog, string? q, string? field, string? level, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        ProcedureLevel? parsedLevel = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            parsedLevel = level.Trim().ToLowerInvariant() switch
            {
                "province" => ProcedureLevel.Province,
                "commune" => ProcedureLevel.Commune,
                _ => null,
            };
            if (parsedLevel is null)
            {
                errors["level"] = [$"'{level}' is not a level; use 'province' or 'commune'."];
            }
        }

        var pageNumber = ParsePositive(page, 1, int.MaxValue / ProcedureQuery.MaxPageSize, "page", "a whole number from 1", errors);
        var size = ParsePositive(pageSize, ProcedureQuery.DefaultPageSize, ProcedureQuery.MaxPageSize, "pageSize", $"a whole number from 1 to {ProcedureQuery.MaxPageSize}", errors);
        if (q is { Length: > 200 })
        {
            errors["q"] = ["The search text is longer than 200 characters."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The search is not valid", detail: "Correct the parameters named in errors.");
        }

        var result = await catalog.SearchAsync(new ProcedureQuery(q, field, parsedLevel, pageNumber, size), cancellationToken);
        return Results.Json(new ProcedureListResponse(result.Items, result.Total, result.Page, result.PageSize, result.PageCount), CatalogJson.Options);
    }

    private static async Task<IResult> FieldsAsync(IProcedureCatalog catalog, CancellationToken cancellationToken) =>
        Results.Json(await catalog.GetFieldsAsync(cancellationToken), CatalogJson.Options);

    private static async Task<IResult> CurrentAsync(IProcedureCatalog catalog, string code, CancellationToken cancellationToken)
    {
        if (BadCode(code) is { } bad)
        {
            return bad;
        }

        var published = await catalog.GetCurrentAsync(code, cancellationToken);
        return published is null ? UnknownCode(code) : Results.Json(Response(published), CatalogJson.Options);
    }

    private static async Task<IResult> VersionsAsync(IProcedureCatalog catalog, string code, CancellationToken cancellationToken)
    {
        if (BadCode(code) is { } bad)
        {
            return bad;
        }

        var versions = await catalog.GetVersionsAsync(code, cancellationToken);
        return versions.Count == 0 ? UnknownCode(code) : Results.Json(versions, CatalogJson.Options);
    }

    private static async Task<IResult> VersionAsync(IProcedureCatalog catalog, string code, string version, CancellationToken cancellationToken)
    {
        if (BadCode(code) is { } bad)
        {
            return bad;
        }

        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad version",
                detail: $"'{version}' is not a version; versions are whole numbers from 1.");
        }

        var published = await catalog.GetVersionAsync(code, number, cancellationToken);
        if (published is null)
        {
            var versions = await catalog.GetVersionsAsync(code, cancellationToken);
            return versions.Count == 0
                ? UnknownCode(code)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown version",
                    detail: $"Procedure {code} has no version {number}; it has versions 1 to {versions[^1].Version}.");
        }

        return Results.Json(Response(published), CatalogJson.Options);
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, IProcedureImporter importer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        ProcedureFileFormat format;
        if (mediaType == "application/json")
        {
            format = ProcedureFileFormat.Json;
        }
        else if (mediaType is not null && YamlMediaTypes.Contains(mediaType))
        {
            format = ProcedureFileFormat.Yaml;
        }
        else
        {
            // Only these types: a cross-site form cannot send them, so an import cannot be forged from elsewhere.
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: $"Send the procedure file as application/yaml or application/json, not '{request.ContentType ?? "nothing"}'.");
        }

        if (request.ContentLength > MaxImportBytes)
        {
            return TooLarge();
        }

        var buffer = new char[MaxImportBytes + 1];
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var builder = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            builder.Append(buffer, 0, read);
            if (builder.Length > MaxImportBytes)
            {
                return TooLarge();
            }
        }

        var importedBy = ProcedureImporter.ImporterName(user);
        try
        {
            var result = await importer.ImportAsync(builder.ToString(), format, importedBy, cancellationToken);
            var body = new ProcedureImportResponse(result.Code, result.Version, result.Created, result.ContentHash);
            return result.Created
                ? new CreatedJson(Results.Json(body, CatalogJson.Options, statusCode: StatusCodes.Status201Created), $"/api/procedures/{result.Code}/versions/{result.Version}")
                : Results.Json(body, CatalogJson.Options);
        }
        catch (InvalidProcedureDefinitionException e)
        {
            var errors = e.Problems
                .GroupBy(p => p.Path.Length == 0 ? "(document)" : p.Path)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Line is { } line ? $"line {line}: {p.Message}" : p.Message).ToArray());
            return Results.ValidationProblem(errors, title: "The procedure definition is not valid",
                detail: $"{e.Problems.Count} problem(s) found; nothing was imported. The schema is at /api/procedures/schema.");
        }
    }

    private static ProcedureResponse Response(PublishedProcedure p) =>
        new(p.Code, p.Version, p.CurrentVersion, p.ContentHash, p.PublishedAt, p.Definition);

    private static IResult? BadCode(string code) => ProcedureCatalog.CodePattern().IsMatch(code)
        ? null
        : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad procedure code",
            detail: $"'{code}' is not a national procedure code; codes look like 1.001193 (a digit, a dot, six digits).");

    private static IResult UnknownCode(string code) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown procedure",
            detail: $"No procedure with code {code} is in the catalogue. Search with GET /api/procedures?q=…");

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Procedure file too large",
            detail: $"A procedure file may be at most {MaxImportBytes / 1024} KB.");

    private static int ParsePositive(string? text, int fallback, int max, string name, string expected, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        errors[name] = [$"'{text}' is not valid; {name} must be {expected}."];
        return fallback;
    }

    /// <summary>A 201 with the JSON body and the address of the new version.</summary>
    private sealed class CreatedJson(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
