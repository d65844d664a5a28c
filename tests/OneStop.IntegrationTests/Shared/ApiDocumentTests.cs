using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.IntegrationTests.Identity;
using OneStop.Web.Identity.Demo;

namespace OneStop.IntegrationTests.Shared;

/// <summary>
/// The OpenAPI document tells a client how to sign in and who may call each operation; these tests hold it to
/// what the running API does, operation by operation, so that the document cannot drift from the endpoints.
/// </summary>
public sealed class ApiDocumentTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    private sealed record Operation(string Method, string Path, JsonElement Body)
    {
        public bool IsApi => Path.StartsWith("/api/", StringComparison.Ordinal);

        public bool NeedsSession => Body.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;

        public bool Documents(string status) => Body.GetProperty("responses").TryGetProperty(status, out _);

        public string Description => Body.TryGetProperty("description", out var text) ? text.GetString() ?? "" : "";

        public override string ToString() => $"{Method} {Path}";
    }

    private async Task<(JsonElement Document, List<Operation> Operations)> ReadDocumentAsync()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                operations.Add(new Operation(operation.Name.ToUpperInvariant(), path.Name, operation.Value));
            }
        }

        return (document, operations);
    }

    /// <summary>A value each route parameter accepts, so that the request reaches authorization rather than a 404 of routing.</summary>
    private static string Concrete(string template) => Regex.Replace(template, @"\{([^}:]+)[^}]*\}", match => match.Groups[1].Value switch
    {
        "code" => "00004-251124-0001",
        "year" => "2026",
        "number" or "version" => "1",
        "pid" => "001099012345",
        "taxCode" => "0100109106",
        "serialNumber" => "0A1B",
        "id" => "00000000-0000-0000-0000-000000000001",
        "action" => "receive",
        _ => "x",
    });

    private static HttpRequestMessage Request(Operation operation)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), Concrete(operation.Path));
        if (operation.Body.TryGetProperty("requestBody", out _))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    [Fact]
    public async Task The_document_names_the_session_cookie_and_who_may_call_each_operation()
    {
        var (document, operations) = await ReadDocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("session");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("cookie", scheme.GetProperty("in").GetString());
        Assert.Equal("onestop.auth", scheme.GetProperty("name").GetString());

        var submit = operations.Single(o => o is { Method: "POST", Path: "/api/applications" });
        Assert.True(submit.NeedsSession);
        Assert.Contains("Who may call it: citizen.", submit.Description, StringComparison.Ordinal);
        Assert.All(new[] { "400", "401", "403", "413", "415", "429" }, status => Assert.True(submit.Documents(status), $"POST /api/applications lacks {status}"));

        var catalogue = operations.Single(o => o is { Method: "GET", Path: "/api/procedures" });
        Assert.False(catalogue.NeedsSession);
        Assert.False(catalogue.Documents("401"));
        Assert.True(catalogue.Documents("429"));
        Assert.False(catalogue.Documents("415"));

        // A capability's own policy is read for its roles too.
        var apology = operations.Single(o => o is { Method: "POST", Path: "/api/overdue/applications/{code}/apology" });
        Assert.Matches("Who may call it: .*unit-leader", apology.Description);

        // Outside /api nothing is rate-limited, and the document does not say otherwise.
        Assert.All(operations.Where(o => !o.Path.StartsWith("/api/", StringComparison.Ordinal)), o => Assert.False(o.Documents("429"), o.ToString()));
    }

    [Fact]
    public async Task Every_operation_that_needs_a_session_refuses_an_anonymous_caller_and_no_other_asks_for_one()
    {
        var (_, operations) = await ReadDocumentAsync();
        var anonymous = app.NewBrowser();
        var checkedOperations = 0;
        foreach (var operation in operations)
        {
            var response = await anonymous.SendAsync(Request(operation));
            if (operation.NeedsSession && operation.IsApi)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation}: {(int)response.StatusCode}, documented as needing a session");
                Assert.True(operation.Documents("401"), $"{operation} does not document its 401");
            }
            else if (operation.NeedsSession)
            {
                // A download linked from a page sends the browser to sign in, as the document says.
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{operation}: {(int)response.StatusCode}, documented as needing a session");
                Assert.Equal("/account/sign-in", response.Headers.Location is { IsAbsoluteUri: true } to ? to.AbsolutePath : response.Headers.Location?.OriginalString.Split('?')[0]);
                Assert.True(operation.Documents("302"), $"{operation} does not document its redirect");
            }
            else
            {
                // The registries answer 401 to a caller without the exchange's credentials, which they document themselves.
                Assert.True(response.StatusCode != HttpStatusCode.Unauthorized || operation.Path.StartsWith("/registries/", StringComparison.Ordinal), $"{operation}: 401, documented as open");
            }

            checkedOperations++;
        }

        Assert.True(checkedOperations > 40, $"only {checkedOperations} operations in the document");
    }

    [Fact]
    public async Task A_citizen_is_refused_every_operation_whose_roles_leave_citizens_out()
    {
        var (_, operations) = await ReadDocumentAsync();
        var citizen = await app.SignInCitizenAsync(DemoAccounts.Citizens[0].PersonalIdNumber);
        var officersOnly = operations.Where(o => o.NeedsSession && o.Description.Contains("Who may call it:", StringComparison.Ordinal)
            && !Regex.IsMatch(o.Description, @"Who may call it:[^\n]*\bcitizen\b")).ToList();
        Assert.NotEmpty(officersOnly);
        foreach (var operation in officersOnly)
        {
            var response = await citizen.SendAsync(Request(operation));
            if (operation.IsApi)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{operation}: {(int)response.StatusCode} for a citizen");
                Assert.True(operation.Documents("403"), $"{operation} does not document its 403");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{operation}: {(int)response.StatusCode} for a citizen");
                Assert.Equal("/error/403", response.Headers.Location is { IsAbsoluteUri: true } to ? to.AbsolutePath : response.Headers.Location?.OriginalString.Split('?')[0]);
            }
        }
    }
}
