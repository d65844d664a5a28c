using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneStop.IntegrationTests.Identity;
using OneStop.IntegrationTests.Infrastructure;

namespace OneStop.IntegrationTests.Catalog;

/// <summary>
/// A province administrator publishes a procedure file through the page, the way the API's import does: a new
/// version once, the same content again changes nothing, a file with problems is refused with every problem and
/// publishes nothing, and nobody else reaches the page.
/// </summary>
public sealed class ImportPageTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    private const string Administrator = "quantri.hanoi@onestop.example";

    [Fact]
    public async Task A_province_administrator_publishes_a_procedure_file_once_through_the_page()
    {
        var yaml = File.ReadAllText(Path.Combine(Repository.Root, "src/OneStop.Web/Catalog/Procedures/3.000333-cap-phieu-ly-lich-tu-phap.yaml"));
        var changed = yaml.Contains("\nkeywords:", StringComparison.Ordinal)
            ? yaml.Replace("\nkeywords:", "\nkeywords:\n  - trang nhập thủ tục", StringComparison.Ordinal)
            : throw new InvalidOperationException("The sample procedure has no keywords to extend.");
        var browser = await app.SignInOfficerAsync(Administrator);

        var catalogue = await (await browser.GetAsync("/procedures")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/procedures/import\"", catalogue, StringComparison.Ordinal);

        var first = await PostFileAsync(browser, "ly-lich-tu-phap.yaml", Encoding.UTF8.GetBytes(changed));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var published = await first.Content.ReadAsStringAsync();
        Assert.Contains("Đã công bố phiên bản", published, StringComparison.Ordinal);
        Assert.Contains("3.000333 – Cấp Phiếu lý lịch tư pháp.", published, StringComparison.Ordinal);
        Assert.Contains("href=\"/procedures/3.000333\"", published, StringComparison.Ordinal);

        var current = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/procedures/3.000333");
        var version = current.GetProperty("version").GetInt32();
        Assert.True(version >= 2);
        Assert.Contains("trang nhập thủ tục", current.GetRawText(), StringComparison.Ordinal);

        // The same content again, saved with a byte-order mark as Windows editors do: read alike, nothing changes.
        var again = await PostFileAsync(browser, "ly-lich-tu-phap.yaml", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(changed)]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("không có gì thay đổi", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var still = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/procedures/3.000333");
        Assert.Equal(version, still.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_file_with_problems_is_refused_with_each_problem_and_publishes_nothing()
    {
        var browser = await app.SignInOfficerAsync(Administrator);

        var invalid = await PostFileAsync(browser, "thieu.yaml", Encoding.UTF8.GetBytes("code: \"9.999998\"\nname:\n  vi: Thiếu mọi thứ\n"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var page = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("lỗi nên chưa được nhập", page, StringComparison.Ordinal);
        Assert.Contains("là mục bắt buộc nhưng chưa có.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("is required but missing", page, StringComparison.Ordinal);
        // Many problems, one message element: an id names one element, and the control points to all of them.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "id=\"definition-error\""));
        FormControls.AssertInError(page, "definition");
        Assert.Contains("definition-hint", FormControls.Of(page, "definition")["aria-describedby"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/procedures/9.999998")).StatusCode);

        var unclosed = await PostFileAsync(browser, "ngoac.yaml", Encoding.UTF8.GetBytes("code: [\"9.999998\"\nname:\n  vi: Ngoặc chưa đóng\n"));
        Assert.Equal(HttpStatusCode.BadRequest, unclosed.StatusCode);
        Assert.Contains("chưa đóng không?", await unclosed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var none = await PostFileAsync(browser, null, null);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Hãy chọn tệp định nghĩa thủ tục", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrongKind = await PostFileAsync(browser, "thu-tuc.txt", Encoding.UTF8.GetBytes("code: \"9.999998\"\n"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Contains("Chỉ nhận tệp .yaml, .yml hoặc .json.", await wrongKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var notText = await PostFileAsync(browser, "thu-tuc.yaml", [0x63, 0x6F, 0x64, 0x65, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]);
        Assert.Equal(HttpStatusCode.BadRequest, notText.StatusCode);
        Assert.Contains("không phải văn bản UTF-8", await notText.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var size in new[] { OneStop.Web.Catalog.Api.CatalogApi.MaxImportBytes + 1, 3 * OneStop.Web.Catalog.Api.CatalogApi.MaxImportBytes })
        {
            var tooLarge = await PostFileAsync(browser, "lon.yaml", new byte[size]);
            Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
            Assert.Contains("không thể nhập", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Larger than the page takes at all: refused before the form is read, by a page that says why.
        var refused = await PostFileAsync(browser, "rat-lon.yaml", new byte[5 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var explanation = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<title>Tệp gửi lên quá lớn – OneStop</title>", explanation, StringComparison.Ordinal);
        Assert.Contains("Trang này nhận tối đa 2 MB mỗi lần gửi. Chưa có gì được lưu", explanation, StringComparison.Ordinal);
        Assert.Contains("href=\"/procedures/import\"", explanation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/procedures/9.999998")).StatusCode);

        // In English the same problems read in English.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/language/en?returnUrl=%2Fprocedures%2Fimport")).StatusCode);
        var english = await (await PostFileAsync(browser, "thieu.yaml", Encoding.UTF8.GetBytes("code: \"9.999998\"\nname:\n  vi: Thiếu mọi thứ\n"))).Content.ReadAsStringAsync();
        Assert.Contains("is required but missing.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("là mục bắt buộc", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_province_administrator_reaches_the_import_page()
    {
        var anonymous = app.NewBrowser();
        var refusedAnonymous = await anonymous.GetAsync("/procedures/import");
        Assert.Equal(HttpStatusCode.Redirect, refusedAnonymous.StatusCode);
        Assert.Equal("/account/sign-in", PathOf(refusedAnonymous.Headers.Location));
        Assert.DoesNotContain("href=\"/procedures/import\"", await (await anonymous.GetAsync("/procedures")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var specialist = await app.SignInOfficerAsync("chuyenvien.badinh@onestop.example");
        var refusedSpecialist = await specialist.GetAsync("/procedures/import");
        Assert.True(refusedSpecialist.StatusCode is HttpStatusCode.Forbidden || PathOf(refusedSpecialist.Headers.Location) == "/error/403",
            $"A specialist got {(int)refusedSpecialist.StatusCode} {refusedSpecialist.Headers.Location}.");
        Assert.DoesNotContain("href=\"/procedures/import\"", await (await specialist.GetAsync("/procedures")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string? PathOf(Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    /// <summary>GETs the page for its antiforgery token, then posts the file (or no file) as a browser would.</summary>
    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient browser, string? fileName, byte[]? content)
    {
        var form = await browser.GetAsync("/procedures/import");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var token = IdentityAppFactory.HiddenValue(await form.Content.ReadAsStringAsync(), "__RequestVerificationToken");
        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (fileName is not null && content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Add(file, "definition", fileName);
        }

        return await browser.PostAsync("/procedures/import", body);
    }
}
