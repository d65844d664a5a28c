using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Applications;
using OneStop.IntegrationTests.Identity;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Attachments;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Tracking;
using OneStop.Web.Workspace.Casework;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>What the application and counter pages tell an officer, posted as a browser without JavaScript posts.</summary>
public sealed class OfficerPagesTests(WorkspaceAppFactory app) : IClassFixture<WorkspaceAppFactory>
{
    [Fact]
    public async Task A_note_refused_as_too_long_comes_back_in_its_box_which_holds_the_servers_limit()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033085007001", "Vũ Thị Hạnh");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var path = $"/workspace/applications/{application.Code}";
        var tooLong = "Thiếu giấy tờ chứng minh chỗ ở hợp pháp. " + new string('x', OfficerCasework.NoteMaxLength);

        var response = await IdentityAppFactory.PostFormAsync(receptionist, path, new()
        {
            ["ActionKey"] = "refuse",
            ["RequestKey"] = "form:" + Guid.NewGuid().ToString("N"),
            ["Revision"] = "1",
            ["Note"] = tooLong,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nội dung ghi chú tối đa 2000 ký tự.", html, StringComparison.Ordinal);
        Assert.Contains($"maxlength=\"{OfficerCasework.NoteMaxLength}\" required=\"required\" aria-describedby=\"note-refuse-error\" aria-invalid=\"true\">{tooLong}</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"note-request-supplement\" name=\"Note\" rows=\"2\" maxlength=\"2000\" required=\"required\"></textarea>", html, StringComparison.Ordinal);
        Assert.Single(await app.EventsAsync(application.Code));

        // The box counts a line break as one character; the browser sends it as two; the journal keeps it as one.
        var lines = string.Join("\r\n", Enumerable.Repeat(new string('y', 99), 20)) + "z";
        Assert.Equal(OfficerCasework.NoteMaxLength + 19, lines.Length);
        var fits = await IdentityAppFactory.PostFormAsync(receptionist, path, new()
        {
            ["ActionKey"] = "request-supplement",
            ["RequestKey"] = "form:" + Guid.NewGuid().ToString("N"),
            ["Revision"] = "1",
            ["Note"] = lines,
        });
        Assert.Equal(HttpStatusCode.Redirect, fits.StatusCode);
        Assert.Equal(lines.ReplaceLineEndings("\n"), (await app.EventsAsync(application.Code))[^1].Note);
    }

    [Fact]
    public async Task A_reason_left_out_is_asked_for_beside_its_box_in_the_officers_language_without_the_apis_field_name()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033085007007", "Mai Văn Sơn");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var path = $"/workspace/applications/{application.Code}";

        foreach (var (query, expected) in new[]
        {
            ("", "Nhập lý do từ chối: người nộp hồ sơ sẽ nhận được lý do này."),
            ("?culture=en&ui-culture=en", "Give the reason for refusing: the applicant is told it."),
        })
        {
            var response = await IdentityAppFactory.PostFormAsync(receptionist, path + query, new()
            {
                ["ActionKey"] = "refuse",
                ["RequestKey"] = "form:" + Guid.NewGuid().ToString("N"),
                ["Revision"] = "1",
                ["Note"] = "",
            });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains($"<span class=\"error-message\" id=\"note-refuse-error\">{expected}</span>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("'note'", html, StringComparison.Ordinal);
            FormControls.AssertInError(html, "note-refuse");
            FormControls.AssertNotInError(html, "note-receive");
        }

        Assert.Single(await app.EventsAsync(application.Code));
    }

    [Fact]
    public async Task An_assignee_sent_with_an_action_that_takes_none_is_refused_naming_the_actions_as_the_workflow_does()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033085007008", "Đinh Thị Lan");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var specialist = await app.OfficerIdAsync(Officers.BaDinhSpecialist);
        var path = $"/workspace/applications/{application.Code}";

        foreach (var (query, expected) in new[]
        {
            ("", "Chỉ phân công được cùng thao tác \"Tiếp nhận hồ sơ, cấp Phiếu tiếp nhận CT04\" hoặc \"Trả lại để kiểm tra lại\"; với thao tác khác, dùng chức năng \"Phân công xử lý\"."),
            ("?culture=en&ui-culture=en", "A specialist can be assigned only with \"Receive the application, issue receipt CT04\" or \"Send back for another check\"; with any other action, use \"Assign\"."),
        })
        {
            var response = await IdentityAppFactory.PostFormAsync(receptionist, path + query, new()
            {
                ["ActionKey"] = "refuse",
                ["RequestKey"] = "form:" + Guid.NewGuid().ToString("N"),
                ["Revision"] = "1",
                ["Note"] = "Không đủ điều kiện.",
                ["AssignTo"] = specialist,
            });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains($"<a href=\"#assign-refuse\">{expected}</a>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("'send-back'", html, StringComparison.Ordinal);
        }

        Assert.Single(await app.EventsAsync(application.Code));
    }

    [Fact]
    public async Task An_assignee_refused_marks_the_assignee_box_and_not_the_note()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033085007011", "Đỗ Văn Lâm");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var leader = await app.OfficerIdAsync(Officers.BaDinhLeader);

        var response = await IdentityAppFactory.PostFormAsync(receptionist, $"/workspace/applications/{application.Code}", new()
        {
            ["ActionKey"] = "receive",
            ["RequestKey"] = "form:" + Guid.NewGuid().ToString("N"),
            ["Revision"] = "1",
            ["Note"] = "",
            ["AssignTo"] = leader,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        FormControls.AssertInError(html, "assign-receive");
        FormControls.AssertNotInError(html, "note-receive");
        Assert.Single(await app.EventsAsync(application.Code));
    }

    [Fact]
    public async Task An_action_the_step_does_not_allow_is_refused_naming_the_step_and_the_action_as_the_workflow_does()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033085007009", "Đinh Văn Khoa");
        var leader = await app.OfficerAsync(Officers.BaDinhLeader);
        var path = $"/workspace/applications/{application.Code}";

        foreach (var (query, expected) in new[]
        {
            ("", "Hồ sơ đang ở bước \"Chờ tiếp nhận\", không thể \"Phê duyệt, cập nhật Cơ sở dữ liệu về cư trú\"."),
            ("?culture=en&ui-culture=en", "The application is at the step \"Awaiting reception\", from which \"Approve and update the residence database\" cannot be taken."),
        })
        {
            var response = await IdentityAppFactory.PostFormAsync(leader, path + query, new()
            {
                ["ActionKey"] = "approve",
                ["RequestKey"] = "form:" + Guid.NewGuid().ToString("N"),
                ["Revision"] = "1",
            });

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains(expected, html, StringComparison.Ordinal);
            Assert.DoesNotContain("'approve'", html, StringComparison.Ordinal);
            Assert.DoesNotContain("'submitted'", html, StringComparison.Ordinal);
        }

        Assert.Single(await app.EventsAsync(application.Code));
    }

    [Fact]
    public async Task The_counter_form_marks_each_field_in_error_and_links_its_message_and_no_other()
    {
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var fields = CounterFields(SampleAnswers.CertifiedCopy, "033090007011", "Lý Thị Nga", SampleAnswers.BaDinh);
        fields["ApplicantName"] = "";
        fields.Remove("Values[documentName]");

        var response = await IdentityAppFactory.PostFormAsync(receptionist, $"/workspace/counter?procedure={SampleAnswers.CertifiedCopy}", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        FormControls.AssertInError(html, "applicantName");
        FormControls.AssertNotInError(html, "applicantIdNumber");
        FormControls.AssertInError(html, "field-documentName");
        FormControls.AssertNotInError(html, "field-issuedAbroad");
    }

    [Fact]
    public async Task The_counter_form_says_when_a_field_is_asked_by_the_questions_label_and_the_answers_words()
    {
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);

        var copy = await TextAsync(receptionist, $"/workspace/counter?procedure={SampleAnswers.CertifiedCopy}");
        Assert.Contains("Chỉ điền khi \"Giấy tờ do cơ quan nước ngoài cấp?\" là Có.", copy, StringComparison.Ordinal);
        Assert.DoesNotContain("issuedAbroad\" là", copy, StringComparison.Ordinal);

        var birth = await TextAsync(receptionist, $"/workspace/counter?procedure={SampleAnswers.BirthRegistration}");
        Assert.Contains("Chỉ điền khi \"Quan hệ với trẻ\" là Người thân thích khác hoặc Cá nhân, tổ chức nuôi dưỡng trẻ.", birth, StringComparison.Ordinal);

        var english = await TextAsync(receptionist, $"/workspace/counter?procedure={SampleAnswers.CertifiedCopy}&culture=en&ui-culture=en");
        Assert.Contains("Only when \"Was the document issued abroad?\" is Yes.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counter_names_the_competent_unit_outside_the_desk_by_its_name()
    {
        var phoHien = await app.OfficerAsync(Officers.PhoHienReceptionist);
        var path = $"/workspace/counter?procedure={SampleAnswers.CriminalRecord}";
        var fields = CounterFields(SampleAnswers.CriminalRecord, "033188007002", "Trần Văn Hải", SampleAnswers.PhoHien);

        var response = await IdentityAppFactory.PostFormAsync(phoHien, path, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Hồ sơ này do Công an tỉnh Hưng Yên giải quyết, không thuộc địa bàn của bạn.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("33-CA", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_typed_in_but_not_received_tells_the_officer_why_in_the_officers_language()
    {
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var path = $"/workspace/counter?procedure={SampleAnswers.PermanentResidence}";
        var leader = await app.OfficerIdAsync(Officers.BaDinhLeader);

        foreach (var (idNumber, english) in new[] { ("033090007003", false), ("033090007004", true) })
        {
            var fields = CounterFields(SampleAnswers.PermanentResidence, idNumber, "Hoàng Văn Tú", SampleAnswers.BaDinh);
            fields["AssignTo"] = leader;

            var response = await IdentityAppFactory.PostFormAsync(receptionist, path, fields);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var landing = response.Headers.Location!.OriginalString;
            Assert.EndsWith("?done=submit", landing, StringComparison.Ordinal);
            var html = await TextAsync(receptionist, english ? landing + "&culture=en&ui-culture=en" : landing);
            Assert.Contains(
                english
                    ? "Reason: The assignee must be a specialist of the application's competent unit."
                    : "Lý do: Người được phân công phải là chuyên viên của đơn vị giải quyết hồ sơ.",
                html,
                StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Attachments_are_listed_by_the_documents_name_in_the_procedure_version_applied_under()
    {
        const string idNumber = "033085007005";
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        Application application;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // As the portal submits: the files go in the submission's own transaction.
            var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
            var submitted = await intake.SubmitAsync(new SubmissionRequest
            {
                ProcedureCode = SampleAnswers.PermanentResidence,
                Channel = ApplicationChannel.Online,
                ApplicantIdNumber = idNumber,
                ApplicantName = "Lý Thị Mai",
                CommuneCode = SampleAnswers.BaDinh,
                Values = SampleAnswers.For(SampleAnswers.PermanentResidence, idNumber, "Lý Thị Mai"),
                SubmittedBy = StepActor.Citizen(idNumber, "Lý Thị Mai"),
                AlsoWrite = a =>
                [
                    AttachmentCheck.ToAttachment(new IncomingFile("lawful-home-proof", "so-do.pdf", pdf), a.Id, idNumber, DateTimeOffset.UtcNow),
                    AttachmentCheck.ToAttachment(new IncomingFile("no-longer-asked", "giay-cu.pdf", pdf), a.Id, idNumber, DateTimeOffset.UtcNow),
                ],
            });
            Assert.True(submitted.Succeeded);
            application = submitted.Application!;
        }

        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        await WorkspaceAppFactory.ActAsync(receptionist, application.Code, "request-supplement", new { note = "Bổ sung giấy chứng nhận" });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var citizen = scope.ServiceProvider.GetRequiredService<CitizenApplications>();
            var supplied = await citizen.SupplyAsync(new SupplementResponse(idNumber, "Lý Thị Mai", application.Code, null, [new IncomingFile("", "gcs.pdf", pdf)], "supply:" + Guid.NewGuid().ToString("N")));
            Assert.Equal(CitizenStepOutcome.Done, supplied.Outcome);
        }

        var path = $"/workspace/applications/{application.Code}";
        var html = await TextAsync(receptionist, path);
        Assert.Contains("so-do.pdf</a> (Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp, 1 KB)", html, StringComparison.Ordinal);
        Assert.Contains("gcs.pdf</a> (bổ sung, 1 KB)", html, StringComparison.Ordinal);
        Assert.Contains("giay-cu.pdf</a> (no-longer-asked, 1 KB)", html, StringComparison.Ordinal);

        var english = await TextAsync(receptionist, path + "?culture=en&ui-culture=en");
        Assert.Contains("so-do.pdf</a> (Proof of a lawful home, 1 KB)", english, StringComparison.Ordinal);
        Assert.Contains("gcs.pdf</a> (supplement, 1 KB)", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queue_page_past_the_last_leads_back_to_the_first_page_keeping_the_filters()
    {
        var receptionist = await app.OfficerAsync(Officers.PhoHienReceptionist);

        var response = await receptionist.GetAsync($"/workspace?queue=all&procedure={SampleAnswers.PermanentResidence}&page=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Trang 3 không có hồ sơ nào; danh sách này ngắn hơn.", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/workspace?queue=all&amp;procedure={SampleAnswers.PermanentResidence}\">Về trang đầu của danh sách</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Không có hồ sơ nào trong danh sách này.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_the_history_and_the_control_sheet_page_name_steps_and_roles_in_English_and_the_PDF_stays_Vietnamese()
    {
        var application = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, "033085007006", "Tạ Văn Phúc");
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        await WorkspaceAppFactory.ActAsync(receptionist, application.Code, "receive");
        var path = $"/workspace/applications/{application.Code}";

        var page = await TextAsync(receptionist, path + "?culture=en&ui-culture=en");
        var sheet = await TextAsync(receptionist, path + "/control-sheet?culture=en&ui-culture=en");
        foreach (var html in new[] { page, sheet })
        {
            Assert.Contains("<td>Receive the application, issue receipt CT04</td>", html, StringComparison.Ordinal);
            Assert.Contains("(receptionist)</td>", html, StringComparison.Ordinal);
            Assert.Contains("Tạ Văn Phúc (applicant)</td>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("cán bộ tiếp nhận", html, StringComparison.Ordinal);
        }

        Assert.Contains("<td>Application submitted</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nộp hồ sơ", page, StringComparison.Ordinal);
        Assert.Contains("<td>Tiếp nhận hồ sơ, cấp Phiếu tiếp nhận CT04</td>", await TextAsync(receptionist, path), StringComparison.Ordinal);

        // The control sheet's PDF is a legal document: Vietnamese whatever language the officer reads.
        var pdf = await receptionist.GetAsync(path + "/control-sheet.pdf?culture=en&ui-culture=en");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("cán bộ tiếp nhận", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(receptionist)", text, StringComparison.Ordinal);
    }

    /// <summary>A page's text as the person reads it, character references decoded.</summary>
    private static async Task<string> TextAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> CounterFields(string procedure, string idNumber, string name, string commune)
    {
        var fields = new Dictionary<string, string>
        {
            ["SubmissionKey"] = "counter:" + Guid.NewGuid().ToString("N"),
            ["ApplicantIdNumber"] = idNumber,
            ["ApplicantName"] = name,
            ["CommuneCode"] = commune,
            ["Phone"] = "0912345678",
        };
        foreach (var (key, value) in SampleAnswers.For(procedure, idNumber, name, commune))
        {
            fields[$"Values[{key}]"] = value!;
        }

        return fields;
    }
}
