using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneStop.Web.Exchange.DataAccess;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Exchange.Log;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Exchange;

/// <summary>An officer's query for the application in front of them.</summary>
public sealed record OfficerQueryRequest(
    string? Service,
    string? SubjectId,
    string? Purpose,
    string? LegalBasis,
    string? ApplicationCode,
    IReadOnlyList<string>? Fields);

/// <summary>What the gateway answered: the record holds only the granted fields.</summary>
public sealed record OfficerQueryResponse(
    Guid RequestId,
    string Outcome,
    string Service,
    string Registry,
    JsonObject? Record,
    IReadOnlyList<string> Fields,
    DateTimeOffset RetrievedAt,
    long? LogSequence);

public static partial class ExchangeApi
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry query by officer {OfficerId} of {Unit} for application {ApplicationCode} refused: {Ground}")]
    private static partial void LogUngroundedQuery(ILogger logger, string officerId, string unit, string? applicationCode, QueryGround ground);

    public static IEndpointRouteBuilder MapExchangeEndpoints(this IEndpointRouteBuilder app)
    {
        var exchange = app.MapGroup("/api/exchange").WithTags("Data exchange");
        exchange.MapPost("/queries", QueryAsync)
            .RequireAuthorization(Policies.Officer)
            .WithMetadata(new OfficerAccessAttribute([.. Roles.Officers]) { ExampleBody = "{}" })
            .WithName("QueryRegistry")
            .WithSummary("Query a base registry through the gateway for the application in front of the officer.")
            .WithDescription("The officer is the end user (id and unit from the sign-in); the application must exist, lie in the officer's jurisdiction and be the subject's or name the subject in its answers (403 otherwise); the purpose and legal basis must be known ones; only the fields the officer workspace is granted are returned. Every query is logged and shown to the citizen.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        exchange.MapGet("/log/verify", VerifyAsync)
            .RequireAuthorization(Policies.SystemAdministrator)
            .WithMetadata(new OfficerAccessAttribute(Roles.SystemAdministrator))
            .WithName("VerifyExchangeLog")
            .WithSummary("Check the exchange log's hash chain and signed seals; lists every altered or missing entry.");

        app.MapGet("/api/me/data-access", DataAccessAsync)
            .RequireAuthorization(Policies.Citizen)
            .WithTags("Data exchange")
            .WithName("MyDataAccess")
            .WithSummary("Who used my data: every exchange of the signed-in citizen's data, newest first.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<Ok<OfficerQueryResponse>, ProblemHttpResult>> QueryAsync(
        OfficerQueryRequest body, ClaimsPrincipal user, IExchangeGateway gateway, HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var officerId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub");
        var unit = user.FindFirstValue(OneStopClaimTypes.UnitCode);
        if (string.IsNullOrEmpty(officerId) || string.IsNullOrEmpty(unit))
        {
            return TypedResults.Problem(statusCode: 403, title: "Officer identity incomplete",
                detail: "Registry queries need the officer's id and unit in the sign-in; this account has no unit.");
        }

        if (string.IsNullOrWhiteSpace(body.ApplicationCode) || string.IsNullOrWhiteSpace(body.SubjectId))
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid registry query",
                detail: "Give 'subjectId' (whose record) and 'applicationCode' (the application the query is for).");
        }

        // The grounds are judged on these values, so the gateway must query and log the same ones: judged trimmed but
        // sent as typed, a subject with a space was admitted here and then refused by the gateway as ill-formed.
        var applicationCode = body.ApplicationCode.Trim();
        var subjectId = body.SubjectId.Trim();

        // A well-formed code is not enough: the application must be one the officer may handle, and about the subject.
        // An ill-formed one is left to the gateway, which refuses it as a bad request and logs the attempt.
        var grounds = context.RequestServices.GetService<IOfficerQueryGrounds>();
        var ground = !AccessRights.IsApplicationCode(applicationCode) ? QueryGround.Grounded
            : grounds is null ? QueryGround.UnknownApplication
            : await grounds.CheckAsync(applicationCode, subjectId, cancellationToken);
        if (ground != QueryGround.Grounded)
        {
            LogUngroundedQuery(loggers.CreateLogger("OneStop.Web.Exchange.OfficerQueries"), officerId, unit, applicationCode, ground);
            return TypedResults.Problem(statusCode: 403, title: "No grounds for this query", detail: ground switch
            {
                QueryGround.OutsideJurisdiction => $"Application {applicationCode} lies outside your jurisdiction.",
                QueryGround.SubjectNotInApplication => $"Application {applicationCode} is neither of nor about '{subjectId}'; query only the people and enterprises an application names.",
                _ => $"There is no application '{applicationCode}': a registry query must name an application you handle.",
            });
        }

        var result = await gateway.QueryAsync(new ExchangeQuery(
            ExchangeDefaults.OfficerWorkspace, body.Service ?? "", subjectId, EndUser.Officer(officerId, unit),
            body.Purpose ?? "", body.LegalBasis ?? "", applicationCode, body.Fields), cancellationToken);
        return result.Outcome switch
        {
            ExchangeOutcome.Delivered or ExchangeOutcome.NotFound => TypedResults.Ok(new OfficerQueryResponse(
                result.RequestId, ExchangeGateway.OutcomeName(result.Outcome), result.Service, result.Registry, result.Record,
                result.Fields, result.RetrievedAt, result.LogSequence)),
            ExchangeOutcome.Invalid => TypedResults.Problem(statusCode: 400, title: "Invalid registry query", detail: result.Reason),
            ExchangeOutcome.Refused => TypedResults.Problem(statusCode: 403, title: "Access right refused", detail: result.Reason),
            _ => TypedResults.Problem(statusCode: 503, title: "Registry unavailable", detail: result.Reason),
        };
    }

    private static async Task<Ok<LogVerification>> VerifyAsync(ExchangeLogVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verifier.VerifyAsync(cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<DataAccessRecord>>, ProblemHttpResult>> DataAccessAsync(
        ClaimsPrincipal user, DataAccessLog log, CancellationToken cancellationToken, [FromQuery] int limit = 200)
    {
        var pid = user.FindFirstValue(OneStopClaimTypes.PersonalIdNumber);
        if (string.IsNullOrEmpty(pid))
        {
            return TypedResults.Problem(statusCode: 403, title: "No personal identification number",
                detail: "This account carries no 'pid' claim, so there is no data to list.");
        }

        return TypedResults.Ok(await log.ForPersonAsync(pid, limit, cancellationToken));
    }
}
