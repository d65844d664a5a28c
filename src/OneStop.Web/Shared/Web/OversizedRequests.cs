using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace OneStop.Web.Shared.Web;

/// <summary>
/// Answers 413 before anything reads a page's form when the request says it is larger than the page accepts.
/// Without this, the antiforgery check is the first to read the form, the server refuses the body there, and the
/// person sees a bare "invalid request" instead of being told the file was too large.
/// </summary>
public static class OversizedRequests
{
    private const string LimitItem = "OneStop.RequestSizeLimit";

    public static IApplicationBuilder UseOversizedRequestRefusal(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            if (context.Request.ContentLength is not { } length
                || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                return next(context);
            }

            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            if (limit is null || length <= limit)
            {
                return next(context);
            }

            context.Items[LimitItem] = limit.Value;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        });

    /// <summary>The limit a refused request exceeded, for the error page that explains the refusal.</summary>
    public static long? RefusedLimit(HttpContext context) =>
        context.Items.TryGetValue(LimitItem, out var limit) && limit is long bytes ? bytes : null;
}
