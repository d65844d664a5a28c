using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OneStop.Web.Shared.Security;

/// <summary>The <c>RateLimiting</c> section: how many requests one client address may make per window.</summary>
public sealed class RateLimits
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in pages, the identity provider's endpoints and the sign-in callback.</summary>
    public Limit SignIn { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Every request under <c>/api</c>.</summary>
    public Limit Api { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    /// <summary>
    /// Anonymous look-ups by a pair of secrets (an application code and an ID number): few per client, so
    /// that nobody can try pairs in bulk. Counted for endpoints that name <see cref="RateLimitPolicies.PublicLookup"/>.
    /// </summary>
    public Limit PublicLookup { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Path prefixes that count as sign-in traffic.</summary>
    public IList<string> SignInPaths { get; } = ["/account", "/connect", "/identity-provider", "/signin-citizen"];

    public sealed class Limit
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }
    }
}

/// <summary>Named rate-limit policies an endpoint or page may add to the global limits.</summary>
public static class RateLimitPolicies
{
    /// <summary>
    /// A public look-up by secret values: limits a form post, or a GET that carries an <c>idNumber</c>
    /// query; other requests to the same endpoint (a signed-in owner's) pass.
    /// </summary>
    public const string PublicLookup = "public-lookup";
}

internal static class RateLimiting
{
    public static IServiceCollection AddOneStopRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimits>().BindConfiguration(RateLimits.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimits>>((options, configured) =>
        {
            var limits = configured.Value;
            var lookups = new ClientWindows("lookup", limits.PublicLookup);
            var api = new ClientWindows("api", limits.Api);
            var signIn = new ClientWindows("sign-in", limits.SignIn);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicies.PublicLookup, context =>
                HttpMethods.IsPost(context.Request.Method) || context.Request.Query.ContainsKey("idNumber")
                    ? lookups.Of(context)
                    : ClientWindows.Unlimited);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, ClientWindow>(context =>
            {
                var path = context.Request.Path;
                if (path.StartsWithSegments("/api"))
                {
                    return api.Of(context);
                }

                foreach (var prefix in limits.SignInPaths)
                {
                    if (path.StartsWithSegments(prefix))
                    {
                        return signIn.Of(context);
                    }
                }

                return ClientWindows.Unlimited;
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                    await problems.WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status429TooManyRequests,
                            Title = "Too many requests",
                            Detail = $"This client sent more requests than allowed; retry after {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
                        },
                    });
                }

                // Pages: the status-code page shows the Vietnamese explanation.
            };
        });
        return services;
    }

    /// <summary>A client's window of one kind; the client's address as the connection holds it, so that telling clients apart allocates nothing.</summary>
    private readonly record struct ClientWindow(string Kind, IPAddress? Client);

    /// <summary>
    /// The windows of one kind: the partition of a request is built from delegates made once, since the
    /// global limiter asks for one on every request.
    /// </summary>
    private sealed class ClientWindows(string kind, RateLimits.Limit limit)
    {
        public static readonly RateLimitPartition<ClientWindow> Unlimited = RateLimitPartition.GetNoLimiter(new ClientWindow("none", null));

        private readonly Func<ClientWindow, RateLimiter> _window = _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0,
        });

        public RateLimitPartition<ClientWindow> Of(HttpContext context) => new(new ClientWindow(kind, context.Connection.RemoteIpAddress), _window);
    }
}
