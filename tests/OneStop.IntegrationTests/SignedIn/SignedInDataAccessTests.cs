using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Applications;
using OneStop.IntegrationTests.Identity;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;

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

    private static Task<HttpResponseMessage> QueryAnAsync(HttpClient officer, string applicationCode, string subjectId = An) =>
        officer.PostAsJsonAsync("/api/exchange/queries", new
        {
            service = "population.person",
            subjectId,
            purpose = "application-verification",
            legalBasis = "118/2025/NĐ-CP",
            applicationCode,
        });

    /// <summary>A real application, so that the officer's query has the grounds the API asks for.</summary>
    private async Task<string> SubmitAsync(string procedure, string commune, string idNumber = An, string name = "Nguyễn Văn An")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().SubmitAsync(new SubmissionRequest
        {
            ProcedureCode = procedure,
            Channel = ApplicationChannel.Online,
            ApplicantIdNumber = idNumber,
            ApplicantName = name,
            CommuneCode = commune,
            Values = SampleAnswers.For(procedure, idNumber, name, commune),
            SubmittedBy = StepActor.Citizen(idNumber, name),
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.FieldKey + ": " + e.Message.En)));
        return result.Application!.Code;
    }

    [Fact]
    public async Task An_officers_registry_query_appears_in_the_citizens_own_access_list()
    {
        var officer = await app.SignInOfficerAsync("chuyenvien.phohien@onestop.example");
        var applicationCode = await SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.PhoHien);
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
    public async Task A_query_whose_subject_and_code_carry_spaces_reads_and_logs_the_trimmed_values_it_was_admitted_on()
    {
        var officer = await app.SignInOfficerAsync("lanhdao.phohien@onestop.example");
        var applicationCode = await SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.PhoHien);

        // The grounds are judged on the trimmed values; the registry must then be asked about the same ones.
        var query = await QueryAnAsync(officer, " " + applicationCode + " ", " " + An + " ");
        Assert.True(query.StatusCode == HttpStatusCode.OK, $"{(int)query.StatusCode}: {await query.Content.ReadAsStringAsync()}");
        var answer = await query.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Nguyễn Văn An", answer.GetProperty("record").GetProperty("fullName").GetString());

        var list = await (await app.SignInCitizenAsync(An)).GetFromJsonAsync<JsonElement>("/api/me/data-access");
        Assert.Single(list.EnumerateArray(), e => e.GetProperty("applicationCode").GetString() == applicationCode);
    }

    [Fact]
    public async Task The_access_list_names_the_officers_unit_and_the_fields_read_in_the_citizens_words()
    {
        var officer = await app.SignInOfficerAsync("chuyenvien.phohien@onestop.example");
        var applicationCode = await SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.PhoHien);
        var query = await QueryAnAsync(officer, applicationCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        // A province department's officer is named by the department and its province, not by the code 33-CA.
        var criminalRecord = await SubmitAsync(SampleAnswers.CriminalRecord, SampleAnswers.PhoHien);
        Assert.StartsWith("33-CA-", criminalRecord, StringComparison.Ordinal);
        var police = await QueryAnAsync(await app.SignInOfficerAsync("chuyenvien.ca.hungyen@onestop.example"), criminalRecord);
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
        var applicationCode = await SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, Binh, "Trần Thị Bình");
        var response = await officer.PostAsJsonAsync("/api/exchange/queries", new
        {
            service = "population.person",
            subjectId = Binh,
            purpose = "curiosity",
            legalBasis = "118/2025/NĐ-CP",
            applicationCode,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("curiosity", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_queries_only_for_an_application_of_the_jurisdiction_that_names_the_person()
    {
        var phoHien = await SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.PhoHien);

        // An officer of Ba Đình (Hà Nội) has no application of An's: a made-up code, or Phố Hiến's, reads nothing.
        var elsewhere = await app.SignInOfficerAsync("tiepnhan.badinh@onestop.example");
        var madeUp = await QueryAnAsync(elsewhere, "00004-261123-0007");
        Assert.Equal(HttpStatusCode.Forbidden, madeUp.StatusCode);
        Assert.Contains("There is no application", await madeUp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var outside = await QueryAnAsync(elsewhere, phoHien);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("outside your jurisdiction", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Phố Hiến's officer, for An's own application, still cannot read Bình, whom it does not name.
        var officer = await app.SignInOfficerAsync("tiepnhan.phohien@onestop.example");
        var stranger = await QueryAnAsync(officer, phoHien, Binh);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("neither of nor about", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A query that names no application or no subject is a bad request, not a refusal.
        var unnamed = await officer.PostAsJsonAsync("/api/exchange/queries", new { service = "population.person", subjectId = An });
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("applicationCode", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An ill-formed code is the gateway's bad request, as before there were grounds to check.
        var illFormed = await QueryAnAsync(officer, "x");
        Assert.Equal(HttpStatusCode.BadRequest, illFormed.StatusCode);
        Assert.Contains("application code must be", await illFormed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // None of the three reached a registry, so neither An nor Bình sees them.
        var an = await (await app.SignInCitizenAsync(An)).GetFromJsonAsync<JsonElement>("/api/me/data-access");
        Assert.DoesNotContain(an.EnumerateArray(), e => e.GetProperty("applicationCode").GetString() is "00004-261123-0007");
        Assert.DoesNotContain(an.EnumerateArray(), e => e.GetProperty("applicationCode").GetString() == phoHien);
        var binh = await (await app.SignInCitizenAsync(Binh)).GetFromJsonAsync<JsonElement>("/api/me/data-access");
        Assert.DoesNotContain(binh.EnumerateArray(), e => e.GetProperty("applicationCode").GetString() == phoHien);
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
