using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Primitives;

namespace OneStop.Web.Shared.Web;

/// <summary>
/// What an address nobody serves answers. The fallback route takes every request that no endpoint accepts, also
/// one whose address exists but whose method or Content-Type does not fit; routing would otherwise have answered
/// 405 or 415, so on the API the fallback works out which of the three it is, and says it in problem details.
/// </summary>
public sealed class ApiFallback(EndpointDataSource endpoints)
{
    private Snapshot? _snapshot;

    public IResult Answer(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return Results.NotFound();
        }

        var matching = Routes().Where(r => r.Matcher.TryMatch(context.Request.Path, [])).Select(r => r.Endpoint).ToList();
        if (matching.Count == 0)
        {
            return Unknown(context);
        }

        var sameMethod = matching.Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } m
            || m.HttpMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)).ToList();
        if (sameMethod.Count == 0)
        {
            var allowed = matching.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods).Distinct().Order().ToList();
            context.Response.Headers.Allow = string.Join(", ", allowed);
            return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"'{context.Request.Path}' does not take {context.Request.Method}; it takes {string.Join(", ", allowed)}.");
        }

        var accepted = sameMethod.SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []).Distinct().ToList();
        return accepted.Count == 0
            ? Unknown(context)
            : Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: $"The body must be sent as {string.Join(" or ", accepted)} (Content-Type header); this request's Content-Type is '{context.Request.ContentType}'.");
    }

    private static IResult Unknown(HttpContext context) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown address",
        detail: $"The API has no endpoint at '{context.Request.Path}'; the OpenAPI document /openapi/v1.json lists them.");

    /// <summary>
    /// The endpoints with their templates parsed once. The token is taken before the endpoints are read, so that a
    /// change made while they are read leaves a snapshot that is already stale and is built again on the next request;
    /// two requests racing to build one each is harmless, as both build the same.
    /// </summary>
    private IReadOnlyList<Route> Routes()
    {
        if (_snapshot is { } snapshot && !snapshot.Token.HasChanged)
        {
            return snapshot.Routes;
        }

        var token = endpoints.GetChangeToken();
        var routes = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Order != int.MaxValue)
            .Select(e => new Route(e, new TemplateMatcher(new RouteTemplate(e.RoutePattern), [])))
            .ToList();
        _snapshot = new Snapshot(token, routes);
        return routes;
    }

    private sealed record Route(RouteEndpoint Endpoint, TemplateMatcher Matcher);

    private sealed record Snapshot(IChangeToken Token, IReadOnlyList<Route> Routes);
}
