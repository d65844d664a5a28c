using System.Net;
using OneStop.IntegrationTests.Infrastructure;

namespace OneStop.IntegrationTests.AdministrativeUnits;

/// <summary>The pages as a browser without JavaScript gets them.</summary>
[Collection(UnitsHost.Name)]
public sealed class AdministrativeUnitsPagesTests(OneStopAppFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task The_unit_browser_lists_the_provinces_of_the_date()
    {
        var html = await Page("/units?at=2025-06-30");
        Assert.Contains("63 tỉnh, thành phố có hiệu lực ngày 30/06/2025", html);
        Assert.Contains("Tỉnh Hà Giang", html);

        var now = await Page("/units?at=2026-05-01");
        Assert.Contains("34 tỉnh, thành phố có hiệu lực ngày 01/05/2026", now);
        Assert.Contains("Thành phố Đồng Nai", now);
        Assert.Contains("Tỉnh Hà Giang, Tỉnh Tuyên Quang", now);
    }

    [Fact]
    public async Task The_unit_browser_searches_with_or_without_diacritics()
    {
        var html = await Page("/units?at=2026-05-01&q=yen+hoa");
        Assert.Contains("Phường Yên Hoà, Thành phố Hà Nội", html);
        Assert.True(html.IndexOf("Phường Yên Hoà, Thành phố Hà Nội", StringComparison.Ordinal) < html.IndexOf("Phường Yên Hoà, Quận Cầu Giấy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_date_is_explained_in_Vietnamese()
    {
        var html = await Page("/units?at=30-06-2025");
        Assert.Contains("Có lỗi cần sửa", html);
        Assert.Contains("Ngày không hợp lệ", html);
        Assert.Contains("href=\"#at\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
    }

    [Fact]
    public async Task A_date_before_the_earliest_list_is_not_shown_as_if_that_list_were_in_force_then()
    {
        var html = await Page("/units?at=0001-01-01");
        Assert.Contains("Không có danh mục đơn vị hành chính nào cho ngày 01/01/0001: danh mục sớm nhất mà OneStop biết là danh mục ngày 01/03/2025.", html);
        Assert.Contains("href=\"#at\"", html);
        FormControls.AssertInError(html, "at");
        Assert.Contains("63 tỉnh, thành phố có hiệu lực ngày 01/03/2025", html);
        Assert.DoesNotContain("có hiệu lực ngày 01/01/0001", html, StringComparison.Ordinal);

        var dayBefore = await Page("/units?at=2025-02-28");
        Assert.Contains("Không có danh mục đơn vị hành chính nào cho ngày 28/02/2025", dayBefore);

        var earliest = await Page("/units?at=2025-03-01");
        Assert.DoesNotContain("Có lỗi cần sửa", earliest, StringComparison.Ordinal);
        Assert.Contains("63 tỉnh, thành phố có hiệu lực ngày 01/03/2025", earliest);

        var unit = await Page("/units/00004?at=0001-01-01");
        Assert.Contains("Không có danh mục đơn vị hành chính nào cho ngày 01/01/0001", unit);
        Assert.Contains("Đơn vị này có hiệu lực vào ngày 01/03/2025.", unit);

        var english = await Page("/units?culture=en&ui-culture=en&at=0001-01-01");
        Assert.Contains("No list of administrative units is known for 01/01/0001: the earliest list OneStop knows is that of 01/03/2025.", english);
    }

    [Fact]
    public async Task A_date_still_to_come_shows_the_latest_list_and_says_later_changes_are_not_known()
    {
        var html = await Page("/units?at=9999-12-31");
        Assert.Contains("34 tỉnh, thành phố có hiệu lực ngày 31/12/9999", html);
        Assert.Contains("Ngày 31/12/9999 chưa đến: đây là danh mục mới nhất mà OneStop biết", html);
        Assert.DoesNotContain("id=\"future-notice\"", await Page("/units?at=2026-05-01"), StringComparison.Ordinal);

        var beyond = await Page("/units?at=10000-01-01");
        Assert.Contains("Ngày không hợp lệ", beyond);
        FormControls.AssertInError(beyond, "at");
    }

    [Fact]
    public async Task A_province_page_lists_its_communes_with_what_they_were_formed_from()
    {
        var html = await Page("/units/01?at=2026-05-01");
        Assert.Contains("126 xã, phường, đặc khu", html);
        Assert.Contains("Phường Ba Đình", html);
        Assert.Contains("Phường Trúc Bạch", html);
        Assert.Contains("tag-partial", html);
        Assert.Contains("một phần", html);
    }

    [Fact]
    public async Task An_old_district_counts_townships_not_the_special_zones_that_came_later()
    {
        var html = await Page("/units/001?at=2025-06-30");
        Assert.Contains("13 xã, phường, thị trấn", html);
        Assert.DoesNotContain("đặc khu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_unit_page_shows_its_successors()
    {
        var html = await Page("/units/00007?at=2026-05-01");
        Assert.Contains("Đơn vị này không còn tồn tại vào ngày 01/05/2026", html);
        Assert.Contains("Phường Ngọc Hà, Thành phố Hà Nội", html);
        Assert.Contains("Phường Giảng Võ, Thành phố Hà Nội", html);
    }

    [Fact]
    public async Task An_unknown_unit_is_a_404_page()
    {
        var response = await _client.GetAsync("/units/99999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_convert_page_answers_a_whole_merge()
    {
        var html = await Page("/units/convert?province=ha+noi&district=ba+dinh&commune=truc+bach");
        Assert.Contains("Địa chỉ mới", html);
        Assert.Contains("Phường Ba Đình, Thành phố Hà Nội", html);
    }

    [Fact]
    public async Task The_convert_page_lists_the_candidates_of_a_split_commune()
    {
        var html = await Page("/units/convert?province=01&district=001&commune=C%E1%BB%91ng+V%E1%BB%8B");
        Assert.Contains("Đơn vị cũ đã được chia cho 2 xã, phường mới", html);
        Assert.Contains("Phường Ngọc Hà", html);
        Assert.Contains("Phường Giảng Võ", html);
        Assert.Contains("thôn, tổ dân phố", html);
    }

    [Fact]
    public async Task The_convert_page_explains_errors_per_field()
    {
        var html = await Page("/units/convert?province=H%C3%A0+N%E1%BB%99i&district=&commune=%C4%90%C3%B4ng+Xu%C3%A2n");
        Assert.Contains("<title>Lỗi: Chuyển đổi địa chỉ cũ", html);
        Assert.Contains("href=\"#commune\"", html);
        Assert.Contains("id=\"commune-error\"", html);
        Assert.Contains("Huyện Sóc Sơn", html);
        Assert.Contains("Huyện Quốc Oai", html);

        var empty = await Page("/units/convert?province=&district=&commune=");
        Assert.Contains("Nhập ít nhất tên hoặc mã", empty);

        var unknown = await Page("/units/convert?province=Atlantis");
        Assert.Contains("href=\"#province\"", unknown);
        Assert.Contains("Atlantis", unknown);
    }

    [Fact]
    public async Task The_convert_page_without_a_question_shows_only_the_form()
    {
        var html = await Page("/units/convert");
        Assert.DoesNotContain("error-summary", html);
        Assert.Contains("<form method=\"get\" action=\"/units/convert\"", html);
    }

    [Fact]
    public async Task The_pages_speak_English_when_asked()
    {
        var html = await Page("/units/convert?culture=en&ui-culture=en&province=01&district=001&commune=00007");
        Assert.Contains("Convert an old address", html);
        Assert.Contains("The old unit was divided between 2 new communes or wards", html);
        Assert.Contains(">part</span>", html);
        var units = await Page("/units?culture=en&ui-culture=en&at=2026-05-01");
        Assert.Contains("34 provinces and cities in force on 01/05/2026", units);
        var badDate = await Page("/units?culture=en&ui-culture=en&at=30-06-2025");
        Assert.Contains("There is a problem", badDate);
        Assert.Contains("href=\"#at\"", badDate);
    }

    private async Task<string> Page(string url)
    {
        var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return html;
    }
}
