using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.IntegrationTests.Identity;

namespace OneStop.IntegrationTests.SignedIn;

/// <summary>
/// "Who used my data" through the real sign-ins: an officer queries a registry through the gateway for
/// an application, and the citizen whose data it was sees that query in their own list, and nobody
/// else's.
/// </summary>
public sealed class SignedInDataAccessTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    private const string An = "033085001234";
    private const string Binh = "033188004321";

    private static Task<HttpResponseMessage> QueryAnAsync(HttpClient officer, string applicationCode) =>
        officer.PostAsJsonAsync("/api/exchange/queries", new
        {
            service = "population.person",
            subjectId = An,
            purpose = "application-verification",
            legalBasis = "118/2025/NĐ-CP",
            applicationCode,
        });

    [Fact]
    public async Task An_officers_registry_query_appears_in_the_citizens_own_access_list()
    {
        var officer = await app.SignInOfficerAsync("chuyenvien.phohien@onestop.example");
        var applicationCode = "11953-261123-0042";
        var query = await QueryAnAsync(officer, applicationCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        var answer = await query.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Nguyễn Văn An", answer.GetProperty("record").GetProperty("fullName").GetString());

        var an = await app.SignInCitizenAsync(An);
        var list = await an.GetFromJsonAsync<JsonElement>("/api/me/data-access");
        var entry = Assert.Single(list.EnumerateArray(), e => e.GetProperty("applicationCode").GetString() == applicationCode);
        Assert.Equal("application-verification", entry.GetProperty("purpose").GetString());
        Assert.Equal("118/2025/NĐ-CP", entry.GetProperty("legalBasis").GetString());
        Assert.Equal("11953", entry.GetProperty("unit").GetString());
        Assert.Contains(entry.GetProperty("fields").EnumerateArray(), f => f.GetString() == "fullName");

        var page = await an.GetAsync("/my-data/access-log");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(applicationCode, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var binh = await app.SignInCitizenAsync(Binh);
        var other = await binh.GetFromJsonAsync<JsonElement>("/api/me/data-access");
        Assert.DoesNotContain(other.EnumerateArray(), e => e.GetProperty("applicationCode").GetString() == applicationCode);
    }

    [Fact]
    public async Task The_access_list_names_the_officers_unit_and_the_fields_read_in_the_citizens_words()
    {
        var officer = await app.SignInOfficerAsync("chuyenvien.phohien@onestop.example");
        var applicationCode = "11953-261123-0043";
        var query = await QueryAnAsync(officer, applicationCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        // A province department's officer is named by the department and its province, not by the code 33-CA.
        var police = await QueryAnAsync(await app.SignInOfficerAsync("chuyenvien.ca.hungyen@onestop.example"), "33-CA-261123-0044");
        Assert.True(police.StatusCode == HttpStatusCode.OK, await police.Content.ReadAsStringAsync());

        var an = await app.SignInCitizenAsync(An);
        var page = await an.GetStringAsync("/my-data/access-log");
        Assert.Contains("Cán bộ của Phường Phố Hiến", page, StringComparison.Ordinal);
        Assert.Contains("Cán bộ của Công an tỉnh Hưng Yên", page, StringComparison.Ordinal);
        Assert.Contains("Họ, chữ đệm và tên", page, StringComparison.Ordinal);
        Assert.Contains("Ngày sinh", page, StringComparison.Ordinal);
        Assert.DoesNotContain("fullName", page, StringComparison.Ordinal);
        Assert.DoesNotContain("11953<", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await an.GetAsync("/language/en?returnUrl=%2F")).StatusCode);
        var english = await an.GetStringAsync("/my-data/access-log");
        Assert.Contains("An officer of Phường Phố Hiến", english, StringComparison.Ordinal);
        Assert.Contains("Full name", english, StringComparison.Ordinal);
        Assert.Contains("Date of birth", english, StringComparison.Ordinal);
        Assert.DoesNotContain("dateOfBirth", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_without_a_known_purpose_is_refused_and_still_shown_to_the_citizen()
    {
        var officer = await app.SignInOfficerAsync("chuyenvien.badinh@onestop.example");
        var response = await officer.PostAsJsonAsync("/api/exchange/queries", new
        {
            service = "population.person",
            subjectId = Binh,
            purpose = "curiosity",
            legalBasis = "118/2025/NĐ-CP",
            applicationCode = "00004-261123-0007",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("curiosity", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officers_cannot_read_a_citizens_access_list_and_citizens_cannot_query_registries()
    {
        var officer = await app.SignInOfficerAsync("tiepnhan.badinh@onestop.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/me/data-access")).StatusCode);

        var citizen = await app.SignInCitizenAsync(An);
        var query = await citizen.PostAsJsonAsync("/api/exchange/queries", new { service = "population.person", subjectId = Binh });
        Assert.Equal(HttpStatusCode.Forbidden, query.StatusCode);
    }
}
