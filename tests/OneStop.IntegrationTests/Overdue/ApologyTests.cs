using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Identity;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Notifications;
using OneStop.Web.Overdue;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing;

namespace OneStop.IntegrationTests.Overdue;

/// <summary>The apology with a new appointment, through the API and the pages, as the real officers.</summary>
public sealed class ApologyTests(OverdueAppFactory app) : IClassFixture<OverdueAppFactory>
{
    private const string Receptionist = "tiepnhan.badinh@onestop.example";

    /// <summary>An application of Phường Ba Đình submitted forty days ago, long past its due moment.</summary>
    private async Task<Application> OverdueApplicationAsync(string idNumber)
    {
        app.Clock.Offset = TimeSpan.FromDays(-40);
        try
        {
            return await app.SubmitAsync(idNumber, phone: "0912345678");
        }
        finally
        {
            app.Clock.Real();
        }
    }

    private static HttpRequestMessage Apology(string code, string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/overdue/applications/{code}/apology") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    [Fact]
    public async Task An_apology_moves_the_appointment_tells_the_applicant_and_prints_a_letter_once_per_key()
    {
        var receptionist = await app.OfficerAsync(Receptionist);
        var application = await OverdueApplicationAsync("033085001234");
        var newAppointment = DateTimeOffset.UtcNow.AddDays(3);
        var key = Guid.NewGuid().ToString();

        var issued = await receptionist.SendAsync(Apology(application.Code, key, new { reason = "Chờ kết quả xác minh của Công an tỉnh", newAppointmentAt = newAppointment }));
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var letter = (await issued.Content.ReadFromJsonAsync<JsonElement>())!;
        Assert.Equal(1, letter.GetProperty("number").GetInt32());

        var repeated = await receptionist.SendAsync(Apology(application.Code, key, new { reason = "Chờ kết quả xác minh của Công an tỉnh", newAppointmentAt = newAppointment }));
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(1, (await repeated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var stored = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id);
            Assert.True(Math.Abs((stored.AppointmentAt!.Value - newAppointment).TotalSeconds) < 1, "The appointment is the new one.");
            Assert.Equal(application.State, stored.State);

            // The state stays, and with it the step's time budget: an apology gives nobody a fresh one.
            Assert.NotNull(application.StepDueAt);
            Assert.True(Math.Abs((stored.StepDueAt!.Value - application.StepDueAt.Value).TotalMilliseconds) < 1, "The step keeps its due moment.");
            var apologise = Assert.Single(await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == application.Id && e.Action == "apologise").ToListAsync());
            Assert.Equal(application.State, apologise.ToState);
            Assert.Equal(1, await db.ApologyLetters.CountAsync(l => l.ApplicationId == application.Id));
            var messages = await db.Notifications.AsNoTracking().Where(m => m.Reference == application.Code && m.Kind == "applications.overdue-apology").ToListAsync();
            Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], messages.Select(m => m.Channel).Order());
            var email = Assert.Single(messages, m => m.Channel == NotificationChannel.Email).Body;
            Assert.Contains("xin lỗi", email, StringComparison.Ordinal);
            Assert.Contains($"{app.Services.GetRequiredService<SigningOptions>().PublicBaseUrl}/my-applications/{application.Code} ", email, StringComparison.Ordinal);
        }

        var pdf = await receptionist.GetAsync(letter.GetProperty("pdf").GetString());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("xin lỗi và hẹn lại ngày trả kết quả", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(application.Code, text, StringComparison.Ordinal);
        Assert.Contains("Chờ kết quả xác minh của Công an tỉnh", text, StringComparison.Ordinal);
        Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_bad_request_is_a_problem_whose_title_says_what_was_wrong()
    {
        var receptionist = await app.OfficerAsync(Receptionist);
        var application = await OverdueApplicationAsync("033188004322");
        var now = DateTimeOffset.UtcNow;

        foreach (var (key, body, title, field) in new (string?, object, string, string)[]
        {
            (null, new { reason = "Lý do", newAppointmentAt = now.AddDays(2) }, "The Idempotency-Key header is missing or too long", "Idempotency-Key"),
            (new string('k', 81), new { reason = "Lý do", newAppointmentAt = now.AddDays(2) }, "The Idempotency-Key header is missing or too long", "Idempotency-Key"),
            (Guid.NewGuid().ToString(), new { reason = " ", newAppointmentAt = now.AddDays(2) }, "The reason is missing or too long", "reason"),
            (Guid.NewGuid().ToString(), new { reason = "Lý do", newAppointmentAt = now.AddHours(-1) }, "The new appointment is missing or not valid", "newAppointmentAt"),
            (Guid.NewGuid().ToString(), new { reason = " " }, "The reason and the new appointment are not valid", "newAppointmentAt"),
        })
        {
            var response = await receptionist.SendAsync(Apology(application.Code, key, body));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(title, problem.GetProperty("title").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_the_reason_and_nothing_is_written()
    {
        var receptionist = await app.OfficerAsync(Receptionist);
        var application = await OverdueApplicationAsync("033188004321");
        var now = DateTimeOffset.UtcNow;

        var noKey = await receptionist.SendAsync(Apology(application.Code, null, new { reason = "Lý do", newAppointmentAt = now.AddDays(2) }));
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Contains("Idempotency-Key", await noKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var past = await receptionist.SendAsync(Apology(application.Code, Guid.NewGuid().ToString(), new { reason = "Lý do", newAppointmentAt = now.AddHours(-1) }));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("later than now", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noReason = await receptionist.SendAsync(Apology(application.Code, Guid.NewGuid().ToString(), new { reason = " ", newAppointmentAt = now.AddDays(2) }));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var first = await receptionist.SendAsync(Apology(application.Code, Guid.NewGuid().ToString(), new { reason = "Chờ ý kiến của Sở", newAppointmentAt = now.AddDays(4) }));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var notAfterOld = await receptionist.SendAsync(Apology(application.Code, Guid.NewGuid().ToString(), new { reason = "Lý do", newAppointmentAt = now.AddDays(2) }));
        Assert.Equal(HttpStatusCode.BadRequest, notAfterOld.StatusCode);
        Assert.Contains("later than the previous one", await notAfterOld.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.Equal(1, await db.ApologyLetters.CountAsync(l => l.ApplicationId == application.Id));
        Assert.Equal(1, await db.ApplicationEvents.CountAsync(e => e.ApplicationId == application.Id && e.Action == "apologise"));
    }

    [Fact]
    public async Task Refused_when_not_overdue_by_another_communes_officer_and_by_a_specialist()
    {
        var receptionist = await app.OfficerAsync(Receptionist);
        var fresh = await app.SubmitAsync("033090005678");
        var overdue = await OverdueApplicationAsync("001089003456");
        var body = new { reason = "Lý do", newAppointmentAt = DateTimeOffset.UtcNow.AddDays(30) };

        var notOverdue = await receptionist.SendAsync(Apology(fresh.Code, Guid.NewGuid().ToString(), body));
        Assert.Equal(HttpStatusCode.Conflict, notOverdue.StatusCode);

        var otherCommune = await app.OfficerAsync("tiepnhan.phohien@onestop.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherCommune.SendAsync(Apology(overdue.Code, Guid.NewGuid().ToString(), body))).StatusCode);
        var page = await otherCommune.GetAsync(ApologyLinks.Form(overdue.Code));
        Assert.True(
            page.StatusCode == HttpStatusCode.Forbidden || page.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true,
            $"The form of another commune's application answered {(int)page.StatusCode}.");

        var specialist = await app.OfficerAsync("chuyenvien.badinh@onestop.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.SendAsync(Apology(overdue.Code, Guid.NewGuid().ToString(), body))).StatusCode);

        var list = await otherCommune.GetFromJsonAsync<JsonElement>("/api/overdue/applications");
        Assert.DoesNotContain(list.EnumerateArray(), a => a.GetProperty("code").GetString() == overdue.Code);

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().ApologyLetters.CountAsync(l => l.ApplicationId == overdue.Id || l.ApplicationId == fresh.Id));
    }

    [Fact]
    public async Task The_officer_lists_overdue_applications_and_issues_an_apology_on_the_page_and_the_applicant_downloads_it()
    {
        var receptionist = await app.OfficerAsync(Receptionist);
        var application = await OverdueApplicationAsync("033155000888");

        var list = await receptionist.GetStringAsync("/workspace/overdue");
        Assert.Contains(application.Code, list, StringComparison.Ordinal);
        Assert.Contains(ApologyLinks.Form(application.Code), list, StringComparison.Ordinal);

        var refused = await IdentityAppFactory.PostFormAsync(receptionist, ApologyLinks.Form(application.Code), new()
        {
            ["Reason"] = "",
            ["NewAppointmentDate"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Reason\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#NewAppointmentDate\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Nhập lý do chậm trễ.", refusedHtml, StringComparison.Ordinal);
        FormControls.AssertInError(refusedHtml, "Reason");
        FormControls.AssertInError(refusedHtml, "NewAppointmentDate");
        Assert.Contains("NewAppointmentDate-hint", FormControls.Of(refusedHtml, "NewAppointmentDate")["aria-describedby"], StringComparison.Ordinal);
        var dateOnly = await (await IdentityAppFactory.PostFormAsync(receptionist, ApologyLinks.Form(application.Code), new()
        {
            ["Reason"] = "Hồ sơ phải chờ xác minh nơi cư trú",
            ["NewAppointmentDate"] = "",
        })).Content.ReadAsStringAsync();
        FormControls.AssertNotInError(dateOnly, "Reason");
        FormControls.AssertInError(dateOnly, "NewAppointmentDate");

        // An officer who chose English reads the same refusal in English.
        Assert.Equal(HttpStatusCode.Redirect, (await receptionist.GetAsync("/language/en?returnUrl=%2F")).StatusCode);
        var english = await (await IdentityAppFactory.PostFormAsync(receptionist, ApologyLinks.Form(application.Code), new()
        {
            ["Reason"] = "",
            ["NewAppointmentDate"] = "",
        })).Content.ReadAsStringAsync();
        Assert.Contains("Give the reason for the delay.", english, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await receptionist.GetAsync("/language/vi?returnUrl=%2F")).StatusCode);

        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(5);
        var issued = await IdentityAppFactory.PostFormAsync(receptionist, ApologyLinks.Form(application.Code), new()
        {
            ["Reason"] = "Hồ sơ phải chờ xác minh nơi cư trú",
            ["NewAppointmentDate"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["NewAppointmentTime"] = "09:30",
        });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var page = await receptionist.GetStringAsync(issued.Headers.Location!.OriginalString);
        Assert.Contains(ApologyLinks.Pdf(application.Code, 1), page, StringComparison.Ordinal);

        var stored = await app.LoadAsync(application.Id);
        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(7)), stored.AppointmentAt);

        var citizen = await app.SignInCitizenAsync("033155000888");
        var download = await citizen.GetAsync(ApologyLinks.Pdf(application.Code, 1));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var stranger = await app.SignInCitizenAsync("033090005678");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(ApologyLinks.Pdf(application.Code, 1))).StatusCode);
    }
}
