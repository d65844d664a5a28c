using Microsoft.AspNetCore.Mvc;

namespace OneStop.Web.Registries.Protocol;

public static class RegistryEndpoints
{
    /// <summary>
    /// Maps a registry query to HTTP GET. No user signs in here: the caller is authenticated by the
    /// gateway's signature in the <c>Exchange-Request</c> header, which the dispatcher checks.
    /// </summary>
    public static RouteHandlerBuilder MapRegistryQuery(
        this IEndpointRouteBuilder app, string pattern, string service, string subjectParameter, string summary)
    {
        return app.MapGet(pattern, async (HttpContext context, RegistryDispatcher dispatcher) =>
            {
                var subject = context.Request.RouteValues.TryGetValue(subjectParameter, out var routeValue)
                    ? routeValue?.ToString()
                    : context.Request.Query[subjectParameter].ToString();
                if (string.IsNullOrEmpty(subject))
                {
                    await Results.Problem(
                        statusCode: 400,
                        title: "Identifier required",
                        detail: $"The query needs the '{subjectParameter}' parameter.").ExecuteAsync(context);
                    return;
                }

                var reply = await dispatcher.HandleAsync(service, subject, context.Request.Headers[RegistryRequest.Header], context.RequestAborted);
                await RegistryDispatcher.WriteAsync(context, reply);
            })
            .AllowAnonymous()
            .WithName(service)
            .WithSummary(summary)
            .WithDescription($"Registry service '{service}'. Answers only a request signed by the exchange gateway (header '{RegistryRequest.Header}'); the body is signed by the registry (header '{RegistryEnvelope.SignatureHeader}').")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status404NotFound, contentType: "application/json")
            .Produces<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")
            .Produces<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json");
    }
}
