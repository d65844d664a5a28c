using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Applications;
using OneStop.IntegrationTests.Identity;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing;
using OneStop.Web.Workspace.Queues;
using static OneStop.IntegrationTests.Workspace.WorkspaceAppFactory;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>Jurisdiction, roles, states, repeats and conflicts; the queues; the pages' forms and the counter.</summary>
public sealed class WorkspaceAccessTests(WorkspaceAppFactory app) : IClassFixture<WorkspaceAppFactory>
{
    [Fact]
    public async Task An_officer_of_another_commune_neither_sees_nor_acts_on_an_application()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh);
        var police = await app.SubmitAsync(SampleAnswers.CriminalRecord, SampleAnswers.PhoHien, "033188004321", "Trần Thị Bình");
        var phoHien = await app.OfficerAsync(Officers.PhoHienReceptionist);

        Assert.Equal(HttpStatusCode.Forbidden, (await phoHien.GetAsync($"/api/workspace/applications/{application.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostActionAsync(phoHien, application.Code, "receive")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostActionAsync(phoHien, police.Code, "receive")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await phoHien.GetAsync($"/api/workspace/applications?unit={SampleAnswers.BaDinh}")).StatusCode);
        var page = await phoHien.GetAsync($"/workspace/applications/{application.Code}");
        Assert.True(page.StatusCode == HttpStatusCode.Forbidden || (page.Headers.Location?.OriginalString ?? "").Contains("/error/403", StringComparison.Ordinal), $"Got {(int)page.StatusCode}.");
        Assert.Equal(HttpStatusCode.Forbidden, (await phoHien.GetAsync($"/workspace/applications/{application.Code}/control-sheet.pdf")).StatusCode);

        foreach (var queue in new[] { "all", "to-receive", "to-act" })
        {
            var items = await GetJsonAsync(phoHien, $"/api/workspace/applications?queue={queue}");
            Assert.DoesNotContain(items.EnumerateArray(), i => i.GetProperty("code").GetString() == application.Code);
            Assert.DoesNotContain(items.EnumerateArray(), i => i.GetProperty("code").GetString() == police.Code);
        }

        Assert.Single(await app.EventsAsync(application.Code));
    }

    [Fact]
    public async Task A_role_outside_the_action_is_refused_and_a_state_outside_it_is_a_conflict()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033090005678", "Lê Văn Dũng");

        Assert.Equal(HttpStatusCode.Forbidden, (await PostActionAsync(await app.OfficerAsync(Officers.BaDinhSpecialist), application.Code, "receive")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostActionAsync(await app.OfficerAsync(Officers.SystemAdministrator), application.Code, "receive")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostActionAsync(await app.OfficerAsync(Officers.BaDinhReceptionist), application.Code, "supply-supplement")).StatusCode);
        var approve = await PostActionAsync(await app.OfficerAsync(Officers.BaDinhLeader), application.Code, "approve");
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("not allowed from the state", await approve.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostActionAsync(await app.OfficerAsync(Officers.BaDinhLeader), application.Code, "teleport")).StatusCode);
        Assert.Equal("submitted", (await app.ApplicationAsync(application.Code)).State);
    }

    [Fact]
    public async Task The_same_idempotency_key_changes_nothing_and_a_stale_revision_is_a_conflict()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "001089003456", "Đỗ Văn Khánh");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var key = Guid.NewGuid().ToString("N");

        var first = await ActAsync(receptionist, application.Code, "receive", key: key);
        var second = await ActAsync(receptionist, application.Code, "receive", key: key);

        Assert.Equal("done", first.GetProperty("outcome").GetString());
        Assert.Equal("already-done", second.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("revision").GetInt32(), second.GetProperty("revision").GetInt32());
        Assert.Equal(2, (await app.EventsAsync(application.Code)).Count);

        var stale = await PostActionAsync(await app.OfficerAsync(Officers.BaDinhSpecialist), application.Code, "assess", new { revision = first.GetProperty("revision").GetInt32() - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed this application", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var noKey = new HttpRequestMessage(HttpMethod.Post, $"/api/workspace/applications/{application.Code}/actions/assess") { Content = System.Net.Http.Json.JsonContent.Create(new { }) };
        Assert.Equal(HttpStatusCode.BadRequest, (await (await app.OfficerAsync(Officers.BaDinhSpecialist)).SendAsync(noKey)).StatusCode);
    }

    [Fact]
    public async Task Overdue_and_due_soon_queues_show_the_due_moment_in_words()
    {
        var late = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033155000888", "Phạm Thị Lan");
        var soon = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "001192007890", "Phạm Thị Hoa");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        await ActAsync(receptionist, late.Code, "receive");
        await ActAsync(receptionist, soon.Code, "receive");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Time cannot be moved in the host, so the due moments are moved instead.
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var now = DateTimeOffset.UtcNow;
            (await db.Applications.SingleAsync(a => a.Code == late.Code)).DueAt = now.AddHours(-2);
            (await db.Applications.SingleAsync(a => a.Code == soon.Code)).DueAt = now.AddMinutes(30);
            await db.SaveChangesAsync();
        }

        var overdue = await GetJsonAsync(receptionist, "/api/workspace/applications?queue=overdue");
        var lateItem = Assert.Single(overdue.EnumerateArray(), i => i.GetProperty("code").GetString() == late.Code);
        Assert.Equal("quá hạn", lateItem.GetProperty("dueText").GetString());
        Assert.DoesNotContain(overdue.EnumerateArray(), i => i.GetProperty("code").GetString() == soon.Code);

        var dueSoon = await GetJsonAsync(receptionist, "/api/workspace/applications?queue=due-soon");
        var soonItem = Assert.Single(dueSoon.EnumerateArray(), i => i.GetProperty("code").GetString() == soon.Code);
        Assert.StartsWith("còn ", soonItem.GetProperty("dueText").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(dueSoon.EnumerateArray(), i => i.GetProperty("code").GetString() == late.Code);

        var html = await (await receptionist.GetAsync("/workspace?queue=overdue")).Content.ReadAsStringAsync();
        Assert.Contains(late.Code, html, StringComparison.Ordinal);
        Assert.Contains("quá hạn", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await receptionist.GetAsync("/api/workspace/applications?queue=someday")).StatusCode);
    }

    [Fact]
    public async Task The_page_asks_for_a_reason_before_refusing_and_records_the_refusal_once()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033085001234", "Nguyễn Văn An");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var path = $"/workspace/applications/{application.Code}";
        var fields = new Dictionary<string, string> { ["ActionKey"] = "refuse", ["RequestKey"] = "form:" + Guid.NewGuid().ToString("N"), ["Revision"] = "1", ["Note"] = "" };

        var missing = await IdentityAppFactory.PostFormAsync(receptionist, path, new(fields));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Nhập lý do từ chối", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#note-refuse\"", html, StringComparison.Ordinal);

        // The same form sent twice (a double click): the second post carries the same one-time key.
        fields["Note"] = "Không đúng thẩm quyền";
        fields["__RequestVerificationToken"] = IdentityAppFactory.HiddenValue(await (await receptionist.GetAsync(path)).Content.ReadAsStringAsync(), "__RequestVerificationToken");
        var done = await receptionist.PostAsync(path, new FormUrlEncodedContent(fields));
        var again = await receptionist.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single(await app.EventsAsync(application.Code), e => e.Action == "refuse");
        Assert.Equal(ApplicationStatus.NotReceived, (await app.ApplicationAsync(application.Code)).Status);
    }

    [Fact]
    public async Task The_page_tells_an_officer_who_acted_on_an_old_view_that_someone_changed_the_application()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033188004321", "Trần Thị Bình");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var path = $"/workspace/applications/{application.Code}";
        var seen = (await app.ApplicationAsync(application.Code)).Revision;
        await ActAsync(await app.OfficerAsync(Officers.BaDinhReceptionist), application.Code, "request-supplement", new { note = "Bổ sung giấy tờ" });
        await app.CitizenStepAsync(application.Code, "supply-supplement", "submitted");

        var response = await IdentityAppFactory.PostFormAsync(receptionist, path, new()
        {
            ["ActionKey"] = "receive",
            ["RequestKey"] = "form:" + Guid.NewGuid().ToString("N"),
            ["Revision"] = seen.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Người khác vừa thay đổi hồ sơ này", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receptionist_types_in_a_paper_application_which_is_received_at_once()
    {
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var form = await receptionist.GetAsync($"/workspace/counter?procedure={SampleAnswers.PermanentResidence}");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var key = IdentityAppFactory.HiddenValue(await form.Content.ReadAsStringAsync(), "SubmissionKey");
        var fields = new Dictionary<string, string>
        {
            ["SubmissionKey"] = key,
            ["ApplicantIdNumber"] = "033090005678",
            ["ApplicantName"] = "Lê Văn Dũng",
            ["CommuneCode"] = SampleAnswers.BaDinh,
            ["Phone"] = "0912345678",
            ["AssignTo"] = await app.OfficerIdAsync(Officers.BaDinhSpecialist),
        };
        foreach (var (name, value) in SampleAnswers.For(SampleAnswers.PermanentResidence, "033090005678", "Lê Văn Dũng"))
        {
            fields[$"Values[{name}]"] = value!;
        }

        var response = await IdentityAppFactory.PostFormAsync(receptionist, $"/workspace/counter?procedure={SampleAnswers.PermanentResidence}", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var code = response.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0];
        var application = await app.ApplicationAsync(code);
        Assert.Equal(ApplicationChannel.Counter, application.Channel);
        Assert.Equal(ApplicationStatus.Received, application.Status);
        Assert.Equal("Trần Văn Minh", application.AssignedOfficerName);
        Assert.Equal(["submit", "receive"], (await app.EventsAsync(code)).Select(e => e.Action).ToArray());
        var page = await (await receptionist.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/workspace/applications/{code}/receipt.pdf\"", page, StringComparison.Ordinal);
        var receipt = await receptionist.GetAsync($"/workspace/applications/{code}/receipt.pdf");
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType!.MediaType);
        // The slip handed over at the desk carries the same QR code as an online receipt: the citizen follows it from home.
        Assert.Equal(
            $"{app.Services.GetRequiredService<SigningOptions>().PublicBaseUrl}/applications/lookup?code={code}",
            Assert.Single(QrCodes.OnFirstPage(await receipt.Content.ReadAsByteArrayAsync())));

        var repeated = await IdentityAppFactory.PostFormAsync(receptionist, $"/workspace/counter?procedure={SampleAnswers.PermanentResidence}", fields);
        Assert.Equal(response.Headers.Location, repeated.Headers.Location);
    }

    [Fact]
    public async Task The_counter_refuses_an_applicant_of_a_commune_outside_the_desk()
    {
        var phoHien = await app.OfficerAsync(Officers.PhoHienReceptionist);
        var fields = new Dictionary<string, string>
        {
            ["SubmissionKey"] = "counter:" + Guid.NewGuid().ToString("N"),
            ["ApplicantIdNumber"] = "001089003456",
            ["ApplicantName"] = "Đỗ Văn Khánh",
            ["CommuneCode"] = SampleAnswers.BaDinh,
        };
        foreach (var (name, value) in SampleAnswers.For(SampleAnswers.PermanentResidence, "001089003456", "Đỗ Văn Khánh"))
        {
            fields[$"Values[{name}]"] = value!;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var before = await db.Applications.CountAsync();
        var response = await IdentityAppFactory.PostFormAsync(phoHien, $"/workspace/counter?procedure={SampleAnswers.PermanentResidence}", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("không thuộc địa bàn của Bộ phận Một cửa này", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#communeCode\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.Applications.CountAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_workspace_API()
    {
        var document = await GetJsonAsync(app.NewBrowser(), "/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/workspace/applications", "get"), ("/api/workspace/applications/{code}", "get"),
            ("/api/workspace/applications/{code}/actions/{action}", "post"),
        })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            Assert.Equal("Officer workspace", operation.GetProperty("tags")[0].GetString());
        }

        var page = paths.GetProperty("/api/workspace/applications").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "page");
        var schema = page.GetProperty("schema");
        Assert.Equal("integer", schema.GetProperty("type").GetString());
        Assert.Equal(1, schema.GetProperty("minimum").GetInt32());
        Assert.Equal(WorkspaceQueues.LastPage, schema.GetProperty("maximum").GetInt32());
    }
}
