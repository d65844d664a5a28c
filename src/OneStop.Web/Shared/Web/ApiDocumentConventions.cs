using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Shared.Web;

/// <summary>
/// What every operation of the API shares, written once into the OpenAPI document instead of on each endpoint:
/// who may call it (the session cookie and the roles its policy admits), and the answers OneStop's pipeline
/// gives before an endpoint runs (401/403 from the session, 400/413/415 for a body it cannot take, 429 from the
/// rate limiter). An endpoint that documents one of these itself keeps its own description.
/// </summary>
public static class ApiDocumentConventions
{
    public const string SessionSchemeName = "session";

    public static void Apply(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SessionSchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = OneStopAuthentication.SessionCookieName,
                Description =
                    "The session cookie set when a citizen signs in through the national identity provider or an " +
                    "officer signs in with a password and a second factor (see the README, Identity and access).",
            };
            return Task.CompletedTask;
        });

        options.AddOperationTransformer(async (operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            operation.Responses ??= [];

            var api = context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            if (!metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SessionSchemeName, context.Document)] = [],
                });
                var roles = await RolesAdmittedAsync(metadata, context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>());

                // Downloads outside /api are links on pages: a browser without the right session is sent to sign in.
                if (!api)
                {
                    AddIfAbsent(operation, "302", "No session: redirected to the sign-in page; a session without the roles: to the page that says so.", problem: false);
                }
                else
                {
                    AddIfAbsent(operation, "401", "No session, or the session has ended: sign in again.");
                }

                if (roles.Count > 0)
                {
                    if (api)
                    {
                        AddIfAbsent(operation, "403", $"The session's roles do not include one of: {string.Join(", ", roles)}.");
                    }

                    var who = $"Who may call it: {string.Join(", ", roles)}.";
                    operation.Description = string.IsNullOrEmpty(operation.Description) ? who : $"{operation.Description}\n\n{who}";
                }
            }

            if (operation.RequestBody is not null)
            {
                AddIfAbsent(operation, "400", "The body could not be read (not JSON, or a value of the wrong type), or a value is not valid.");
                AddIfAbsent(operation, "413", "The body is larger than this endpoint takes.");
                AddIfAbsent(operation, "415", "The body is not of a content type this endpoint takes.");
            }

            // The rate limiter counts every /api request; the registries and downloads outside /api are not limited.
            if (api)
            {
                AddIfAbsent(operation, "429", "Too many requests from this address: wait and try again (Retry-After says how long).");
            }
        });
    }

    /// <summary>The roles the endpoint's policies admit, read from the policies themselves so that a capability's own policy is told too.</summary>
    private static async Task<List<string>> RolesAdmittedAsync(IList<object> metadata, IAuthorizationPolicyProvider policies)
    {
        var requirements = new List<IAuthorizationRequirement>();
        foreach (var authorize in metadata.OfType<IAuthorizeData>())
        {
            if (authorize.Policy is { } name && await policies.GetPolicyAsync(name) is { } policy)
            {
                requirements.AddRange(policy.Requirements);
            }

            if (!string.IsNullOrEmpty(authorize.Roles))
            {
                requirements.Add(new RolesAuthorizationRequirement(authorize.Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        requirements.AddRange(metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements));

        // Every requirement must hold, so a caller needs a role each of them admits: the roles they have in common.
        var byRole = requirements.OfType<RolesAuthorizationRequirement>().ToList();
        return byRole.Count == 0
            ? []
            : [.. byRole.Skip(1).Aggregate(byRole[0].AllowedRoles.Distinct(StringComparer.Ordinal), (common, next) => common.Intersect(next.AllowedRoles, StringComparer.Ordinal))];
    }

    private static void AddIfAbsent(OpenApiOperation operation, string status, string description, bool problem = true)
    {
        if (!operation.Responses!.ContainsKey(status))
        {
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = problem ? new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType() } : null,
            };
        }
    }
}
