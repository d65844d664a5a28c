using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace OneStop.Web.Shared.Web;

/// <summary>
/// What an address nobody serves answers. The fallback route takes every request that no endpoint accepts, also
/// one whose address exists but whose method or Content-Type does not fit; routing would otherwise have answered
/// 405 or 415, so on the API the fallback works out which of the three it is, and says it in problem details.
/// </summary>
public static class ApiFallback
{
    public static IResult Answer(HttpContext context, EndpointDataSource endpoints)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return Results.NotFound();
        }

        var matching = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Order != int.MaxValue && Matches(e, context.Request.Path))
            .ToList();
        if (matching.Count == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown address",
                detail: $"The API has no endpoint at '{context.Request.Path}'; the OpenAPI document /openapi/v1.json lists them.");
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
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown address",
                detail: $"The API has no endpoint at '{context.Request.Path}'; the OpenAPI document /openapi/v1.json lists them.")
            : Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: $"The body must be sent as {string.Join(" or ", accepted)} (Content-Type header); this request's Content-Type is '{context.Request.ContentType}'.");
    }

    private static bool Matches(RouteEndpoint endpoint, PathString path) =>
        new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []).TryMatch(path, []);
}
