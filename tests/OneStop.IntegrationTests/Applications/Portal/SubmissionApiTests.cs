using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Identity;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Applications.Portal;

/// <summary>POST /api/applications as a signed-in citizen: created once per Idempotency-Key, English problems otherwise.</summary>
public sealed class SubmissionApiTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    private const string Hoa = "001192007890";
    private const string Lan = "033155000888";

    private static HttpRequestMessage Submit(object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    private static object CriminalRecord(string idNumber, string name, object[]? files = null) => new
    {
        procedureCode = SampleAnswers.CriminalRecord,
        communeCode = SampleAnswers.PhoHien,
        phone = "0987654321",
        email = "hoa@example.vn",
        answers = SampleAnswers.For(SampleAnswers.CriminalRecord, idNumber, name, SampleAnswers.PhoHien),
        files = files ?? [],
    };

    [Fact]
    public async Task The_first_submission_is_created_and_a_repeat_with_the_same_key_gives_the_same_application()
    {
        var client = await app.SignInCitizenAsync(Hoa);
        var key = Guid.NewGuid().ToString();
        var pdf = Convert.ToBase64String(ApplyPagesTests.Pdf);
        object[] files = [new { documentKey = "fee-exemption-proof", fileName = "mien-phi.pdf", contentBase64 = pdf }];

        var first = await client.SendAsync(Submit(CriminalRecord(Hoa, "Phạm Thị Hoa", files), key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var code = created.GetProperty("code").GetString()!;
        Assert.Matches(@"^33-[A-Z]+-\d{6}-\d{4}$|^\d{5}-\d{6}-\d{4}$", code);
        Assert.Equal("new", created.GetProperty("status").GetString());
        Assert.Equal($"/api/applications/{code}/receipt.pdf", created.GetProperty("receiptUrl").GetString());
        Assert.True(created.TryGetProperty("appointmentAt", out _));

        var second = await client.SendAsync(Submit(CriminalRecord(Hoa, "Phạm Thị Hoa", files), key));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(code, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var pdfResponse = await client.GetAsync($"/api/applications/{code}/receipt.pdf");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType!.MediaType);

        var lan = await app.SignInCitizenAsync(Lan);
        Assert.Equal(HttpStatusCode.NotFound, (await lan.GetAsync($"/api/applications/{code}/receipt.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lan.GetAsync($"/applications/{code}/receipt")).StatusCode);
    }

    [Fact]
    public async Task Without_an_Idempotency_Key_the_submission_is_refused()
    {
        var client = await app.SignInCitizenAsync(Lan);
        var response = await client.SendAsync(Submit(CriminalRecord(Lan, "Phạm Thị Lan"), key: null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Idempotency-Key", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_answers_and_a_file_that_is_not_a_PDF_are_refused_field_by_field_in_English()
    {
        var client = await app.SignInCitizenAsync(Lan);
        var answers = SampleAnswers.For(SampleAnswers.CriminalRecord, Lan, "Phạm Thị Lan", SampleAnswers.PhoHien);
        answers["copies"] = "100";
        var body = new
        {
            procedureCode = SampleAnswers.CriminalRecord,
            communeCode = "99999",
            answers,
            files = Array.Empty<object>(),
        };
        var response = await client.SendAsync(Submit(body, Guid.NewGuid().ToString()));
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("10 or less", errors.GetProperty("copies")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not a commune", errors.GetProperty("communeCode")[0].GetString(), StringComparison.Ordinal);

        var textFile = Convert.ToBase64String(Encoding.UTF8.GetBytes("just text"));
        var withFile = await client.SendAsync(Submit(
            CriminalRecord(Lan, "Phạm Thị Lan", [new { documentKey = "fee-exemption-proof", fileName = "x.pdf", contentBase64 = textFile }]),
            Guid.NewGuid().ToString()));
        Assert.Equal((HttpStatusCode)422, withFile.StatusCode);
        var fileProblem = await withFile.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not a PDF, JPEG or PNG", fileProblem.GetProperty("errors").GetProperty("files[0]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_not_in_force_and_a_number_misread_as_decimal_are_refused_in_English_and_nothing_is_saved()
    {
        var client = await app.SignInCitizenAsync(Lan);
        var answers = SampleAnswers.For(SampleAnswers.CriminalRecord, Lan, "Phạm Thị Lan", SampleAnswers.PhoHien);
        answers["personPermanentResidence"] = "99999";
        answers["copies"] = "1.5";
        var key = Guid.NewGuid().ToString();
        var body = new { procedureCode = SampleAnswers.CriminalRecord, communeCode = SampleAnswers.PhoHien, answers, files = Array.Empty<object>() };

        var response = await client.SendAsync(Submit(body, key));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("'99999' is not the code of a commune, ward or special zone in force today", errors.GetProperty("personPermanentResidence")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Number of copies must be a whole number; a dot may only separate groups of three digits", errors.GetProperty("copies")[0].GetString(), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Applications.AnyAsync(a => a.SubmissionKey == key));
        }

        // A code in force and a plain number are taken in; the number is kept as digits.
        answers["personPermanentResidence"] = SampleAnswers.PhoHien;
        answers["copies"] = "2";
        var accepted = await client.SendAsync(Submit(body, key));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Applications.AsNoTracking().SingleAsync(a => a.SubmissionKey == key);
            Assert.Contains("\"personPermanentResidence\":\"11953\"", stored.FormValuesJson, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Submitting_needs_a_citizen()
    {
        var anonymous = app.NewBrowser();
        var response = await anonymous.SendAsync(Submit(CriminalRecord(Lan, "Phạm Thị Lan"), Guid.NewGuid().ToString()));
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect, response.StatusCode.ToString());
    }
}
