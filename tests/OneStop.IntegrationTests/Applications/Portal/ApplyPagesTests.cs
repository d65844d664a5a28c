using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Identity;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Applications.Portal;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing;

namespace OneStop.IntegrationTests.Applications.Portal;

/// <summary>
/// A signed-in citizen applies through the pages as a browser without JavaScript does: plain form
/// posts with antiforgery tokens, a multipart upload, check your answers, the receipt.
/// </summary>
public sealed class ApplyPagesTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    private const string An = "033085001234";
    private const string Binh = "033188004321";
    private const string Dung = "033090005678";
    private const string Khanh = "001089003456";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>Starts a draft of the procedure; returns the address of its first page.</summary>
    private static async Task<Uri> StartAsync(HttpClient browser, string procedure)
    {
        var started = await IdentityAppFactory.PostFormAsync(browser, $"/apply/{procedure}", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return new Uri(new Uri("http://localhost"), started.Headers.Location!);
    }

    private static string PathOf(Uri uri) => uri.PathAndQuery;

    [Fact]
    public async Task In_English_a_prefilled_answer_names_its_registry_and_moment_in_English()
    {
        var browser = await app.SignInCitizenAsync(Khanh);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/language/en?returnUrl=%2F")).StatusCode);
        var first = await StartAsync(browser, SampleAnswers.PermanentResidence);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(PathOf(first)));

        Assert.Matches(@"From the National population database at \d\d:\d\d, \d\d/\d\d/\d{4}", page);
        Assert.DoesNotContain("Cơ sở dữ liệu quốc gia về dân cư", page, StringComparison.Ordinal);
    }

    private static Guid DraftOf(Uri uri) => Guid.Parse(Regex.Match(uri.Query, "draft=([0-9a-f-]{36})").Groups[1].Value);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string path, IEnumerable<(string Field, string FileName, byte[] Content)> files)
    {
        var page = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = IdentityAppFactory.HiddenValue(await page.Content.ReadAsStringAsync(), "__RequestVerificationToken");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("next"), "action" },
        };
        foreach (var (field, name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new("application/pdf");
            form.Add(part, field, name);
        }

        return await browser.PostAsync(path, form);
    }

    /// <summary>Answers the permanent residence form page by page; returns the files page.</summary>
    private static async Task<Uri> AnswerPermanentResidenceAsync(HttpClient browser, string idNumber, string name)
    {
        var first = await StartAsync(browser, SampleAnswers.PermanentResidence);
        Assert.StartsWith("/apply/1.004222/form/person", PathOf(first), StringComparison.Ordinal);
        var answers = SampleAnswers.For(SampleAnswers.PermanentResidence, idNumber, name);
        var person = await IdentityAppFactory.PostFormAsync(browser, PathOf(first), new()
        {
            ["personIdNumber"] = answers["personIdNumber"]!,
            ["personFullName"] = answers["personFullName"]!,
            ["personDateOfBirth"] = answers["personDateOfBirth"]!,
            ["phone"] = answers["phone"]!,
            ["action"] = "next",
        });
        Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
        var home = person.Headers.Location!.OriginalString;
        Assert.StartsWith("/apply/1.004222/form/home", home, StringComparison.Ordinal);
        var homeAnswer = await IdentityAppFactory.PostFormAsync(browser, home, new()
        {
            ["newCommune"] = answers["newCommune"]!,
            ["newAddress"] = answers["newAddress"]!,
            ["homeBasis"] = answers["homeBasis"]!,
            ["action"] = "next",
        });
        Assert.Equal(HttpStatusCode.Redirect, homeAnswer.StatusCode);
        Assert.StartsWith("/apply/1.004222/files", homeAnswer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return new Uri(new Uri("http://localhost"), homeAnswer.Headers.Location!);
    }

    private async Task<int> CountAsync<T>(Func<OneStopDbContext, IQueryable<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OneStopDbContext>()).CountAsync();
    }

    [Fact]
    public async Task A_citizen_applies_page_by_page_and_a_second_click_makes_no_second_application()
    {
        var browser = await app.SignInCitizenAsync(An);
        var first = await StartAsync(browser, SampleAnswers.PermanentResidence);
        var firstPage = await (await browser.GetAsync(PathOf(first))).Content.ReadAsStringAsync();
        Assert.Contains("value=\"Nguyễn Văn An\"", WebUtility.HtmlDecode(firstPage), StringComparison.Ordinal);
        Assert.Contains("Cơ sở dữ liệu quốc gia về dân cư", firstPage, StringComparison.Ordinal);

        var files = await AnswerPermanentResidenceAsync(browser, An, "Nguyễn Văn An");
        var uploaded = await UploadAsync(browser, PathOf(files), [("file-lawful-home-proof", "so-do.pdf", Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var check = uploaded.Headers.Location!.OriginalString;
        Assert.StartsWith("/apply/1.004222/check", check, StringComparison.Ordinal);

        var checkPage = await (await browser.GetAsync(check)).Content.ReadAsStringAsync();
        Assert.Contains("Thay đổi", checkPage, StringComparison.Ordinal);
        Assert.Contains("so-do.pdf", checkPage, StringComparison.Ordinal);
        var token = IdentityAppFactory.HiddenValue(checkPage, "SubmissionToken");
        var fields = new Dictionary<string, string>
        {
            ["CommuneCode"] = SampleAnswers.BaDinh,
            ["Phone"] = "0912345678",
            ["Email"] = "an@example.vn",
            ["SubmissionToken"] = token,
            ["__RequestVerificationToken"] = IdentityAppFactory.HiddenValue(checkPage, "__RequestVerificationToken"),
        };
        var submitted = await browser.PostAsync(check, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var receipt = submitted.Headers.Location!.OriginalString;
        Assert.Matches(@"^/applications/00004-\d{6}-\d{4}/receipt$", receipt);

        // The same form posted again (a double click, a refresh) lands on the same receipt.
        var again = await browser.PostAsync(check, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(receipt, again.Headers.Location!.OriginalString);
        Assert.Equal(1, await CountAsync(db => db.Applications.Where(a => a.SubmissionKey == token)));
        Assert.Equal(0, await CountAsync(db => db.ApplicationDrafts.Where(d => d.SubmissionToken == token)));
        var code = receipt.Split('/')[2];
        Assert.Equal(1, await CountAsync(db => db.ApplicationAttachments.Join(db.Applications.Where(a => a.Code == code), x => x.ApplicationId, a => a.Id, (x, a) => x)));

        var receiptPage = await browser.GetAsync(receipt);
        Assert.Equal(HttpStatusCode.OK, receiptPage.StatusCode);
        var receiptHtml = await receiptPage.Content.ReadAsStringAsync();
        Assert.Contains(code, receiptHtml, StringComparison.Ordinal);
        Assert.Contains("Ngày hẹn trả kết quả", receiptHtml, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}/\d{2}/\d{4}", receiptHtml);
        var pdf = await browser.GetAsync(receipt + ".pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdfBytes)[..5], StringComparison.Ordinal);
        // The letterhead names the agency that receives it: the ward's police under the city's, not the catalogue's description.
        var receiptText = PdfText.Of(pdfBytes);
        Assert.Contains("CÔNG AN THÀNH PHỐ HÀ NỘI", receiptText, StringComparison.Ordinal);
        Assert.Contains("CÔNG AN PHƯỜNG BA ĐÌNH", receiptText, StringComparison.Ordinal);
        Assert.Contains(code, receiptText, StringComparison.Ordinal);

        // Its QR code opens the public look-up with the code filled in (the applicant gives the ID number there).
        Assert.Contains("Tra cứu tình trạng hồ sơ: quét mã QR", receiptText, StringComparison.Ordinal);
        var publicBaseUrl = app.Services.GetRequiredService<SigningOptions>().PublicBaseUrl;
        Assert.Equal($"{publicBaseUrl}/applications/lookup?code={code}", Assert.Single(QrCodes.OnFirstPage(pdfBytes)));
        var lookupPage = await app.NewBrowser().GetStringAsync($"/applications/lookup?code={code}");
        Assert.Contains($"name=\"Code\" value=\"{code}\"", lookupPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/my-applications/{code}\"", receiptHtml, StringComparison.Ordinal);
        var own = WebUtility.HtmlDecode(await browser.GetStringAsync($"/my-applications/{code}"));
        Assert.Contains("so-do.pdf <span class=\"muted\">(Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp, ", own, StringComparison.Ordinal);

        // Someone else's receipt does not exist for another citizen.
        var binh = await app.SignInCitizenAsync(Binh);
        Assert.Equal(HttpStatusCode.NotFound, (await binh.GetAsync(receipt)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await binh.GetAsync(receipt + ".pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await binh.GetAsync($"/api/applications/{code}/receipt.pdf")).StatusCode);
    }

    [Fact]
    public async Task Check_your_answers_reads_a_commune_by_its_name_and_options_by_their_label_in_the_chosen_language()
    {
        var browser = await app.SignInCitizenAsync(Khanh);
        var files = await AnswerPermanentResidenceAsync(browser, Khanh, "Đỗ Văn Khánh");
        var uploaded = await UploadAsync(browser, PathOf(files), [("file-lawful-home-proof", "so-do.pdf", Pdf)]);
        var check = uploaded.Headers.Location!.OriginalString;

        static string AnswerTo(string page, string question) =>
            Regex.Match(WebUtility.HtmlDecode(page), $@"<dt>{Regex.Escape(question)}</dt>\s*<dd>\s*([^<]*?)\s*<").Groups[1].Value;

        var vietnamese = await (await browser.GetAsync(check)).Content.ReadAsStringAsync();
        Assert.Equal("Phường Ba Đình", AnswerTo(vietnamese, "Xã, phường, đặc khu"));
        Assert.Equal("Chủ sở hữu", AnswerTo(vietnamese, "Bạn ở tại chỗ ở này với tư cách"));
        Assert.Equal("12/03/1985", AnswerTo(vietnamese, "Ngày, tháng, năm sinh"));
        // A question left blank says so instead of showing nothing.
        Assert.Matches(@"<dt>Lý do đăng ký thường trú</dt>\s*<dd>\s*<span class=""muted"">Không khai</span>", WebUtility.HtmlDecode(vietnamese));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/language/en?returnUrl=%2F")).StatusCode);
        var english = await (await browser.GetAsync(check)).Content.ReadAsStringAsync();
        Assert.Equal("Phường Ba Đình", AnswerTo(english, "Commune, ward or special zone"));
        Assert.Equal("Owner", AnswerTo(english, "You live in this home as"));
        Assert.Matches(@"<dt>Reason for registering</dt>\s*<dd>\s*<span class=""muted"">Not given</span>", WebUtility.HtmlDecode(english));
    }

    [Fact]
    public async Task The_parents_names_of_a_birth_registration_are_not_prefilled_with_the_applicants_own_name()
    {
        var browser = await app.SignInCitizenAsync(An);
        var first = await StartAsync(browser, SampleAnswers.BirthRegistration);
        var draft = DraftOf(first);

        var declarant = WebUtility.HtmlDecode(await browser.GetStringAsync($"/apply/{SampleAnswers.BirthRegistration}/form/declarant?draft={draft}"));
        Assert.Matches(@"id=""declarantFullName"" name=""declarantFullName"" value=""Nguyễn Văn An""", declarant);
        Assert.Contains("id=\"declarantFullName-source\"", declarant, StringComparison.Ordinal);

        var parents = WebUtility.HtmlDecode(await browser.GetStringAsync($"/apply/{SampleAnswers.BirthRegistration}/form/parents?draft={draft}"));
        Assert.Matches(@"id=""motherFullName"" name=""motherFullName"" value=""""", parents);
        Assert.DoesNotContain("-source\"", parents, StringComparison.Ordinal);
        Assert.DoesNotContain("Điền sẵn", parents, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().ApplicationDrafts.AsNoTracking().SingleAsync(d => d.Id == draft);
        var answers = ApplicationDrafts.AnswersOf(stored);
        Assert.Null(answers.GetValueOrDefault("motherFullName"));
        Assert.Null(answers.GetValueOrDefault("fatherFullName"));
        Assert.Equal("Nguyễn Văn An", answers["declarantFullName"]);
        var prefilled = ApplicationDrafts.PrefilledOf(stored);
        Assert.DoesNotContain("motherFullName", prefilled.Keys);
        Assert.DoesNotContain("fatherFullName", prefilled.Keys);
        Assert.Contains("declarantFullName", prefilled.Keys);
    }

    [Fact]
    public async Task An_unanswered_yes_no_question_is_asked_again_as_a_question()
    {
        var browser = await app.SignInCitizenAsync(Dung);
        var draft = DraftOf(await StartAsync(browser, SampleAnswers.BirthRegistration));
        var response = await IdentityAppFactory.PostFormAsync(browser, $"/apply/{SampleAnswers.BirthRegistration}/form/parents?draft={draft}", new()
        {
            ["motherIdNumber"] = Binh,
            ["motherFullName"] = "Trần Thị Bình",
            ["action"] = "next",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Hãy trả lời câu hỏi “Đã xác định được cha của trẻ?”", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#fatherKnown\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prefilled_answer_the_citizen_changed_or_cleared_is_no_longer_marked_as_the_registrys()
    {
        var browser = await app.SignInCitizenAsync(An);
        var first = PathOf(await StartAsync(browser, SampleAnswers.PermanentResidence));
        var untouched = await browser.GetStringAsync(first);
        Assert.Contains("id=\"personFullName-source\"", untouched, StringComparison.Ordinal);
        Assert.Contains("id=\"personDateOfBirth-source\"", untouched, StringComparison.Ordinal);

        // Shown again with an error: the name typed differently and the date cleared are the citizen's, not the registry's.
        var shownAgain = await IdentityAppFactory.PostFormAsync(browser, first, new()
        {
            ["personIdNumber"] = An,
            ["personFullName"] = "Nguyễn Văn Ân",
            ["personDateOfBirth"] = "",
            ["phone"] = "12345",
            ["action"] = "next",
        });
        Assert.Equal(HttpStatusCode.BadRequest, shownAgain.StatusCode);
        var html = WebUtility.HtmlDecode(await shownAgain.Content.ReadAsStringAsync());
        Assert.Contains("value=\"Nguyễn Văn Ân\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"personFullName-source\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"personDateOfBirth-source\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("personFullName-source", Regex.Match(html, "<input[^>]*id=\"personFullName\"[^>]*>").Value, StringComparison.Ordinal);
        Assert.Contains("id=\"personIdNumber-source\"", html, StringComparison.Ordinal);

        // Saved changed, the page read later says the same; put back, the answer is the registry's again.
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityAppFactory.PostFormAsync(browser, first, new()
        {
            ["personIdNumber"] = An,
            ["personFullName"] = "Nguyễn Văn Ân",
            ["action"] = "save",
        })).StatusCode);
        var saved = await browser.GetStringAsync(first);
        Assert.DoesNotContain("id=\"personFullName-source\"", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"personDateOfBirth-source\"", saved, StringComparison.Ordinal);
        Assert.Contains("id=\"personIdNumber-source\"", saved, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await IdentityAppFactory.PostFormAsync(browser, first, new()
        {
            ["personIdNumber"] = An,
            ["personFullName"] = "Nguyễn Văn An",
            ["action"] = "save",
        })).StatusCode);
        Assert.Contains("id=\"personFullName-source\"", await browser.GetStringAsync(first), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> BusinessPage(string commune, string capital, string employees) => new()
    {
        ["businessName"] = "Hộ kinh doanh Hoa Mai",
        ["headOfficeCommune"] = commune,
        ["headOfficeAddress"] = "Số 1 phố Huế",
        ["businessLines"] = "Bán lẻ hoa",
        ["capital"] = capital,
        ["employees"] = employees,
        ["action"] = "next",
    };

    [Fact]
    public async Task A_place_is_asked_as_a_unit_code_with_a_way_to_find_it_and_a_code_not_in_force_is_refused()
    {
        var browser = await app.SignInCitizenAsync(Khanh);
        var draft = DraftOf(await StartAsync(browser, "1.001612"));
        var business = $"/apply/1.001612/form/business?draft={draft}";

        var asked = WebUtility.HtmlDecode(await browser.GetStringAsync(business));
        Assert.Contains("id=\"headOfficeCommune-place\">Nhập mã 5 chữ số của xã, phường, đặc khu đang có hiệu lực", asked, StringComparison.Ordinal);
        Assert.Matches(@"<a href=""/units#q"" target=""_blank"" rel=""noopener"">Tra cứu mã đơn vị hành chính \(mở trong thẻ mới\)</a>", asked);
        Assert.Matches(@"id=""headOfficeCommune"" name=""headOfficeCommune"" value=""[^""]*"" aria-describedby=""headOfficeCommune-place""", asked);

        var unknown = await IdentityAppFactory.PostFormAsync(browser, business, BusinessPage("99999", "100000000", "2"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var refused = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("href=\"#headOfficeCommune\"", refused, StringComparison.Ordinal);
        Assert.Contains("Mã 99999 không phải là mã của một xã, phường, đặc khu đang có hiệu lực", refused, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().ApplicationDrafts.AsNoTracking().SingleAsync(d => d.Id == draft);
            Assert.DoesNotContain("99999", stored.AnswersJson, StringComparison.Ordinal);
        }

        var known = await IdentityAppFactory.PostFormAsync(browser, business, BusinessPage(SampleAnswers.BaDinh, "100000000", "2"));
        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Contains("Hiện chọn: Phường Ba Đình.", WebUtility.HtmlDecode(await browser.GetStringAsync(business)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_are_read_with_the_dot_between_thousands_and_shown_back_grouped()
    {
        var browser = await app.SignInCitizenAsync(Khanh);
        var draft = DraftOf(await StartAsync(browser, "1.001612"));
        var business = $"/apply/1.001612/form/business?draft={draft}";

        // Twelve thousand workers, not twelve: more than the form allows.
        var tooMany = await IdentityAppFactory.PostFormAsync(browser, business, BusinessPage(SampleAnswers.BaDinh, "100.000.000", "12.000"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var html = WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync());
        Assert.Contains("Số lao động không được lớn hơn 10.000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#capital\"", html, StringComparison.Ordinal);

        var notGrouped = await IdentityAppFactory.PostFormAsync(browser, business, BusinessPage(SampleAnswers.BaDinh, "100.000.000", "1.5"));
        Assert.Equal(HttpStatusCode.BadRequest, notGrouped.StatusCode);
        Assert.Contains("Số lao động phải là một số nguyên; dấu chấm chỉ dùng để tách từng nhóm ba chữ số", WebUtility.HtmlDecode(await notGrouped.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var answered = await IdentityAppFactory.PostFormAsync(browser, business, BusinessPage(SampleAnswers.BaDinh, "100000000", "1.200"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var check = WebUtility.HtmlDecode(await browser.GetStringAsync($"/apply/1.001612/check?draft={draft}"));
        Assert.Matches(@"<dt>Vốn kinh doanh \(đồng\)</dt>\s*<dd>\s*100\.000\.000\s*<", check);
        Assert.Matches(@"<dt>Số lao động</dt>\s*<dd>\s*1\.200\s*<", check);
    }

    [Fact]
    public async Task Check_your_answers_marks_only_the_contact_field_in_error_as_invalid()
    {
        var browser = await app.SignInCitizenAsync(Binh);
        var files = await AnswerPermanentResidenceAsync(browser, Binh, "Trần Thị Bình");
        var check = (await UploadAsync(browser, PathOf(files), [("file-lawful-home-proof", "so-do.pdf", Pdf)])).Headers.Location!.OriginalString;
        var checkPage = await browser.GetStringAsync(check);
        FormControls.AssertNotInError(checkPage, "email");

        var refused = await browser.PostAsync(check, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CommuneCode"] = SampleAnswers.BaDinh,
            ["Phone"] = "0912345678",
            ["Email"] = "not an address",
            ["SubmissionToken"] = IdentityAppFactory.HiddenValue(checkPage, "SubmissionToken"),
            ["__RequestVerificationToken"] = IdentityAppFactory.HiddenValue(checkPage, "__RequestVerificationToken"),
        }));
        var html = await refused.Content.ReadAsStringAsync();
        FormControls.AssertInError(html, "email");
        FormControls.AssertNotInError(html, "phone");
        FormControls.AssertNotInError(html, "communeCode");
    }

    [Fact]
    public async Task Two_submissions_of_the_same_form_at_once_make_one_application()
    {
        var browser = await app.SignInCitizenAsync(Binh);
        var files = await AnswerPermanentResidenceAsync(browser, Binh, "Trần Thị Bình");
        var uploaded = await UploadAsync(browser, PathOf(files), [("file-lawful-home-proof", "so-do.pdf", Pdf)]);
        var check = uploaded.Headers.Location!.OriginalString;
        var checkPage = await (await browser.GetAsync(check)).Content.ReadAsStringAsync();
        var token = IdentityAppFactory.HiddenValue(checkPage, "SubmissionToken");
        var fields = new Dictionary<string, string>
        {
            ["CommuneCode"] = SampleAnswers.BaDinh,
            ["SubmissionToken"] = token,
            ["__RequestVerificationToken"] = IdentityAppFactory.HiddenValue(checkPage, "__RequestVerificationToken"),
        };

        var both = await Task.WhenAll(
            browser.PostAsync(check, new FormUrlEncodedContent(fields)),
            browser.PostAsync(check, new FormUrlEncodedContent(fields)));

        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(both[0].Headers.Location, both[1].Headers.Location);
        Assert.Equal(1, await CountAsync(db => db.Applications.Where(a => a.SubmissionKey == token)));
    }

    [Fact]
    public async Task A_second_click_that_read_the_draft_before_the_first_took_its_files_lands_on_the_same_application()
    {
        var browser = await app.SignInCitizenAsync(Binh);
        var files = await AnswerPermanentResidenceAsync(browser, Binh, "Trần Thị Bình");
        var uploaded = await UploadAsync(browser, PathOf(files), [("file-lawful-home-proof", "so-do.pdf", Pdf)]);
        var check = uploaded.Headers.Location!.OriginalString;

        // The second click's view of the draft, read before the first click submits it.
        var draft = DraftOf(files);
        ApplicationDraft secondClicksDraft;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            secondClicksDraft = await db.ApplicationDrafts.AsNoTracking().SingleAsync(d => d.Id == draft);
        }

        var checkPage = await (await browser.GetAsync(check)).Content.ReadAsStringAsync();
        var first = await browser.PostAsync(check, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CommuneCode"] = SampleAnswers.BaDinh,
            ["SubmissionToken"] = secondClicksDraft.SubmissionToken,
            ["__RequestVerificationToken"] = IdentityAppFactory.HiddenValue(checkPage, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var second = await scope.ServiceProvider.GetRequiredService<ApplicationDrafts>().SubmitAsync(secondClicksDraft, CancellationToken.None);
            Assert.True(second.Succeeded, string.Join("; ", second.Errors.Select(e => e.Message.En)));
            Assert.True(second.Repeated);
            Assert.Equal($"/applications/{second.Application!.Code}/receipt", first.Headers.Location!.OriginalString);
        }

        Assert.Equal(1, await CountAsync(db => db.Applications.Where(a => a.SubmissionKey == secondClicksDraft.SubmissionToken)));
    }

    [Fact]
    public async Task A_question_that_depends_on_an_answer_is_asked_after_the_post_without_an_error()
    {
        var browser = await app.SignInCitizenAsync(Dung);
        var first = await StartAsync(browser, SampleAnswers.PermanentResidence);
        var person = await IdentityAppFactory.PostFormAsync(browser, PathOf(first), new()
        {
            ["personIdNumber"] = Dung,
            ["personFullName"] = "Lê Văn Dũng",
            ["personDateOfBirth"] = "1990-01-01",
            ["phone"] = "0912345678",
            ["action"] = "next",
        });
        var home = person.Headers.Location!.OriginalString;
        var tenant = new Dictionary<string, string>
        {
            ["newCommune"] = SampleAnswers.BaDinh,
            ["newAddress"] = "Số 3 ngõ 5 phố Kim Mã",
            ["homeBasis"] = "tenant",
            ["action"] = "next",
        };
        var asked = await IdentityAppFactory.PostFormAsync(browser, home, tenant);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Contains("cần trả lời thêm các câu hỏi mới", html, StringComparison.Ordinal);
        Assert.Contains("id=\"floorArea\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("error-summary", html, StringComparison.Ordinal);

        tenant["headOfHouseholdIdNumber"] = An;
        tenant["relationshipToHead"] = "Người thuê nhà";
        tenant["floorArea"] = "abc";
        var wrong = await IdentityAppFactory.PostFormAsync(browser, home, tenant);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("href=\"#floorArea\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        tenant["floorArea"] = "45";
        var answered = await IdentityAppFactory.PostFormAsync(browser, home, tenant);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.StartsWith("/apply/1.004222/files", answered.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_answer_is_shown_in_Vietnamese_and_nothing_is_saved()
    {
        var browser = await app.SignInCitizenAsync(Dung);
        var first = await StartAsync(browser, SampleAnswers.PermanentResidence);
        var response = await IdentityAppFactory.PostFormAsync(browser, PathOf(first), new()
        {
            ["personIdNumber"] = Dung,
            ["personFullName"] = "Lê Văn Dũng",
            ["personDateOfBirth"] = "1990-01-01",
            ["phone"] = "12345",
            ["action"] = "next",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#phone\"", html, StringComparison.Ordinal);
        Assert.Contains("Số điện thoại gồm 10 chữ số, bắt đầu bằng số 0.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        FormControls.AssertInError(html, "phone");
        FormControls.AssertNotInError(html, "personFullName");
        var draft = DraftOf(first);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var stored = await db.ApplicationDrafts.SingleAsync(d => d.Id == draft);
        Assert.DoesNotContain("12345", stored.AnswersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_file_named_pdf_is_refused_by_its_content_and_no_file_is_kept()
    {
        var browser = await app.SignInCitizenAsync(Khanh);
        var files = await AnswerPermanentResidenceAsync(browser, Khanh, "Đỗ Văn Khánh");
        var response = await UploadAsync(browser, PathOf(files),
        [
            ("file-lawful-home-proof", "so-do.pdf", Encoding.UTF8.GetBytes("đây không phải là PDF")),
            ("file-owner-consent", "dong-y.pdf", Pdf),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tệp so-do.pdf không phải là PDF, JPEG hay PNG", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#file-lawful-home-proof\"", html, StringComparison.Ordinal);
        FormControls.AssertInError(html, "file-lawful-home-proof");
        FormControls.AssertNotInError(html, "file-owner-consent");
        var draft = DraftOf(files);
        Assert.Equal(0, await CountAsync(db => db.ApplicationDraftFiles.Where(f => f.DraftId == draft)));

        // Continuing without the required document is refused too.
        var missing = await UploadAsync(browser, PathOf(files), []);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Tải lên Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_saved_half_way_is_listed_and_resumes_where_it_was_left()
    {
        var browser = await app.SignInCitizenAsync(Binh);
        var first = await StartAsync(browser, SampleAnswers.CriminalRecord);
        var saved = await IdentityAppFactory.PostFormAsync(browser, PathOf(first), new()
        {
            ["certificateType"] = "1",
            ["purpose"] = "Xin việc",
            ["action"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/apply/drafts", saved.Headers.Location!.OriginalString);

        var list = await (await browser.GetAsync("/apply/drafts")).Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu nháp", list, StringComparison.Ordinal);
        Assert.Contains($"/apply/3.000333/form/certificate?draft={DraftOf(first)}", list, StringComparison.Ordinal);
        var resumed = WebUtility.HtmlDecode(await (await browser.GetAsync(PathOf(first))).Content.ReadAsStringAsync());
        Assert.Contains("Xin việc</textarea>", resumed, StringComparison.Ordinal);

        // Coming back another day through "my applications", the citizen is led to the unsent draft.
        var mine = WebUtility.HtmlDecode(await browser.GetStringAsync("/my-applications"));
        Assert.Matches(@"Bạn có \d+ hồ sơ đang khai dở, chưa gửi\. <a href=""/apply/drafts"">", mine);

        // Another citizen cannot open the draft.
        var dung = await app.SignInCitizenAsync(Dung);
        Assert.Equal(HttpStatusCode.NotFound, (await dung.GetAsync(PathOf(first))).StatusCode);
    }

    [Fact]
    public async Task Applying_needs_a_citizen_sign_in()
    {
        var anonymous = app.NewBrowser();
        var response = await anonymous.GetAsync("/apply/1.004222");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
