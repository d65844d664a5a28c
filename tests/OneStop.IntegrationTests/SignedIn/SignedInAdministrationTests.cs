using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Identity;
using OneStop.Web.Audit;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.SignedIn;

/// <summary>
/// What a province administrator does through the API once signed in through the real forms:
/// record the government's calendar decision for a year, and import a procedure version.
/// </summary>
public sealed class SignedInAdministrationTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    private const string HanoiAdministrator = "quantri.hanoi@onestop.example";
    private const string HungYenAdministrator = "quantri.hungyen@onestop.example";

    [Fact]
    public async Task A_province_administrator_records_the_year_of_their_own_province_only()
    {
        var hanoi = await app.SignInOfficerAsync(HanoiAdministrator);
        var decision = new
        {
            daysOff = new[]
            {
                new { date = "2031-01-01", reason = "Tết Dương lịch", decisionReference = "Thông báo 1/TB-BNV" },
                new { date = "2031-01-02", reason = "Nghỉ bù", decisionReference = "Thông báo 1/TB-BNV" },
            },
            workedDays = new[] { new { date = "2031-01-11", reason = "Làm bù cho ngày 02/01", decisionReference = "Thông báo 1/TB-BNV" } },
        };

        var recorded = await hanoi.PutAsJsonAsync("/api/calendar/2031?province=01", decision);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var body = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("changed").GetBoolean());

        var again = await hanoi.PutAsJsonAsync("/api/calendar/2031?province=01", decision);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());

        // The change went to the hash-chained audit trail once, by the signed-in officer; the repeat added nothing.
        await app.Services.GetRequiredService<AuditChainer>().ChainAllQueuedAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var audited = await db.Set<AuditEntry>().Where(e => e.Action == "calendar.year-recorded" && e.Subject == "01/2031").ToListAsync();
            var entry = Assert.Single(audited);
            Assert.StartsWith("officer:", entry.ActorId, StringComparison.Ordinal);
            Assert.Contains("recordedBy", entry.Details, StringComparison.Ordinal);
        }

        var year = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/2031?province=01");
        Assert.NotNull(year.GetProperty("confirmedAt").GetString());
        Assert.Contains(year.GetProperty("workedDays").EnumerateArray(), d => d.GetProperty("date").GetString() == "2031-01-11");
        Assert.Contains(year.GetProperty("daysOff").EnumerateArray(), d => d.GetProperty("date").GetString() == "2031-01-02");

        var elsewhere = await hanoi.PutAsJsonAsync("/api/calendar/2031?province=33", decision);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        var hungYen = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/2031?province=33");
        Assert.DoesNotContain(hungYen.GetProperty("workedDays").EnumerateArray(), d => d.GetProperty("date").GetString() == "2031-01-11");
    }

    [Fact]
    public async Task A_decision_with_a_bad_day_is_refused_and_changes_nothing()
    {
        var hungYen = await app.SignInOfficerAsync(HungYenAdministrator);
        var bad = new { daysOff = new[] { new { date = "2032-02-30", reason = "Ngày không có thật" } }, workedDays = Array.Empty<object>() };

        var response = await hungYen.PutAsJsonAsync("/api/calendar/2032?province=33", bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var year = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/2032?province=33");
        Assert.Equal(JsonValueKind.Null, year.GetProperty("confirmedAt").ValueKind);
    }

    [Fact]
    public async Task A_province_administrator_imports_a_new_version_once_and_other_roles_cannot()
    {
        var yaml = File.ReadAllText(Path.Combine(Repository.Root, "src/OneStop.Web/Catalog/Procedures/2.000815-chung-thuc-ban-sao.yaml"))
            .Replace("Mang bản chính đến bộ phận một cửa.", "Mang bản chính đến bộ phận một cửa của xã.", StringComparison.Ordinal);
        var administrator = await app.SignInOfficerAsync(HanoiAdministrator);

        var first = await administrator.PostAsync("/api/procedures/import", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(created.GetProperty("created").GetBoolean());
        var version = created.GetProperty("version").GetInt32();
        Assert.True(version >= 2);

        var repeated = await administrator.PostAsync("/api/procedures/import", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(version, (await repeated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        // The new version went to the hash-chained audit trail once, by the signed-in administrator; the repeat added
        // nothing. The version the repository's file published at start-up is there too, by the system.
        await app.Services.GetRequiredService<AuditChainer>().ChainAllQueuedAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var published = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Action == "catalog.procedure-published" && e.Subject == "procedure:2.000815")
                .OrderBy(e => e.Sequence)
                .ToListAsync();
            var imported = Assert.Single(published, e => e.Details!.Contains($"\"version\":\"{version}\"", StringComparison.Ordinal));
            Assert.StartsWith("officer:", imported.ActorId, StringComparison.Ordinal);
            Assert.Contains("\"source\":\"import\"", imported.Details, StringComparison.Ordinal);
            Assert.Contains(published, e => e.ActorId == "system" && e.Details!.Contains("\"source\":\"file:", StringComparison.Ordinal));
        }

        var current = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/procedures/2.000815");
        Assert.Contains("của xã", current.GetRawText(), StringComparison.Ordinal);
        var previous = await app.CreateClient().GetAsync($"/api/procedures/2.000815/versions/{version - 1}");
        Assert.Equal(HttpStatusCode.OK, previous.StatusCode);

        var specialist = await app.SignInOfficerAsync("chuyenvien.badinh@onestop.example");
        var refused = await specialist.PostAsync("/api/procedures/import", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_invalid_procedure_file_is_refused_with_its_problems()
    {
        var administrator = await app.SignInOfficerAsync(HungYenAdministrator);
        var response = await administrator.PostAsync("/api/procedures/import",
            new StringContent("code: \"9.999999\"\nname:\n  vi: Thiếu mọi thứ\n", Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var missing = await app.CreateClient().GetAsync("/api/procedures/9.999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // A bracket left open makes the YAML reader give up in its own way; still the author's file, still a 400.
        var unclosed = await administrator.PostAsync("/api/procedures/import",
            new StringContent("code: [\"9.999999\"\nname:\n  vi: Ngoặc chưa đóng\n", Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, unclosed.StatusCode);
        Assert.Contains("not valid YAML", await unclosed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

}
