using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Applications;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Exchange.DataAccess;
using static OneStop.IntegrationTests.Identity.IdentityAppFactory;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>
/// An officer cross-checks an application's answers against the registries: the applicant's own and another
/// person's named by an ID number in the form, each reading logged for the person whose data it is.
/// </summary>
public sealed class RegistryCrossCheckTests(WorkspaceAppFactory app) : IClassFixture<WorkspaceAppFactory>
{
    private const string An = "033085001234";
    private const string Binh = "033188004321";

    /// <summary>An asks for his wife Bình's criminal record certificate, with her name written loosely and her birth date wrong.</summary>
    private async Task<Application> SubmitForBinhAsync()
    {
        var values = SampleAnswers.For(SampleAnswers.CriminalRecord, An, "Nguyễn Văn An", SampleAnswers.PhoHien);
        values["applyingForSelf"] = "no";
        values["proxyRelationship"] = "spouse";
        values["personIdNumber"] = Binh;
        values["personFullName"] = "trần  thị   BÌNH";
        values["personDateOfBirth"] = "1988-07-21";
        values["personSex"] = "female";
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().SubmitAsync(new SubmissionRequest
        {
            ProcedureCode = SampleAnswers.CriminalRecord,
            Channel = ApplicationChannel.Online,
            ApplicantIdNumber = An,
            ApplicantName = "Nguyễn Văn An",
            CommuneCode = SampleAnswers.PhoHien,
            Email = "an@example.vn",
            Phone = "0912345678",
            Values = values,
            SubmittedBy = StepActor.Citizen(An, "Nguyễn Văn An"),
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.FieldKey + ": " + e.Message.En)));
        return result.Application!;
    }

    [Fact]
    public async Task The_API_reads_the_person_named_in_the_form_and_says_which_answers_differ()
    {
        var application = await SubmitForBinhAsync();
        var officer = await app.OfficerAsync(Officers.PoliceReceptionist);

        var response = await officer.PostAsync($"/api/workspace/applications/{application.Code}/cross-check", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var report = JsonDocument.Parse(text).RootElement;
        var lines = report.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("field").GetString()!);

        // Bình's data, read by her ID number, not An's: the applicant's own record would make every line differ.
        Assert.All(lines.Values, l => Assert.Equal(Binh, l.GetProperty("subjectIdNumber").GetString()));
        Assert.Equal("matches", lines["personFullName"].GetProperty("outcome").GetString());
        Assert.Equal("Trần Thị Bình", lines["personFullName"].GetProperty("registered").GetString());
        Assert.Equal("differs", lines["personDateOfBirth"].GetProperty("outcome").GetString());
        Assert.Equal("21/07/1988", lines["personDateOfBirth"].GetProperty("declared").GetString());
        Assert.Equal("20/07/1988", lines["personDateOfBirth"].GetProperty("registered").GetString());
        Assert.Equal("matches", lines["personSex"].GetProperty("outcome").GetString());
        Assert.Equal("population", lines["personSex"].GetProperty("registry").GetString());

        // The ID number the others are read by is the key of the reading, not an answer to confirm.
        Assert.False(lines.ContainsKey("personIdNumber"));
        Assert.Equal(lines.Values.Count(l => l.GetProperty("outcome").GetString() == "differs"), report.GetProperty("differences").GetInt32());

        // Bình sees that the provincial police read her data for this application.
        await using var scope = app.Services.CreateAsyncScope();
        var seen = await scope.ServiceProvider.GetRequiredService<DataAccessLog>().ForPersonAsync(Binh, 200, CancellationToken.None);
        var reading = Assert.Single(seen, r => r.ApplicationCode == application.Code);
        Assert.Equal("officer", reading.EndUserKind);
        Assert.Equal("33-CA", reading.Unit);
        Assert.Equal("application-verification", reading.Purpose);
        Assert.Contains("dateOfBirth", reading.Fields);
    }

    [Fact]
    public async Task The_page_shows_the_answers_beside_the_registry_after_the_officer_asks_and_not_before()
    {
        var application = await SubmitForBinhAsync();
        var officer = await app.OfficerAsync(Officers.PoliceReceptionist);
        var path = $"/workspace/applications/{application.Code}";

        var before = await (await officer.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("Đối chiếu với cơ sở dữ liệu", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cross-check\"", before, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Opening the page reads nothing: a reading is the officer's deliberate act.
            var seen = await scope.ServiceProvider.GetRequiredService<DataAccessLog>().ForPersonAsync(Binh, 200, CancellationToken.None);
            Assert.DoesNotContain(seen, r => r.ApplicationCode == application.Code);
        }

        var posted = await PostFormAsync(officer, path, [], handler: "CrossCheck");
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("1 thông tin khác với cơ sở dữ liệu", html, StringComparison.Ordinal);
        Assert.Matches("<tr data-field=\"personDateOfBirth\" data-outcome=\"differs\">[\\s\\S]*?21/07/1988[\\s\\S]*?20/07/1988[\\s\\S]*?Không khớp", html);
        Assert.Matches("<tr data-field=\"personFullName\" data-outcome=\"matches\">[\\s\\S]*?số định danh 033188004321", html);
        Assert.Matches("<tr data-field=\"personSex\" data-outcome=\"matches\">[\\s\\S]*?<td>Nữ</td>\\s*<td>Nữ</td>", html);

        // The answers are shown as the case's Vietnamese documents say them; an English page marks them so.
        var english = await (await PostFormAsync(officer, path + "?culture=en&ui-culture=en", [], handler: "CrossCheck")).Content.ReadAsStringAsync();
        Assert.Contains("1 answer(s) differ from the registries", english, StringComparison.Ordinal);
        Assert.Matches("<tr data-field=\"personSex\" data-outcome=\"matches\">[\\s\\S]*?<td><span lang=\"vi\">Nữ</span></td>\\s*<td><span lang=\"vi\">Nữ</span></td>", english);
        Assert.Contains("<dd><span lang=\"vi\">trần  thị   BÌNH</span></dd>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_outside_the_jurisdiction_reads_nothing()
    {
        var application = await SubmitForBinhAsync();
        var elsewhere = await app.OfficerAsync(Officers.BaDinhReceptionist);

        var response = await elsewhere.PostAsync($"/api/workspace/applications/{application.Code}/cross-check", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await elsewhere.GetAsync($"/workspace/applications/{application.Code}");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var seen = await scope.ServiceProvider.GetRequiredService<DataAccessLog>().ForPersonAsync(Binh, 200, CancellationToken.None);
        Assert.DoesNotContain(seen, r => r.ApplicationCode == application.Code);
    }
}
