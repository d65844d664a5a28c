using Microsoft.AspNetCore.Authorization;

namespace OneStop.Web.Shared.Security;

/// <summary>The resource (an <see cref="IUnitScoped"/>) must lie in the user's jurisdiction.</summary>
public sealed class JurisdictionRequirement : IAuthorizationRequirement;

internal sealed class JurisdictionAuthorizationHandler : AuthorizationHandler<JurisdictionRequirement, IUnitScoped>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, JurisdictionRequirement requirement, IUnitScoped resource)
    {
        if (Jurisdiction.From(context.User).CoversUnit(resource.ProvinceCode, resource.UnitCode))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
