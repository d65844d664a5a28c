using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.IntegrationTests.Identity;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.IntegrationTests.Signing;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Applications.Tracking;
using static OneStop.IntegrationTests.Applications.Tracking.TrackingScenario;

namespace OneStop.IntegrationTests.Applications.Tracking;

/// <summary>The citizen follows their applications on the pages, signed in through the real provider.</summary>
public sealed class TrackingPagesTests(TrackingAppFactory app) : IClassFixture<TrackingAppFactory>
{
    [Fact]
    public async Task My_applications_lists_only_the_citizens_own_newest_first_in_the_national_vocabulary()
    {
        var older = await SubmitAsync(app.Services, Hoa);
        var newer = await SubmitAsync(app.Services, Hoa, SampleAnswers.CriminalRecord, SampleAnswers.PhoHien);
        var someoneElses = await SubmitAsync(app.Services, Khanh);
        await StepAsync(app.Services, older.Code, "receive", "received");

        var browser = await app.SignInCitizenAsync(Hoa);
        var html = await browser.GetStringAsync("/my-applications");

        Assert.Contains(older.Code, html, StringComparison.Ordinal);
        Assert.Contains(newer.Code, html, StringComparison.Ordinal);
        Assert.DoesNotContain(someoneElses.Code, html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(newer.Code, StringComparison.Ordinal) < html.IndexOf(older.Code, StringComparison.Ordinal), "Newest first.");
        Assert.Contains("Được tiếp nhận", html, StringComparison.Ordinal);
        Assert.Contains("Mới", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/apply/drafts\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chờ bạn bổ sung", html, StringComparison.Ordinal);

        // An application that waits for documents says so at the top and leads to its supplement form.
        await StepAsync(app.Services, older.Code, "request-supplement", "supplement-requested", "Bổ sung giấy xác nhận chỗ ở", stopsClock: true);
        var waiting = WebUtility.HtmlDecode(await browser.GetStringAsync("/my-applications"));
        Assert.Contains("1 hồ sơ đang chờ bạn bổ sung giấy tờ", waiting, StringComparison.Ordinal);
        Assert.Contains($"href=\"/my-applications/{older.Code}/supplement\"", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/my-applications/{newer.Code}/supplement\"", waiting, StringComparison.Ordinal);

        // A province-level procedure's receipt is headed by the department under its own superior.
        var receipt = PdfText.Of(await browser.GetByteArrayAsync($"/applications/{newer.Code}/receipt.pdf"));
        Assert.Contains("BỘ CÔNG AN", receipt, StringComparison.Ordinal);
        Assert.Contains("CÔNG AN TỈNH HƯNG YÊN", receipt, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/my-applications/{someoneElses.Code}")).StatusCode);
        var anonymous = await app.NewBrowser().GetAsync("/my-applications");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task In_English_the_pages_give_the_procedure_and_every_moment_in_English()
    {
        var application = await SubmitAsync(app.Services, Lan);
        var browser = await app.SignInCitizenAsync(Lan);
        var pages = new[] { "/my-applications", $"/my-applications/{application.Code}", $"/applications/{application.Code}/receipt" };

        foreach (var path in pages)
        {
            var vietnamese = WebUtility.HtmlDecode(await browser.GetStringAsync(path));
            Assert.Contains("Đăng ký thường trú", vietnamese, StringComparison.Ordinal);
            Assert.Matches(@"\d\d giờ \d\d phút, ngày \d\d/\d\d/\d{4}", vietnamese);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/language/en?returnUrl=%2F")).StatusCode);
        foreach (var path in pages)
        {
            var english = WebUtility.HtmlDecode(await browser.GetStringAsync(path));
            Assert.Contains("Permanent residence registration", english, StringComparison.Ordinal);
            Assert.DoesNotContain("Đăng ký thường trú", english, StringComparison.Ordinal);
            Assert.Matches(@"\b\d\d:\d\d, \d\d/\d\d/\d{4}\b", english);
            Assert.DoesNotContain(" giờ ", english, StringComparison.Ordinal);
        }

        // The receipt as a document stays Vietnamese whatever the page's language.
        var receipt = PdfText.Of(await browser.GetByteArrayAsync($"/applications/{application.Code}/receipt.pdf"));
        Assert.Contains("Đăng ký thường trú", receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_shows_the_history_with_the_unit_never_the_officers_name_and_what_was_asked()
    {
        var application = await SubmitAsync(app.Services, An);
        await StepAsync(app.Services, application.Code, "receive", "received");
        await StepAsync(app.Services, application.Code, "request-supplement", "supplement-requested", "Bổ sung bản sao hợp đồng thuê nhà có công chứng", stopsClock: true);

        var browser = await app.SignInCitizenAsync(An);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/my-applications/{application.Code}"));

        Assert.Contains("Nộp hồ sơ", html, StringComparison.Ordinal);
        Assert.Contains("Tiếp nhận hồ sơ, cấp Phiếu tiếp nhận CT04", html, StringComparison.Ordinal);
        Assert.Contains("Cán bộ Phường Ba Đình", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Thị Lan", html, StringComparison.Ordinal);
        Assert.Contains("Yêu cầu bổ sung giấy tờ", html, StringComparison.Ordinal);
        Assert.Contains("Bổ sung bản sao hợp đồng thuê nhà có công chứng", html, StringComparison.Ordinal);
        Assert.Contains($"/my-applications/{application.Code}/supplement", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_lookup_answers_the_right_pair_and_the_same_not_found_for_a_wrong_one()
    {
        var application = await SubmitAsync(app.Services, Binh);
        var anonymous = app.NewBrowser();

        var right = await IdentityAppFactory.PostFormAsync(anonymous, "/applications/lookup", new() { ["Code"] = application.Code, ["IdNumber"] = Binh });
        var rightHtml = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Mới", rightHtml, StringComparison.Ordinal);
        Assert.Contains("Phường Ba Đình", rightHtml, StringComparison.Ordinal);
        Assert.Contains(application.ProcedureName, rightHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Người Nộp Thử", rightHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"/my-applications/{application.Code}\"", rightHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/supplement", rightHtml, StringComparison.Ordinal);

        var wrongId = await IdentityAppFactory.PostFormAsync(anonymous, "/applications/lookup", new() { ["Code"] = application.Code, ["IdNumber"] = An });
        var unknownCode = await IdentityAppFactory.PostFormAsync(anonymous, "/applications/lookup", new() { ["Code"] = "00004-990101-9999", ["IdNumber"] = Binh });
        var notFound = "Không tìm thấy hồ sơ với mã hồ sơ và số định danh cá nhân này";
        var wrongHtml = WebUtility.HtmlDecode(await wrongId.Content.ReadAsStringAsync());
        Assert.Contains(notFound, wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(application.ProcedureName, wrongHtml, StringComparison.Ordinal);
        Assert.Contains(notFound, WebUtility.HtmlDecode(await unknownCode.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Asked for documents, the applicant is led to the form that answers (after signing in).
        await StepAsync(app.Services, application.Code, "receive", "received");
        await StepAsync(app.Services, application.Code, "request-supplement", "supplement-requested", "Bổ sung giấy xác nhận", stopsClock: true);
        var asked = await IdentityAppFactory.PostFormAsync(anonymous, "/applications/lookup", new() { ["Code"] = application.Code, ["IdNumber"] = Binh });
        Assert.Contains($"href=\"/my-applications/{application.Code}/supplement\"", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var malformed = await IdentityAppFactory.PostFormAsync(anonymous, "/applications/lookup", new() { ["Code"] = "", ["IdNumber"] = "123" });
        var malformedHtml = WebUtility.HtmlDecode(await malformed.Content.ReadAsStringAsync());
        Assert.Contains("error-summary", malformedHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#idNumber\"", malformedHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#code\"", malformedHtml, StringComparison.Ordinal);
        Assert.Contains("<title>Lỗi: Tra cứu hồ sơ", malformedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<title>Lỗi", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_lookup_marks_each_field_in_error_as_invalid_with_its_error_and_no_other()
    {
        var anonymous = app.NewBrowser();
        var blank = await anonymous.GetStringAsync("/applications/lookup");
        FormControls.AssertNotInError(blank, "code");
        FormControls.AssertNotInError(blank, "idNumber");

        var both = await (await IdentityAppFactory.PostFormAsync(anonymous, "/applications/lookup", new() { ["Code"] = "", ["IdNumber"] = "123" })).Content.ReadAsStringAsync();
        FormControls.AssertInError(both, "code");
        FormControls.AssertInError(both, "idNumber");
        Assert.Equal("code-hint code-error", FormControls.Of(both, "code")["aria-describedby"]);

        var codeOnly = await (await IdentityAppFactory.PostFormAsync(anonymous, "/applications/lookup", new() { ["Code"] = "", ["IdNumber"] = Binh })).Content.ReadAsStringAsync();
        FormControls.AssertInError(codeOnly, "code");
        FormControls.AssertNotInError(codeOnly, "idNumber");
        Assert.Equal("idNumber-hint", FormControls.Of(codeOnly, "idNumber")["aria-describedby"]);
    }

    [Fact]
    public async Task The_public_lookup_opened_from_a_receipt_s_QR_code_has_the_code_filled_in_and_shows_nothing_yet()
    {
        var application = await SubmitAsync(app.Services, Binh);
        var anonymous = app.NewBrowser();

        var html = await anonymous.GetStringAsync($"/applications/lookup?code={application.Code}");
        Assert.Contains($"name=\"Code\" value=\"{application.Code}\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("name=\"IdNumber\" value=\"[^\"]", html);
        Assert.DoesNotContain("lookup-result", html, StringComparison.Ordinal);
        Assert.DoesNotContain(application.ProcedureName, WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        // Whatever the address carries is only ever a value, escaped, and never longer than a code.
        var odd = await anonymous.GetStringAsync("/applications/lookup?code=%22%3E%3Cscript%3E");
        Assert.Contains("name=\"Code\" value=\"&quot;&gt;&lt;script&gt;\"", odd, StringComparison.Ordinal);
        var tooLong = await anonymous.GetStringAsync($"/applications/lookup?code={new string('9', 41)}");
        Assert.DoesNotMatch("name=\"Code\" value=\"[^\"]", tooLong);
    }

    [Fact]
    public async Task Answering_a_supplement_request_writes_the_files_returns_the_application_to_the_desk_and_restarts_the_clock_once()
    {
        var application = await SubmitAsync(app.Services, Dung);
        await StepAsync(app.Services, application.Code, "request-supplement", "supplement-requested", "Bổ sung giấy xác nhận chỗ ở hợp pháp", stopsClock: true);
        var browser = await app.SignInCitizenAsync(Dung);
        var path = $"/my-applications/{application.Code}/supplement";
        Assert.Contains("Bổ sung giấy xác nhận chỗ ở hợp pháp", WebUtility.HtmlDecode(await browser.GetStringAsync(path)), StringComparison.Ordinal);

        // A file that is not a PDF, JPEG or PNG: refused, and nothing at all is written.
        var (refused, _) = await PostMultipartAsync(browser, path, new() { ["Note"] = "Gửi kèm giấy xác nhận" }, [("xac-nhan.pdf", "not a pdf"u8.ToArray())]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("không phải là PDF, JPEG hay PNG", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#files\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains($"<title>Lỗi: Gửi bổ sung hồ sơ {application.Code}", refusedHtml, StringComparison.Ordinal);
        var stillWaiting = await ReadAsync(app.Services, db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        Assert.Equal("supplement-requested", stillWaiting.State);
        Assert.Equal(0, await ReadAsync(app.Services, db => db.ApplicationAttachments.CountAsync(a => a.ApplicationId == application.Id)));

        var (sent, token) = await PostMultipartAsync(browser, path, new() { ["Note"] = "Gửi kèm giấy xác nhận" }, [("xac-nhan.pdf", Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/my-applications/{application.Code}?recorded=supplement", sent.Headers.Location!.OriginalString);

        var after = await ReadAsync(app.Services, db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        Assert.Equal("submitted", after.State);
        Assert.Equal(ApplicationStatus.New, after.Status);
        Assert.Null(after.ClockStoppedSince);
        Assert.NotNull(after.DueAt);
        Assert.Contains("\"From\"", after.ClockStopsJson, StringComparison.Ordinal);
        var stored = Assert.Single(await ReadAsync(app.Services, db => db.ApplicationAttachments.Where(a => a.ApplicationId == application.Id).ToListAsync()));
        Assert.Equal("supplement", stored.DocumentKey);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal($"citizen:{Dung}", stored.AddedBy);
        var last = await ReadAsync(app.Services, db => db.ApplicationEvents.Where(e => e.ApplicationId == application.Id).OrderBy(e => e.Sequence).LastAsync());
        Assert.Equal("supply-supplement", last.Action);
        Assert.Equal("citizen", last.ActorRole);
        Assert.Equal("Gửi kèm giấy xác nhận", last.Note);

        // The same form sent again (a double click, a reload): the same answer, nothing more written.
        var (again, _) = await PostMultipartAsync(browser, path, new() { ["Note"] = "Gửi kèm giấy xác nhận" }, [("xac-nhan.pdf", Pdf)], token);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(3, await ReadAsync(app.Services, db => db.ApplicationEvents.CountAsync(e => e.ApplicationId == application.Id)));
        Assert.Equal(1, await ReadAsync(app.Services, db => db.ApplicationAttachments.CountAsync(a => a.ApplicationId == application.Id)));

        var detail = WebUtility.HtmlDecode(await browser.GetStringAsync($"/my-applications/{application.Code}"));
        Assert.Contains("xac-nhan.pdf", detail, StringComparison.Ordinal);
        Assert.Contains("Nộp bổ sung hồ sơ", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_supplement_form_marks_the_field_in_error_as_invalid_and_leaves_the_other_alone()
    {
        var application = await SubmitAsync(app.Services, Dung);
        await StepAsync(app.Services, application.Code, "request-supplement", "supplement-requested", "Bổ sung giấy xác nhận", stopsClock: true);
        var browser = await app.SignInCitizenAsync(Dung);
        var path = $"/my-applications/{application.Code}/supplement";
        var blank = await browser.GetStringAsync(path);
        FormControls.AssertNotInError(blank, "files");
        FormControls.AssertNotInError(blank, "note");

        var (badFile, _) = await PostMultipartAsync(browser, path, new() { ["Note"] = "Gửi kèm giấy xác nhận" }, [("xac-nhan.pdf", "not a pdf"u8.ToArray())]);
        var badFileHtml = await badFile.Content.ReadAsStringAsync();
        FormControls.AssertInError(badFileHtml, "files");
        FormControls.AssertNotInError(badFileHtml, "note");

        var (longNote, _) = await PostMultipartAsync(browser, path, new() { ["Note"] = new string('a', CitizenApplications.MaxNoteLength + 1) }, []);
        var longNoteHtml = await longNote.Content.ReadAsStringAsync();
        FormControls.AssertInError(longNoteHtml, "note");
        FormControls.AssertNotInError(longNoteHtml, "files");
        Assert.Equal("supplement-requested", (await ReadAsync(app.Services, db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id))).State);
    }

    [Fact]
    public async Task The_withdrawal_form_marks_a_missing_reason_as_invalid_with_its_one_error()
    {
        var application = await SubmitAsync(app.Services, Lan);
        var browser = await app.SignInCitizenAsync(Lan);
        var path = $"/my-applications/{application.Code}/withdraw";
        FormControls.AssertNotInError(await browser.GetStringAsync(path), "reason");

        var (noReason, _) = await PostMultipartAsync(browser, path, new() { ["Reason"] = " " }, []);
        var html = await noReason.Content.ReadAsStringAsync();
        FormControls.AssertInError(html, "reason");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "id=\"reason-error\""));
    }

    [Fact]
    public async Task A_citizen_withdraws_with_a_reason_once_and_then_is_told_it_is_no_longer_possible()
    {
        var application = await SubmitAsync(app.Services, Lan);
        var browser = await app.SignInCitizenAsync(Lan);
        var path = $"/my-applications/{application.Code}/withdraw";

        var (noReason, _) = await PostMultipartAsync(browser, path, new() { ["Reason"] = " " }, []);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var noReasonHtml = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        Assert.Contains("href=\"#reason\"", noReasonHtml, StringComparison.Ordinal);
        Assert.Contains($"<title>Lỗi: Rút hồ sơ {application.Code}", noReasonHtml, StringComparison.Ordinal);

        var (withdrawn, token) = await PostMultipartAsync(browser, path, new() { ["Reason"] = "Đã chuyển nơi ở khác" }, []);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var after = await ReadAsync(app.Services, db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        Assert.Equal("withdrawn", after.State);
        Assert.Equal(ApplicationStatus.Stopped, after.Status);
        Assert.NotNull(after.CompletedAt);
        var told = WebUtility.HtmlDecode(await browser.GetStringAsync(withdrawn.Headers.Location!.OriginalString));
        Assert.Contains("Đã rút hồ sơ: cơ quan dừng xử lý hồ sơ này.", told, StringComparison.Ordinal);
        Assert.Matches(@"<dt>Ngày hẹn trả kết quả</dt><dd>Không còn \(hồ sơ không có kết quả\)</dd>", told);
        Assert.Contains("Không còn (hồ sơ không có kết quả)", WebUtility.HtmlDecode(await browser.GetStringAsync("/my-applications")), StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(path));
        Assert.Contains("không cho phép rút hồ sơ ở trạng thái hiện tại", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Reason\"", page, StringComparison.Ordinal);
        Assert.Equal(2, await ReadAsync(app.Services, db => db.ApplicationEvents.CountAsync(e => e.ApplicationId == application.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostMultipartAsync(browser, path, new() { ["Reason"] = "Đã chuyển nơi ở khác" }, [], token)).Response.StatusCode);
        Assert.Equal(2, await ReadAsync(app.Services, db => db.ApplicationEvents.CountAsync(e => e.ApplicationId == application.Id)));
    }

    [Fact]
    public async Task On_English_pages_what_the_office_wrote_in_Vietnamese_is_marked_Vietnamese_and_on_Vietnamese_pages_nothing_is()
    {
        const string asked = "Bổ sung bản sao hợp đồng thuê nhà có công chứng";
        var application = await SubmitAsync(app.Services, An);
        await StepAsync(app.Services, application.Code, "receive", "received", "Đã kiểm tra đủ thành phần hồ sơ");
        await StepAsync(app.Services, application.Code, "request-supplement", "supplement-requested", asked, stopsClock: true);
        await SigningScenario.IssueAsync(app.Services, application.Code);
        // A procedure the catalogue no longer has: the page can only show the Vietnamese name the application kept.
        var retired = await SubmitAsync(app.Services, An);
        await ReadAsync(app.Services, db => db.Applications.Where(a => a.Id == retired.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ProcedureCode, "9.999997")));

        var browser = await app.SignInCitizenAsync(An);
        var pages = new[] { $"/my-applications/{application.Code}", $"/my-applications/{application.Code}/supplement", "/my-applications" };
        foreach (var path in pages)
        {
            Assert.DoesNotContain("<span lang=\"vi\">", await browser.GetStringAsync(path), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/language/en?returnUrl=%2F")).StatusCode);
        var detail = WebUtility.HtmlDecode(await browser.GetStringAsync(pages[0]));
        Assert.Contains($"<p id=\"supplement-request\"><span lang=\"vi\">{asked}</span></p>", detail, StringComparison.Ordinal);
        Assert.Contains($"<td><span lang=\"vi\">{asked}</span></td>", detail, StringComparison.Ordinal);
        Assert.Matches("Download <span lang=\"vi\">[^<]+</span> \\(digitally signed PDF\\)", detail);
        Assert.Contains("Permanent residence registration", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<span lang=\"vi\">Permanent", detail, StringComparison.Ordinal);

        var supplement = WebUtility.HtmlDecode(await browser.GetStringAsync(pages[1]));
        Assert.Contains($"<p id=\"supplement-request\"><span lang=\"vi\">{asked}</span></p>", supplement, StringComparison.Ordinal);

        var list = WebUtility.HtmlDecode(await browser.GetStringAsync(pages[2]));
        Assert.Matches(@"<span lang=""vi"">Đăng ký thường trú[^<]*</span> <span class=""muted"">\(9\.999997\)</span>", list);
        Assert.Matches(@"<td>Permanent residence registration[^<]* <span class=""muted"">\(" + System.Text.RegularExpressions.Regex.Escape(SampleAnswers.PermanentResidence) + @"\)</span>", list);
    }

    [Fact]
    public async Task A_signed_result_is_listed_and_downloadable_by_its_applicant_only()
    {
        var application = await SubmitAsync(app.Services, Khanh);
        var other = await SubmitAsync(app.Services, An);
        var (issued, pdf) = await SigningScenario.IssueAsync(app.Services, application.Code);
        var (othersResult, _) = await SigningScenario.IssueAsync(app.Services, other.Code);

        var owner = await app.SignInCitizenAsync(Khanh);
        var detail = await owner.GetStringAsync($"/my-applications/{application.Code}");
        var link = $"/my-applications/{application.Code}/results/{issued.Id}";
        Assert.Contains(link, detail, StringComparison.Ordinal);
        var download = await owner.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // Another application's result through this application's address, and this result for someone else: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/my-applications/{application.Code}/results/{othersResult.Id}")).StatusCode);
        var stranger = await app.SignInCitizenAsync(Binh);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.NewBrowser().GetAsync(link)).StatusCode);
    }
}
