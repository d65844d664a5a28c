using System.Net;
using OneStop.IntegrationTests.Infrastructure;

namespace OneStop.IntegrationTests.Catalog;

/// <summary>The public catalogue pages, rendered by the real host without any JavaScript.</summary>
public sealed class CatalogPagesTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private async Task<string> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("dang ky khai sinh")]
    [InlineData("đăng ký khai sinh")]
    [InlineData("khai sinh")]
    public async Task The_search_page_finds_birth_registration(string query)
    {
        var html = await PageAsync("/procedures?q=" + Uri.EscapeDataString(query));

        Assert.Contains("<a href=\"/procedures/1.001193\">Đăng ký khai sinh</a>", html, StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 1 thủ tục.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/procedures/1.000656\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_page_lists_every_procedure_and_browses_by_field_and_level()
    {
        var all = await PageAsync("/procedures");
        Assert.Contains("Tìm thấy 8 thủ tục.", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/procedures?field=civil-status\"", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/procedures?level=province\"", all, StringComparison.Ordinal);

        var province = await PageAsync("/procedures?level=province");
        Assert.Contains("Tìm thấy 1 thủ tục.", province, StringComparison.Ordinal);
        Assert.Contains("/procedures/3.000333", province, StringComparison.Ordinal);

        var justice = await PageAsync("/procedures?field=civil-status");
        Assert.Contains("Tìm thấy 3 thủ tục.", justice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_without_results_says_what_to_try()
    {
        var html = await PageAsync("/procedures?q=" + Uri.EscapeDataString("xyzzy"));

        Assert.Contains("Không tìm thấy thủ tục nào phù hợp.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_procedure_page_shows_documents_fees_time_place_and_the_call_to_apply()
    {
        var html = await PageAsync("/procedures/1.001193");

        Assert.Contains("<h1>Đăng ký khai sinh</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/apply/1.001193\">Nộp hồ sơ trực tuyến</a>", html, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh", html, StringComparison.Ordinal);
        Assert.Contains("Không cần mang – cơ quan tự tra cứu dữ liệu", html, StringComparison.Ordinal);
        Assert.Contains("Cơ sở dữ liệu quốc gia về dân cư", html, StringComparison.Ordinal);
        Assert.Contains("<strong>8.000 đồng</strong> mỗi bản", html, StringComparison.Ordinal);
        Assert.Contains("Miễn phí", html, StringComparison.Ordinal);
        Assert.Contains("Trong ngày; nếu nhận hồ sơ sau 15:00 thì trả kết quả trong ngày làm việc tiếp theo", html, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân cấp xã", html, StringComparison.Ordinal);
        Assert.Contains("Luật Hộ tịch số 60/2014/QH13", html, StringComparison.Ordinal);
        Assert.Contains("Cần tỉnh xác nhận", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_procedure_handled_only_in_person_offers_no_online_application()
    {
        var html = await PageAsync("/procedures/2.000815");

        Assert.DoesNotContain("/apply/2.000815", html, StringComparison.Ordinal);
        Assert.Contains("Thủ tục này chỉ nộp trực tiếp tại bộ phận một cửa.", html, StringComparison.Ordinal);
        Assert.Contains("Tối đa 200.000 đồng mỗi bản", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/procedures/9.999999")]
    [InlineData("/procedures/not-a-code")]
    public async Task An_unknown_procedure_is_a_404_page_in_Vietnamese(string path)
    {
        var html = await PageAsync(path, HttpStatusCode.NotFound);

        Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_speak_English_when_English_is_chosen()
    {
        var list = await PageAsync("/procedures?q=birth&culture=en&ui-culture=en");
        Assert.Contains("<a href=\"/procedures/1.001193\">Birth registration</a>", list, StringComparison.Ordinal);
        Assert.Contains("1 procedure(s) found.", list, StringComparison.Ordinal);

        var page = await PageAsync("/procedures/1.004222?culture=en&ui-culture=en");
        Assert.Contains("<h1>Permanent residence registration</h1>", page, StringComparison.Ordinal);
        Assert.Contains(">Apply online</a>", page, StringComparison.Ordinal);
        Assert.Contains("20.000 đồng", page, StringComparison.Ordinal);
        Assert.DoesNotContain("20,000", page, StringComparison.Ordinal);
        Assert.Contains("7 working days", page, StringComparison.Ordinal);

        // What exists only in Vietnamese (decisions, laws, search examples) is marked so, for screen readers (WCAG 3.1.2).
        Assert.Contains("for example: <span lang=\"vi\">khai sinh</span>, <span lang=\"vi\">dang ky ket hon</span>, <span lang=\"vi\">hộ kinh doanh</span>, 1.001193.", list, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hint\" id=\"q-hint\">Gõ có dấu hoặc không dấu, ví dụ: khai sinh, dang ky ket hon, hộ kinh doanh, 1.001193.</span>", await PageAsync("/procedures"), StringComparison.Ordinal);
        Assert.Matches(@"<li lang=""vi"">Luật Cư trú", page);
        Assert.Matches(@"The procedure was published by <span lang=""vi"">Quyết định 1523/QĐ-BCA-C06</span>\.", page);
    }

    [Fact]
    public async Task The_main_navigation_leads_to_the_catalogue()
    {
        var home = await PageAsync("/");

        Assert.Contains("<a href=\"/procedures\">Thủ tục hành chính</a>", home, StringComparison.Ordinal);
    }
}
