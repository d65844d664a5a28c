using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Applications;
using OneStop.Web.Applications.Model;
using OneStop.Web.Notifications;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing;
using OneStop.Web.Signing.Issued;
using OneStop.Web.Signing.Verification;
using static OneStop.IntegrationTests.Workspace.WorkspaceAppFactory;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>
/// Every path of the workflows of permanent residence (Phường Ba Đình) and the criminal record
/// certificate (Công an tỉnh Hưng Yên), taken by signed-in officers of the right roles through the API.
/// </summary>
public sealed class WorkflowPathTests(WorkspaceAppFactory app) : IClassFixture<WorkspaceAppFactory>
{
    [Fact]
    public async Task Permanent_residence_is_received_assigned_assessed_approved_with_a_valid_signed_result_and_returned()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh);
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var specialist = await app.OfficerAsync(Officers.BaDinhSpecialist);
        var leader = await app.OfficerAsync(Officers.BaDinhLeader);
        var specialistId = await app.OfficerIdAsync(Officers.BaDinhSpecialist);

        var toReceive = await GetJsonAsync(receptionist, "/api/workspace/applications?queue=to-receive");
        Assert.Contains(toReceive.EnumerateArray(), i => i.GetProperty("code").GetString() == application.Code);

        var received = await ActAsync(receptionist, application.Code, "receive", new { assignTo = specialistId });
        Assert.Equal("received", received.GetProperty("status").GetString());
        var mine = await GetJsonAsync(specialist, "/api/workspace/applications?queue=mine");
        Assert.Contains(mine.EnumerateArray(), i => i.GetProperty("code").GetString() == application.Code);

        var details = await GetJsonAsync(specialist, $"/api/workspace/applications/{application.Code}");
        Assert.Equal(["assess", "refuse", "request-supplement"], details.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("key").GetString()!).Order().ToArray());
        Assert.Contains(details.GetProperty("answers").EnumerateArray(), a => a.GetProperty("label").GetString() == "Số nhà, đường, thôn, tổ dân phố" && a.GetProperty("value").GetString() == "Số 12 phố Đội Cấn");

        await ActAsync(specialist, application.Code, "assess");
        var approved = await ActAsync(leader, application.Code, "approve");
        Assert.Equal("resolved", approved.GetProperty("status").GetString());
        var resultId = approved.GetProperty("issuedResultId").GetGuid();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var results = scope.ServiceProvider.GetRequiredService<IResultDocuments>();
            var verification = await results.VerifyAsync(resultId);
            Assert.Equal(VerificationOutcome.Valid, verification!.Outcome);
            Assert.Equal("Lê Quang Huy", Assert.Single(verification.Signatures).SignerName);
        }

        var page = await (await leader.GetAsync($"/workspace/applications/{application.Code}")).Content.ReadAsStringAsync();
        Assert.Contains("Chữ ký số hợp lệ", page, StringComparison.Ordinal);
        Assert.Contains("Ký bởi Lê Quang Huy", page, StringComparison.Ordinal);
        var pdf = await receptionist.GetAsync($"/workspace/applications/{application.Code}/results/{resultId}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);

        var returned = await ActAsync(receptionist, application.Code, "return-result");
        Assert.Equal("result-returned", returned.GetProperty("status").GetString());

        var events = await app.EventsAsync(application.Code);
        Assert.Equal(["submit", "receive", "assess", "approve", "return-result"], events.Select(e => e.Action).ToArray());
        Assert.All(events.Skip(1), e => Assert.StartsWith("officer:", e.ActorId, StringComparison.Ordinal));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var kinds = await db.Set<NotificationMessage>().Where(n => n.Reference == application.Code).Select(n => n.Kind).ToListAsync();
            Assert.Equal(2, kinds.Count(k => k == "applications.received"));
            Assert.Equal(2, kinds.Count(k => k == "applications.result-ready"));

            // The other steps' e-mails lead to the application's own page; text messages carry no link.
            var resultReady = await db.Set<NotificationMessage>().Where(n => n.Reference == application.Code && n.Kind == "applications.result-ready").ToListAsync();
            Assert.Contains($"Xem chi tiết tại: {app.Services.GetRequiredService<SigningOptions>().PublicBaseUrl}/my-applications/{application.Code} ",
                Assert.Single(resultReady, m => m.Channel == NotificationChannel.Email).Body, StringComparison.Ordinal);
            Assert.DoesNotContain("http", Assert.Single(resultReady, m => m.Channel == NotificationChannel.Sms).Body, StringComparison.Ordinal);
        }

        var sheet = await receptionist.GetAsync($"/workspace/applications/{application.Code}/control-sheet");
        var sheetHtml = await sheet.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Contains("Nguyễn Thị Lan (cán bộ tiếp nhận)", sheetHtml, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Minh (chuyên viên)", sheetHtml, StringComparison.Ordinal);
        Assert.Contains("Đúng hạn", sheetHtml, StringComparison.Ordinal);
        var sheetPdf = await receptionist.GetAsync($"/workspace/applications/{application.Code}/control-sheet.pdf");
        Assert.Equal("application/pdf", sheetPdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await sheetPdf.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplement_request_stops_the_clock_until_the_citizen_supplies_then_a_later_refusal_stops_processing()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033188004321", "Trần Thị Bình");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var specialist = await app.OfficerAsync(Officers.BaDinhSpecialist);
        await ActAsync(receptionist, application.Code, "receive");

        var withoutNote = await PostActionAsync(specialist, application.Code, "request-supplement");
        Assert.Equal(HttpStatusCode.BadRequest, withoutNote.StatusCode);
        Assert.Contains("note", await withoutNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await ActAsync(specialist, application.Code, "request-supplement", new { note = "Bổ sung hợp đồng mua bán nhà" });
        var waiting = await app.ApplicationAsync(application.Code);
        Assert.Equal(ApplicationStatus.SupplementRequested, waiting.Status);
        Assert.NotNull(waiting.ClockStoppedSince);
        Assert.Null(waiting.DueAt);
        var queue = await GetJsonAsync(receptionist, "/api/workspace/applications?queue=waiting");
        Assert.Contains(queue.EnumerateArray(), i => i.GetProperty("code").GetString() == application.Code);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var asked = await db.Set<NotificationMessage>().Where(n => n.Reference == application.Code && n.Kind == "applications.supplement-requested").ToListAsync();
            Assert.Contains(asked, m => m.Channel == NotificationChannel.Email && m.Body.Contains("Bổ sung hợp đồng mua bán nhà", StringComparison.Ordinal));

            // The e-mail leads straight to the form that answers the request.
            var publicBaseUrl = app.Services.GetRequiredService<SigningOptions>().PublicBaseUrl;
            Assert.Contains($"Gửi giấy tờ bổ sung tại: {publicBaseUrl}/my-applications/{application.Code}/supplement",
                Assert.Single(asked, m => m.Channel == NotificationChannel.Email).Body, StringComparison.Ordinal);
            Assert.DoesNotContain("http", Assert.Single(asked, m => m.Channel == NotificationChannel.Sms).Body, StringComparison.Ordinal);
        }

        Assert.Equal(Web.Applications.StepOutcome.Done, await app.CitizenStepAsync(application.Code, "supply-supplement", "submitted"));
        var supplied = await app.ApplicationAsync(application.Code);
        Assert.Null(supplied.ClockStoppedSince);
        Assert.NotNull(supplied.DueAt);

        await ActAsync(receptionist, application.Code, "receive");
        var refused = await ActAsync(specialist, application.Code, "refuse", new { note = "Chỗ ở không hợp pháp" });
        Assert.Equal("stopped", refused.GetProperty("status").GetString());
        var done = await GetJsonAsync(specialist, $"/api/workspace/applications/{application.Code}");
        Assert.Empty(done.GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public async Task A_refusal_at_reception_leaves_the_application_not_received()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033090005678", "Lê Văn Dũng");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);

        var refused = await ActAsync(receptionist, application.Code, "refuse", new { note = "Hồ sơ không thuộc thẩm quyền" });

        Assert.Equal("not-received", refused.GetProperty("status").GetString());
        var toReceive = await GetJsonAsync(receptionist, "/api/workspace/applications?queue=to-receive");
        Assert.DoesNotContain(toReceive.EnumerateArray(), i => i.GetProperty("code").GetString() == application.Code);
    }

    [Fact]
    public async Task A_leader_sends_back_the_assessment_and_approves_the_second_one()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "001089003456", "Đỗ Văn Khánh");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var specialist = await app.OfficerAsync(Officers.BaDinhSpecialist);
        var leader = await app.OfficerAsync(Officers.BaDinhLeader);
        await ActAsync(receptionist, application.Code, "receive");
        await ActAsync(specialist, application.Code, "assess");

        var sentBack = await ActAsync(leader, application.Code, "send-back", new { note = "Kiểm tra lại diện tích" });
        Assert.Equal("received", sentBack.GetProperty("state").GetString());
        await ActAsync(specialist, application.Code, "assess");
        await ActAsync(leader, application.Code, "approve");

        Assert.Equal(["submit", "receive", "assess", "send-back", "assess", "approve"], (await app.EventsAsync(application.Code)).Select(e => e.Action).ToArray());
    }

    [Fact]
    public async Task A_citizen_withdraws_and_no_officer_action_is_left()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033155000888", "Phạm Thị Lan");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        await ActAsync(receptionist, application.Code, "receive");

        Assert.Equal(Web.Applications.StepOutcome.Done, await app.CitizenStepAsync(application.Code, "withdraw", "withdrawn"));

        var response = await PostActionAsync(receptionist, application.Code, "return-result");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ApplicationStatus.Stopped, (await app.ApplicationAsync(application.Code)).Status);
    }

    [Fact]
    public async Task A_criminal_record_certificate_goes_to_the_provincial_police_and_through_every_step_there()
    {
        var application = await app.SubmitAsync(SampleAnswers.CriminalRecord, SampleAnswers.PhoHien);
        Assert.Equal("33-CA", application.UnitCode);
        var receptionist = await app.OfficerAsync(Officers.PoliceReceptionist);
        var specialist = await app.OfficerAsync(Officers.PoliceSpecialist);
        var leader = await app.OfficerAsync(Officers.PoliceLeader);

        await ActAsync(receptionist, application.Code, "receive", new { assignTo = await app.OfficerIdAsync(Officers.PoliceSpecialist) });
        await ActAsync(specialist, application.Code, "start-verification");
        await ActAsync(specialist, application.Code, "assess");
        await ActAsync(leader, application.Code, "send-back", new { note = "Xác minh thêm nơi cư trú trước đây" });
        await ActAsync(specialist, application.Code, "assess");
        var approved = await ActAsync(leader, application.Code, "approve");
        await ActAsync(receptionist, application.Code, "return-result");

        await using var scope = app.Services.CreateAsyncScope();
        var results = scope.ServiceProvider.GetRequiredService<IResultDocuments>();
        var verification = await results.VerifyAsync(approved.GetProperty("issuedResultId").GetGuid());
        Assert.Equal(VerificationOutcome.Valid, verification!.Outcome);
        Assert.Equal("Phan Quốc Bảo", verification.Signatures[0].SignerName);
        var issued = Assert.Single(await results.ListAsync(application.Code));
        Assert.Contains("PHIẾU LÝ LỊCH TƯ PHÁP SỐ 1", issued.Title, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.ResultReturned, (await app.ApplicationAsync(application.Code)).Status);
    }

    [Fact]
    public async Task The_criminal_record_certificate_can_be_refused_during_verification_and_supplemented_before()
    {
        var application = await app.SubmitAsync(SampleAnswers.CriminalRecord, SampleAnswers.PhoHien, "033188004321", "Trần Thị Bình");
        var receptionist = await app.OfficerAsync(Officers.PoliceReceptionist);
        var specialist = await app.OfficerAsync(Officers.PoliceSpecialist);

        await ActAsync(receptionist, application.Code, "request-supplement", new { note = "Bổ sung bản sao giấy khai sinh" });
        await app.CitizenStepAsync(application.Code, "supply-supplement", "submitted");
        await ActAsync(receptionist, application.Code, "receive");
        await ActAsync(specialist, application.Code, "start-verification");
        var refused = await ActAsync(specialist, application.Code, "refuse", new { note = "Không xác minh được nhân thân" });

        Assert.Equal("stopped", refused.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_leader_reassigns_a_received_application_without_restarting_its_step()
    {
        var application = await app.SubmitAsync(SampleAnswers.CriminalRecord, SampleAnswers.PhoHien, "033090005678", "Lê Văn Dũng");
        await ActAsync(await app.OfficerAsync(Officers.PoliceReceptionist), application.Code, "receive");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A step due moment no recomputation from now could give, so that a restarted budget shows.
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            (await db.Set<Application>().SingleAsync(a => a.Code == application.Code)).StepDueAt = DateTimeOffset.UtcNow.AddMinutes(-7);
            await db.SaveChangesAsync();
        }

        var before = await app.ApplicationAsync(application.Code);
        var leader = await app.OfficerAsync(Officers.PoliceLeader);

        var missing = await PostActionAsync(leader, application.Code, "assign", new { assignTo = await app.OfficerIdAsync(Officers.BaDinhSpecialist) });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        // A note longer than the journal keeps is refused as such, not reported as someone else's change.
        var tooLong = await PostActionAsync(leader, application.Code, "assign", new { assignTo = await app.OfficerIdAsync(Officers.PoliceSpecialist), note = new string('x', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 2000 characters", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var assigned = await ActAsync(leader, application.Code, "assign", new { assignTo = await app.OfficerIdAsync(Officers.PoliceSpecialist) });

        Assert.Equal("received", assigned.GetProperty("state").GetString());
        var after = await app.ApplicationAsync(application.Code);
        Assert.Equal("Lương Thị Hạnh", after.AssignedOfficerName);
        Assert.Equal(before.StepDueAt, after.StepDueAt);
        Assert.Equal(before.DueAt, after.DueAt);
        var mine = await GetJsonAsync(await app.OfficerAsync(Officers.PoliceSpecialist), "/api/workspace/applications?queue=mine");
        Assert.Contains(mine.EnumerateArray(), i => i.GetProperty("code").GetString() == application.Code);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostActionAsync(await app.OfficerAsync(Officers.PoliceSpecialist), application.Code, "assign", new { assignTo = "x" })).StatusCode);
    }

    [Fact]
    public async Task Repeating_an_approval_with_the_same_key_issues_one_result_and_records_one_step()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "001192007890", "Phạm Thị Hoa");
        await ActAsync(await app.OfficerAsync(Officers.BaDinhReceptionist), application.Code, "receive");
        await ActAsync(await app.OfficerAsync(Officers.BaDinhSpecialist), application.Code, "assess");
        var key = Guid.NewGuid().ToString("N");
        var leader = await app.OfficerAsync(Officers.BaDinhLeader);
        var first = await ActAsync(leader, application.Code, "approve", key: key);
        var revision = (await app.ApplicationAsync(application.Code)).Revision;
        var repeat = await ActAsync(leader, application.Code, "approve", key: key);

        Assert.Equal("done", first.GetProperty("outcome").GetString());
        Assert.Equal("already-done", repeat.GetProperty("outcome").GetString());
        Assert.Equal(revision, (await app.ApplicationAsync(application.Code)).Revision);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<IResultDocuments>().ListAsync(application.Code));
        Assert.Single(await app.EventsAsync(application.Code), e => e.Action == "approve");
    }
}
