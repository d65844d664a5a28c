using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Shared;

public sealed class HostTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task Runs_on_the_provider_the_run_asks_for()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var expected = TestDatabase.RunProvider == DatabaseProvider.Postgres
            ? "Npgsql.EntityFrameworkCore.PostgreSQL"
            : "Microsoft.EntityFrameworkCore.Sqlite";
        Assert.Equal(expected, db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Liveness_answers_without_touching_the_database()
    {
        var response = await app.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_checks_the_database()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_are_exported_in_Prometheus_format()
    {
        var client = app.CreateClient();
        await client.GetAsync("/health/live");
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE", text);
        Assert.Contains("http_server_request_duration", text);
    }

    [Fact]
    public async Task The_OpenAPI_document_and_the_API_reference_are_served()
    {
        var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal("OneStop API", document.GetProperty("info").GetProperty("title").GetString());
        var reference = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await app.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.NotEmpty(response.Headers.GetValues("Referrer-Policy"));
    }

    [Theory]
    [InlineData("/api/procedures")]
    [InlineData("/api/no-such-thing")]
    public async Task A_JSON_answer_carries_the_headers_that_matter_to_a_JSON_answer(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.EndsWith("json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("Permissions-Policy"));
    }

    [Fact]
    public async Task An_unknown_API_path_answers_with_problem_details()
    {
        var response = await app.CreateClient().GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_page_answers_with_a_page_in_Vietnamese()
    {
        var response = await app.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không tìm thấy trang", html);
        Assert.Contains("lang=\"vi\"", html);
    }

    [Theory]
    [InlineData("/", "Trang chủ – OneStop")]
    [InlineData("/procedures", "Thủ tục hành chính – OneStop")]
    [InlineData("/applications/lookup", "Tra cứu hồ sơ – OneStop")]
    [InlineData("/calendar", "Lịch làm việc – OneStop")]
    [InlineData("/verify", "Kiểm tra văn bản điện tử – OneStop")]
    [InlineData("/no-such-page", "Không tìm thấy trang – OneStop")]
    public async Task Each_page_is_titled_with_what_it_is(string path, string title)
    {
        var html = await (await app.CreateClient().GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains($"<title>{title}</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_turns_the_pages_into_English_and_back()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var switched = await client.GetAsync("/language/en?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location?.OriginalString);
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("onestop.lang=", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var english = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("lang=\"en\"", english);
        Assert.Contains("Administrative units", english);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_language_switch_never_redirects_elsewhere(string returnUrl)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync($"/language/en?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_with_problem_details()
    {
        var response = await app.CreateClient().GetAsync("/language/fr");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class QuietBannerAppFactory : OneStopAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Hosting:StartupBanner", "false")];
}

/// <summary>A program that embeds the host for output of its own (the benchmarks) turns the banner off.</summary>
public sealed class StartupBannerSettingTests(QuietBannerAppFactory quiet, OneStopAppFactory usual)
    : IClassFixture<QuietBannerAppFactory>, IClassFixture<OneStopAppFactory>
{
    private static bool HasBanner(IServiceProvider services) =>
        services.GetServices<IHostedService>().Any(service => service is StartupBanner);

    [Fact]
    public async Task The_banner_is_printed_unless_the_setting_turns_it_off()
    {
        Assert.True(HasBanner(usual.Services));
        Assert.False(HasBanner(quiet.Services));
        Assert.Equal(HttpStatusCode.OK, (await quiet.CreateClient().GetAsync("/health/live")).StatusCode);
    }
}
