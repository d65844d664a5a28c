using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Identity.Demo;
using OneStop.Web.Shared.Security;

namespace OneStop.IntegrationTests.Identity;

/// <summary>
/// Walks every officer endpoint the application maps, as every demo officer (each role in communes,
/// a department and the provinces), a citizen and an anonymous caller, over units inside and outside
/// their jurisdictions, and checks the real answer against the endpoint's <see cref="OfficerAccessAttribute"/>.
/// The expected jurisdictions are written out here, not taken from the application's own code.
/// </summary>
public sealed class AccessMatrixTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    /// <summary>Units the scoped endpoints are asked about: own, neighbouring, other province, departments.</summary>
    private static readonly (string Province, string? Unit)[] Targets =
    [
        ("01", "00004"), // Phường Ba Đình, Hà Nội
        ("01", "00008"), // Phường Ngọc Hà, Hà Nội
        ("01", null), // Hà Nội as a whole
        ("33", "11953"), // Phường Phố Hiến, Hưng Yên
        ("33", "33-STP"), // Sở Tư pháp tỉnh Hưng Yên
    ];

    private static readonly HashSet<string> OfficerPolicies =
    [
        Policies.Officer, Policies.Receptionist, Policies.Specialist, Policies.UnitLeader,
        Policies.ProvinceAdministrator, Policies.SystemAdministrator, Policies.UnitManagement,
    ];

    [Fact]
    public void Every_endpoint_declares_who_may_use_it()
    {
        var undeclared = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(Describe)
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints relying on the fallback policy instead of naming who may use them:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public async Task Every_officer_endpoint_answers_exactly_as_declared_for_every_role_and_unit()
    {
        var officerEndpoints = Endpoints().Where(IsOfficerEndpoint).ToList();
        var undeclared = officerEndpoints.Where(e => e.Metadata.GetMetadata<OfficerAccessAttribute>() is null).Select(Describe).ToList();
        Assert.True(undeclared.Count == 0,
            "Officer endpoints without an [OfficerAccess] declaration (see docs/conventions.md):\n" + string.Join("\n", undeclared));
        Assert.Contains(officerEndpoints, e => e.RoutePattern.RawText == "/api/admin/audit/verify");

        var callers = new List<Caller> { new("anonymous", null, null, null, app.NewBrowser()) };
        callers.Add(new("citizen", Roles.Citizen, null, null, await app.SignInCitizenAsync("033090005678")));
        foreach (var officer in DemoAccounts.Officers)
        {
            callers.Add(new(officer.Email, officer.Role, officer.ProvinceCode, officer.UnitCode, await app.SignInOfficerAsync(officer.Email)));
        }

        var mismatches = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in officerEndpoints)
        {
            var access = endpoint.Metadata.GetMetadata<OfficerAccessAttribute>()!;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            var method = methods is { Count: > 0 } ? methods[0] : HttpMethods.Get;
            var targets = access.IsUnitScoped ? Targets : [("", null)];
            foreach (var (province, unit) in targets)
            {
                var path = RequestPath(endpoint, access, province, unit);
                foreach (var caller in callers)
                {
                    var expected = caller.Role is not null && access.Roles.Contains(caller.Role)
                        && (!access.IsUnitScoped || Covers(caller, province, unit));
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (access.ExampleBody is not null)
                    {
                        request.Content = new StringContent(access.ExampleBody, System.Text.Encoding.UTF8, "application/json");
                    }

                    var response = await caller.Browser.SendAsync(request);
                    Assert.True((int)response.StatusCode < 500, $"{method} {path} as {caller.Name} failed with {(int)response.StatusCode}.");
                    var allowed = !IsDenial(response);
                    checkedCount++;
                    if (allowed != expected)
                    {
                        mismatches.Add($"{method} {path} as {caller.Name}: expected {(expected ? "allowed" : "denied")}, got {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(checkedCount >= officerEndpoints.Count * callers.Count);
    }

    /// <summary>The rule, restated independently: a commune officer covers its commune; a department or province officer its province; the system administrator everything.</summary>
    private static bool Covers(Caller caller, string province, string? unit) => caller.Role switch
    {
        Roles.SystemAdministrator => true,
        Roles.ProvinceAdministrator => province == caller.Province,
        _ when caller.Unit!.All(char.IsAsciiDigit) => province == caller.Province && unit == caller.Unit,
        _ => province == caller.Province,
    };

    private static bool IsDenial(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/account/sign-in", StringComparison.Ordinal) || location.Contains("/error/403", StringComparison.Ordinal));
    }

    private static string RequestPath(RouteEndpoint endpoint, OfficerAccessAttribute access, string province, string? unit)
    {
        var template = access.ExampleRequest ?? "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
        return template.Replace("{province}", province, StringComparison.Ordinal)
            .Replace("{unit}", Uri.EscapeDataString(unit ?? ""), StringComparison.Ordinal);
    }

    private bool IsOfficerEndpoint(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<OfficerAccessAttribute>() is not null)
        {
            return true;
        }

        return endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a =>
            (a.Policy is not null && OfficerPolicies.Contains(a.Policy))
            || (a.Roles ?? "").Split(',', StringSplitOptions.TrimEntries).Any(Roles.Officers.Contains));
    }

    private List<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string Describe(RouteEndpoint endpoint) => $"{endpoint.RoutePattern.RawText} ({endpoint.DisplayName})";

    private sealed record Caller(string Name, string? Role, string? Province, string? Unit, HttpClient Browser);
}
