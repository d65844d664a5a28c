using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Identity.Officers;

/// <summary>The signed-in officer, as the API shows it.</summary>
public sealed record OfficerProfile(
    string Id,
    string Email,
    string FullName,
    string ProvinceCode,
    string UnitCode,
    string UnitName,
    IReadOnlyList<string> Roles,
    string Jurisdiction);

/// <summary>An officer in a list of a unit's officers.</summary>
public sealed record OfficerSummary(
    string Id,
    string Email,
    string FullName,
    string ProvinceCode,
    string UnitCode,
    string UnitName,
    IReadOnlyList<string> Roles,
    bool AuthenticatorEnrolled,
    bool LockedOut);

/// <summary>Whoever is signed in, citizen or officer.</summary>
public sealed record SignedInUser(
    string Kind,
    string? FullName,
    string? PersonalIdNumber,
    string? AssuranceLevel,
    IReadOnlyList<string> Roles,
    string? ProvinceCode,
    string? UnitCode);

internal static class OfficersApi
{
    public static IEndpointRouteBuilder MapOfficersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/account/me", (ClaimsPrincipal user) =>
            {
                var roles = Roles.Officers.Append(Roles.Citizen).Where(user.IsInRole).ToList();
                return TypedResults.Ok(new SignedInUser(
                    user.IsInRole(Roles.Citizen) ? "citizen" : "officer",
                    user.FindFirst(OneStopClaimTypes.FullName)?.Value,
                    user.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value,
                    user.FindFirst(OneStopClaimTypes.AssuranceLevel)?.Value,
                    roles,
                    user.FindFirst(OneStopClaimTypes.ProvinceCode)?.Value,
                    user.FindFirst(OneStopClaimTypes.UnitCode)?.Value));
            })
            .WithTags("Identity")
            .WithName("GetSignedInUser")
            .WithSummary("Who is signed in: a citizen (personal ID number, name, assurance level) or an officer.")
            .Produces<SignedInUser>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireAuthorization(Policies.SignedIn);

        var officers = app.MapGroup("/api/officers").WithTags("Identity");

        officers.MapGet("/me", async Task<Results<Ok<OfficerProfile>, ProblemHttpResult>> (
                ICurrentOfficer current, OneStopDbContext db, CancellationToken cancellationToken) =>
            {
                var officer = await db.Set<Officer>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == current.Id, cancellationToken);
                if (officer is null)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found", detail: "The signed-in officer's account no longer exists.");
                }

                return TypedResults.Ok(new OfficerProfile(
                    officer.Id, officer.Email ?? "", officer.FullName, officer.ProvinceCode, officer.UnitCode, officer.UnitName,
                    current.Roles, current.Jurisdiction.ToString()));
            })
            .WithName("GetCurrentOfficer")
            .WithSummary("The signed-in officer: unit, roles and jurisdiction.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.Officer)
            .WithMetadata(new OfficerAccessAttribute([.. Roles.Officers]));

        officers.MapGet("/", async Task<Results<Ok<IReadOnlyList<OfficerSummary>>, ProblemHttpResult, ValidationProblem>> (
                string? province, string? unit, ICurrentOfficer current, OneStopDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            {
                unit = string.IsNullOrWhiteSpace(unit) ? null : unit;
                if (!UnitCodes.IsProvince(province))
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["province"] = ["Give the 2-digit province code, e.g. province=01."] },
                        title: "The province is missing or malformed");
                }

                if (unit is not null && !UnitCodes.IsUnitOf(province!, unit))
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["unit"] = [$"Give a 5-digit commune code or a department code of province {province}, e.g. {province}-STP."] },
                        title: "The unit is malformed");
                }

                if (!current.Jurisdiction.CoversUnit(province!, unit))
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Outside your jurisdiction",
                        detail: $"Your jurisdiction is {current.Jurisdiction}; it does not cover {(unit is null ? "province " + province : "unit " + unit + " of province " + province)}.");
                }

                var query = db.Set<Officer>().AsNoTracking().Where(o => o.ProvinceCode == province);
                if (unit is not null)
                {
                    query = query.Where(o => o.UnitCode == unit);
                }

                var list = await query.WithinJurisdiction(current.Jurisdiction)
                    .Select(o => new { o.Id, o.Email, o.FullName, o.ProvinceCode, o.UnitCode, o.UnitName, o.TwoFactorEnabled, o.LockoutEnd })
                    .ToListAsync(cancellationToken);
                list = [.. list.OrderBy(o => o.UnitCode, StringComparer.Ordinal).ThenBy(o => o.FullName, VietnameseNames.Order)];
                var ids = list.Select(o => o.Id).ToList();
                var roles = await (from link in db.Set<IdentityUserRole<string>>()
                                   join role in db.Set<IdentityRole>() on link.RoleId equals role.Id
                                   where ids.Contains(link.UserId)
                                   select new { link.UserId, role.Name }).ToListAsync(cancellationToken);
                var now = time.GetUtcNow();
                IReadOnlyList<OfficerSummary> result = list.Select(o => new OfficerSummary(
                    o.Id, o.Email ?? "", o.FullName, o.ProvinceCode, o.UnitCode, o.UnitName,
                    roles.Where(r => r.UserId == o.Id).Select(r => r.Name!).Order().ToList(),
                    o.TwoFactorEnabled,
                    o.LockoutEnd > now)).ToList();
                return TypedResults.Ok(result);
            })
            .WithName("ListOfficers")
            .WithSummary("The officers of a province, or of one of its units, within the caller's jurisdiction.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireAuthorization(Policies.UnitManagement)
            .WithMetadata(new OfficerAccessAttribute(Roles.UnitLeader, Roles.ProvinceAdministrator, Roles.SystemAdministrator)
            {
                ProvinceParameter = "province",
                UnitParameter = "unit",
                ExampleRequest = "/api/officers?province={province}&unit={unit}",
            });
        return app;
    }
}
