namespace OneStop.Web.Shared.Security;

/// <summary>Headers that make every response safe by default; pages need no script from elsewhere.</summary>
public static class SecurityHeaders
{
    private const string PageContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    // The API reference page is a script application with inline bootstrapping.
    private const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    // A JSON answer is read by programs, never rendered as a document: it needs what keeps a browser from sniffing
    // or framing it and nothing that governs a page's scripts, referrers or features (the OWASP REST set).
    private const string JsonContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    // A delegate made once with the context as its state: this runs on every request, and a closure over the
    // context would be two allocations more each time.
    private static readonly Func<object, Task> AddHeaders = state =>
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        if (IsJson(context.Response.ContentType))
        {
            headers.ContentSecurityPolicy = JsonContentSecurityPolicy;
            return Task.CompletedTask;
        }

        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
            ? ApiReferenceContentSecurityPolicy
            : PageContentSecurityPolicy;
        return Task.CompletedTask;
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(next => context =>
        {
            context.Response.OnStarting(AddHeaders, context);
            return next(context);
        });

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase));
}
