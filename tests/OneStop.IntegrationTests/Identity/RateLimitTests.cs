using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.IntegrationTests.Identity;

public sealed class RateLimitedAppFactory : IdentityAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("RateLimiting:Api:PermitLimit", "3"),
        new("RateLimiting:Api:WindowSeconds", "3600"),
        new("RateLimiting:SignIn:PermitLimit", "2"),
        new("RateLimiting:SignIn:WindowSeconds", "3600"),
    ];
}

public sealed class RateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task Past_the_limit_the_API_answers_429_with_problem_details()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/officers/me")).StatusCode);
        }

        var limited = await client.GetAsync("/api/officers/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter is not null);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("retry after", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Sign-in pages have a limit of their own, and say so in Vietnamese.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        var page = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Quá nhiều yêu cầu", await page.Content.ReadAsStringAsync());

        // Other pages are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
